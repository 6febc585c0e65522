import { labelComponents } from "./components";
import { median, type InkMask } from "./ink-mask";
import { rankFilter } from "./morphology";

/** Solid ink must survive an erosion this many pen widths deep: a stroke is about one wide. */
const CORE_STROKES = 1;
/** ...and its core be at least this many pen widths long: a blot where strokes cross is not a desk. */
const MIN_CORE_LENGTH_STROKES = 8;
/** Pixels taken beyond the solid region's outline, so no thin sliver of its edge is left to read as a "1". */
const EDGE_MARGIN = 2;
/** A wedge's tip left by the opening is taken up to this many erosion radii from the frame (see withTips). */
const TIP_STROKES = 3;
/** Ink along this share of one side of the frame is the page's edge, however thin: no written stroke lies along the frame. */
const HUG_SHARE = 0.8;

/**
 * A photo often shows more than the page: the desk past its edge, a scanner's dark border, a
 * hard shadow, the thumb holding it. Background normalisation flattens only regions wider than
 * its window, so a narrower band comes out as ink along the frame and is read as a minus or a 1.
 * Writing is strokes that may run into the frame but not along it, so two things are taken:
 * ink lying along most of one side of the frame, as deep as it usually lies there (ruling and
 * strokes that go on further in keep the rest), and solid ink touching the frame that survives
 * an erosion a pen width deep, with its outline. Returns those pixels, or null when there are
 * none. Pure.
 */
export function frameInk(input: InkMask, stroke: number): Uint8Array | null {
  // Most images (every canvas drawing, every rendered line) have a margin of paper: nothing to look for.
  if (!onFrame(input.mask, input.width, input.height)) return null;
  const strips = frameStrips(input);
  const solid = solidAtFrame(input, stroke);
  if (!strips || !solid) return strips ?? solid;
  for (let i = 0; i < solid.length; i++) solid[i]! |= strips[i]!;
  return solid;
}

/** The mask without its frameInk. */
export function removeEdgeBlobs(input: InkMask, stroke: number): InkMask {
  const region = frameInk(input, stroke);
  if (!region) return input;
  return { width: input.width, height: input.height, mask: input.mask.map((v, i) => (region[i] ? 0 : v)) };
}

function frameStrips({ width, height, mask }: InkMask): Uint8Array | null {
  let out: Uint8Array | null = null;
  // Each side as (first pixel, step along the side, step inward, side length, depth available).
  const sides: [number, number, number, number, number][] = [
    [0, width, 1, height, width],
    [width - 1, width, -1, height, width],
    [0, 1, width, width, height],
    [(height - 1) * width, 1, -width, width, height],
  ];
  for (const [start, along, inward, length, depth] of sides) {
    const runs: number[] = [];
    for (let i = 0; i < length; i++) {
      let d = 0;
      while (d < depth && mask[start + i * along + d * inward]) d++;
      runs.push(d);
    }
    const touching = runs.filter((d) => d > 0);
    if (touching.length < HUG_SHARE * length) continue;
    // The page's edge lies as deep at one point as at the next.
    const reach = Math.ceil(1.5 * median(touching)) + EDGE_MARGIN;
    out ??= new Uint8Array(mask.length);
    for (let i = 0; i < length; i++) for (let d = 0; d < Math.min(Math.max(runs[i]!, 1) + EDGE_MARGIN, reach, depth); d++) out[start + i * along + d * inward] = 1;
  }
  return out;
}

function solidAtFrame({ width, height, mask }: InkMask, stroke: number): Uint8Array | null {
  const radius = Math.max(2, Math.round(CORE_STROKES * stroke));
  if (width <= 2 * radius || height <= 2 * radius) return null;
  const core = rankFilter(mask, width, height, radius, "min");
  if (!onFrame(core, width, height)) return null;
  const labelled = labelComponents({ width, height, mask: core });
  const minLength = Math.max(4 * radius, MIN_CORE_LENGTH_STROKES * stroke);
  const solid = new Uint8Array(mask.length);
  let any = false;
  for (const c of labelled.components) {
    const touchesFrame = c.x === 0 || c.y === 0 || c.x + c.width >= width || c.y + c.height >= height;
    if (!touchesFrame || Math.max(c.width, c.height) < minLength) continue;
    any = true;
    for (let y = c.y; y < c.y + c.height; y++) {
      for (let x = c.x; x < c.x + c.width; x++) if (labelled.labels[y * width + x] === c.id) solid[y * width + x] = 1;
    }
  }
  if (!any) return null;
  // Dilating the core by the erosion's radius gives back the solid region's shape (an opening).
  const region = rankFilter(solid, width, height, radius + EDGE_MARGIN, "max");
  withTips(region, { width, height, mask }, TIP_STROKES * radius);
  withSlivers(region, { width, height, mask }, radius, MIN_CORE_LENGTH_STROKES * stroke);
  return region;
}

/**
 * Where a slanted page edge meets the frame, the threshold also leaves slivers of the edge on
 * their own, beside the solid region rather than joined to it: short, touching the frame, within
 * an erosion radius of the region. They go with it. A symbol running off a tight crop touches the
 * frame too, but not next to a desk.
 */
function withSlivers(region: Uint8Array, { width, height, mask }: InkMask, radius: number, maxSide: number): void {
  const near = rankFilter(region, width, height, radius, "max");
  const rest = mask.map((v, i) => (v && !region[i] ? 1 : 0));
  const labelled = labelComponents({ width, height, mask: rest });
  const take = new Set<number>();
  for (const c of labelled.components) {
    const touchesFrame = c.x === 0 || c.y === 0 || c.x + c.width >= width || c.y + c.height >= height;
    if (!touchesFrame || Math.max(c.width, c.height) > maxSide) continue;
    let close = false;
    for (let y = c.y; y < c.y + c.height && !close; y++) {
      for (let x = c.x; x < c.x + c.width; x++) {
        const i = y * width + x;
        if (labelled.labels[i] === c.id && near[i]) {
          close = true;
          break;
        }
      }
    }
    if (close) take.add(c.id);
  }
  if (take.size === 0) return;
  for (let i = 0; i < region.length; i++) if (take.has(labelled.labels[i]!)) region[i] = 1;
}

/**
 * The opening leaves what is thinner than the erosion: where a slanted page edge meets the frame,
 * the desk narrows to a wedge, and its tip stays behind as a short bar along the frame (read as a
 * minus, a 1 or a √). Ink joined to the solid region and within `reach` of the frame goes with it;
 * a stroke running into the desk loses at most that much of its end.
 */
function withTips(region: Uint8Array, { width, height, mask }: InkMask, reach: number): void {
  const labelled = labelComponents({ width, height, mask });
  const joined = new Set<number>();
  for (let i = 0; i < mask.length; i++) if (region[i] && labelled.labels[i]) joined.add(labelled.labels[i]!);
  for (let y = 0; y < height; y++) {
    const dy = Math.min(y, height - 1 - y);
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (region[i] || !joined.has(labelled.labels[i]!)) continue;
      if (Math.min(dy, x, width - 1 - x) <= reach) region[i] = 1;
    }
  }
}

/** Whether any pixel of the outermost rows and columns is set. */
function onFrame(mask: Uint8Array, width: number, height: number): boolean {
  for (let x = 0; x < width; x++) if (mask[x] || mask[(height - 1) * width + x]) return true;
  for (let y = 0; y < height; y++) if (mask[y * width] || mask[y * width + width - 1]) return true;
  return false;
}
