import { CANONICAL_SIZE, type CanonicalImage } from "../images/canonical-form";
import type { GrayImage } from "../images/canonicalize";
import { inkBoundingBox } from "../images/canonicalize";
import type { BoxTuple } from "./ink-mask";
import { symbolKind } from "./symbol-kinds";

export interface ComposeOptions {
  /** Digit height in pixels. */
  size: number;
  /** Random number source in [0, 1) (seeded by the caller for repeatable benches). */
  rng: () => number;
  /** Relative size, baseline and spacing jitter (0.15 = ±15%). Default 0.15. */
  jitter?: number;
}

/** How a class sits on the line: its size relative to a digit and where its box is anchored. */
interface Placement {
  /** Target extent in digit heights. */
  extent: number;
  /** "height": extent is the box height; "long": the longer side (bars, + and =). */
  by: "height" | "long";
  /** Box bottom relative to the baseline in digit heights (positive = below). */
  drop: number;
  /** Centre vertically at mid-digit instead of sitting on the baseline. */
  centred: boolean;
}

function placementFor(label: string): Placement {
  const kind = symbolKind(label);
  if (kind === "digit") return { extent: 1, by: "height", drop: 0, centred: false };
  if (label === "y" || label === "g" || label === "p" || label === "q") return { extent: 0.95, by: "height", drop: 0.3, centred: false };
  if (kind === "variable") return { extent: 0.65, by: "height", drop: 0, centred: false };
  if (kind === "open" || kind === "close") return { extent: 1.25, by: "height", drop: 0.12, centred: false };
  return { extent: 0.6, by: "long", drop: 0, centred: true };
}

/**
 * Lays canonical symbol images (white on black, 45x45) out as a handwritten line, dark ink on
 * white paper: each symbol cut to its ink, scaled to a realistic size for its class (digits a
 * line high, x at x-height, y with a descender, bars and + about half a digit wide), with
 * random size, baseline and spacing jitter. Returns the image and each symbol's box.
 */
export function composeEquation(symbols: readonly { label: string; canonical: CanonicalImage }[], options: ComposeOptions): { image: GrayImage; boxes: BoxTuple[] } {
  const { size, rng } = options;
  const jitter = options.jitter ?? 0.15;
  const wobble = () => (rng() * 2 - 1) * jitter;
  const margin = Math.round(size * 0.6);
  const baseline = margin + Math.round(size * 1.1);
  const placed: { pixels: Float32Array; x: number; y: number; w: number; h: number }[] = [];
  let pen = margin;
  for (const { label, canonical } of symbols) {
    const box = inkBoundingBox(canonical, CANONICAL_SIZE, CANONICAL_SIZE, 64) ?? { x: 0, y: 0, width: CANONICAL_SIZE, height: CANONICAL_SIZE };
    const p = placementFor(label);
    const target = p.extent * size * (1 + wobble());
    const scale = target / (p.by === "height" ? box.height : Math.max(box.width, box.height));
    const w = Math.max(1, Math.round(box.width * scale));
    const h = Math.max(1, Math.round(box.height * scale));
    const pixels = resample(canonical, box, w, h);
    const shift = size * 0.08 * wobble();
    const y = p.centred ? Math.round(baseline - size * 0.5 - h / 2 + shift) : Math.round(baseline + p.drop * size - h + shift);
    placed.push({ pixels, x: Math.round(pen), y, w, h });
    // Gaps of 0.15-0.45 digit heights: handwriting spacing, from tight to loose.
    pen += w + size * (0.3 + 0.15 * (rng() * 2 - 1));
  }
  const width = Math.ceil(pen + margin);
  const height = baseline + Math.round(size * 0.6) + margin;
  const paper = new Float32Array(width * height);
  const boxes: BoxTuple[] = [];
  for (const s of placed) {
    const top = Math.max(0, s.y);
    for (let y = 0; y < s.h; y++) {
      const py = s.y + y;
      if (py < 0 || py >= height) continue;
      for (let x = 0; x < s.w; x++) {
        const v = s.pixels[y * s.w + x]!;
        const i = py * width + s.x + x;
        if (v > paper[i]!) paper[i] = v;
      }
    }
    boxes.push([s.x, top, s.w, Math.min(height, s.y + s.h) - top]);
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - Math.round(paper[i]! * 235);
  return { image: { width, height, pixels }, boxes };
}

/** Bilinear resample of the box of a canonical image to w x h, as ink coverage 0-1. */
function resample(canonical: CanonicalImage, box: { x: number; y: number; width: number; height: number }, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const at = (x: number, y: number) => {
    const cx = Math.min(CANONICAL_SIZE - 1, Math.max(0, x));
    const cy = Math.min(CANONICAL_SIZE - 1, Math.max(0, y));
    return canonical[cy * CANONICAL_SIZE + cx]! / 255;
  };
  for (let ty = 0; ty < h; ty++) {
    const sy = box.y + ((ty + 0.5) * box.height) / h - 0.5;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let tx = 0; tx < w; tx++) {
      const sx = box.x + ((tx + 0.5) * box.width) / w - 0.5;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      out[ty * w + tx] =
        at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy) + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy;
    }
  }
  return out;
}
