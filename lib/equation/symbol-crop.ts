import { CANONICAL_SIZE, type CanonicalImage } from "../images/canonical-form";
import { fitToCanonical, inkBoundingBox } from "../images/canonicalize";
import type { LabelledMask } from "./components";
import type { Rect } from "./ink-mask";
import { dilateDisc, TARGET_STROKE, thinToSkeleton } from "./stroke-thickness";

export interface CropOptions {
  /** Redraw strokes at `strokeWidth` canonical pixels (default true). */
  normaliseStroke?: boolean;
  /** Canonical stroke width to redraw at (default TARGET_STROKE). */
  strokeWidth?: number;
}

/**
 * Cuts one symbol out of the labelled mask (only its own components, so a neighbour reaching
 * into the box, or the content under a √, is left out) and brings it to the canonical 45x45
 * form with the same fitToCanonical the training images went through.
 */
export function cropSymbol(
  labelled: LabelledMask,
  box: Rect,
  componentIds: readonly number[],
  options: CropOptions = {},
): CanonicalImage {
  const longSide = Math.max(box.width, box.height);
  const scale = longSide / CANONICAL_SIZE;
  // Room for the redrawn stroke to spill past the skeleton's box.
  const radius = options.normaliseStroke === false ? 0 : Math.max(0, ((options.strokeWidth ?? TARGET_STROKE) * scale - 1) / 2);
  const pad = Math.ceil(radius) + 1;
  const width = box.width + 2 * pad;
  const height = box.height + 2 * pad;
  const ids = new Set(componentIds);
  let mask: Uint8Array = new Uint8Array(width * height);
  for (let y = 0; y < box.height; y++) {
    const src = (box.y + y) * labelled.width + box.x;
    const dst = (y + pad) * width + pad;
    for (let x = 0; x < box.width; x++) if (ids.has(labelled.labels[src + x]!)) mask[dst + x] = 1;
  }
  if (options.normaliseStroke !== false) {
    mask = dilateDisc(thinToSkeleton(mask, width, height), width, height, radius);
  }
  const ink = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) ink[i] = mask[i] ? 255 : 0;
  const inkBox = inkBoundingBox(ink, width, height, 128) ?? { x: pad, y: pad, width: box.width, height: box.height };
  return fitToCanonical(ink, width, clipLikeInkRenderer(inkBox));
}

/**
 * The imported ink was rendered with its extent spread over 46 pixel rows (0..45) and the last
 * one clipped (renderStrokes, after the Kaggle set): the far end of the longer side loses its
 * last 1/46, so the model never saw a 2's foot or a bar lying exactly along that edge. Crops
 * lose the same sliver, so they look like what the model was trained on.
 */
function clipLikeInkRenderer(box: { x: number; y: number; width: number; height: number }) {
  const long = Math.max(box.width, box.height);
  const cut = Math.floor(long / (CANONICAL_SIZE + 1));
  if (cut < 1) return box;
  return box.height >= box.width ? { ...box, height: box.height - cut } : { ...box, width: box.width - cut };
}
