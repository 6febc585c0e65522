import type { GrayImage, Polarity } from "../images/canonicalize";
import { labelComponents } from "./components";
import { frameInk, removeEdgeBlobs } from "./edge-blobs";
import type { InkMask } from "./ink-mask";
import { boxBlur3, otsuThreshold, rankFilter } from "./morphology";

export interface BinarizeOptions {
  polarity?: Polarity;
  /** Half-size of the background window in pixels; by default from the image and stroke size. */
  backgroundRadius?: number;
  /** Least ink contrast (0-255, after background normalisation) that can count as ink. */
  minContrast?: number;
}

/**
 * Ink must be at least this much darker (out of 255) than the paper around it. Blue ruled
 * lines sit around 50-70 after normalisation, so they do become ink and are removed later by
 * shape; paper grain and JPEG noise stay under 25.
 */
const DEFAULT_MIN_CONTRAST = 40;

/**
 * Turns a grayscale photo, scan or canvas export into an ink mask. Polarity is read off the
 * histogram (the background is the majority level); the paper level is estimated with a
 * morphological opening over a window several strokes wide, and ink is measured relative to
 * it (a ratio for dark-on-light, so a shadow that dims paper and ink alike cancels out; a
 * difference for light-on-dark renders). A global Otsu threshold on that flat image, floored
 * at a minimum contrast so a blank page yields no ink, gives the mask, less components that
 * clear it nowhere by a margin (dropFaintComponents). Ink along the frame that is no writing
 * (the desk past the page's edge, edge-blobs.ts) is taken out, and the threshold set without it.
 */
export function binarizeInk(image: GrayImage, options: BinarizeOptions = {}): InkMask {
  const { width, height, pixels } = image;
  if (width <= 0 || height <= 0 || pixels.length !== width * height) {
    throw new Error(`pixel buffer of ${pixels.length} bytes does not match ${width}x${height}`);
  }
  const darkInk = options.polarity === "dark-on-light" || (options.polarity !== "light-on-dark" && isDarkInk(image));
  const blurred = boxBlur3(pixels, width, height);
  const ink = new Uint8Array(blurred.length);
  for (let i = 0; i < ink.length; i++) ink[i] = darkInk ? 255 - blurred[i]! : blurred[i]!;
  let raw = pixels;
  if (darkInk) {
    // A loop, not .map with a callback: this is per pixel of the whole picture.
    raw = new Uint8Array(pixels.length);
    for (let i = 0; i < raw.length; i++) raw[i] = 255 - pixels[i]!;
  }
  const minContrast = options.minContrast ?? DEFAULT_MIN_CONTRAST;

  let radius = options.backgroundRadius ?? Math.max(15, Math.round(Math.min(width, height) / 10));
  let background = paperLevel(ink, width, height, radius);
  let mask = thresholdAgainstBackground(ink, raw, width, height, background, darkInk, minContrast, null);
  const stroke = estimateStrokeWidth({ width, height, mask });
  if (options.backgroundRadius === undefined && stroke * 2.5 > radius) {
    // An opening only removes structures narrower than its window: thick marker strokes need a
    // wider one, or their middles are taken for paper and the symbols come out hollow.
    radius = Math.round(stroke * 3);
    background = paperLevel(ink, width, height, radius);
    mask = thresholdAgainstBackground(ink, raw, width, height, background, darkInk, minContrast, null);
  }
  // The desk past the page is far darker than any ink and would set the threshold: once found,
  // threshold again without it.
  const frame = frameInk({ width, height, mask }, stroke);
  if (!frame) return { width, height, mask };
  mask = thresholdAgainstBackground(ink, raw, width, height, background, darkInk, minContrast, frame);
  // The lower threshold may widen the desk's outline past the excluded pixels, or bring in a
  // shadowed part of the page at the frame; the pen is measured again on the new mask, since the
  // first one's runs were the desk's.
  const again = { width, height, mask };
  return removeEdgeBlobs(again, estimateStrokeWidth(again));
}

/** The paper's level under the ink: an opening (min, then max) of the ink image over a square window. */
function paperLevel(ink: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return rankFilter(rankFilter(ink, width, height, radius, "min"), width, height, radius, "max");
}

function thresholdAgainstBackground(
  ink: Uint8Array,
  raw: Uint8Array,
  width: number,
  height: number,
  background: Uint8Array,
  darkInk: boolean,
  minContrast: number,
  /** Pixels that are not paper or ink (frameInk): left out of the threshold and the mask. */
  exclude: Uint8Array | null,
): Uint8Array {
  const contrast = (level: number, b: number) => {
    let v: number;
    if (darkInk) {
      const paper = 255 - b;
      v = paper <= 0 ? 0 : Math.round((255 * (paper - (255 - level))) / paper);
    } else {
      v = level - b;
    }
    return v < 0 ? 0 : v > 255 ? 255 : v;
  };
  const flat = new Uint8Array(ink.length);
  const histogram = new Uint32Array(256);
  for (let i = 0; i < ink.length; i++) {
    flat[i] = exclude?.[i] ? 0 : contrast(ink[i]!, background[i]!);
    if (!exclude?.[i]) histogram[flat[i]!]!++;
  }
  const threshold = Math.max(otsuThreshold(histogram), minContrast);
  const mask = new Uint8Array(ink.length);
  for (let i = 0; i < flat.length; i++) mask[i] = flat[i]! > threshold ? 1 : 0;
  reopenThinGaps(mask, raw, background, width, height, threshold, contrast);
  dropFaintComponents(mask, flat, width, height, threshold);
  return mask;
}

/**
 * A stroke is darker in its middle than at its edges, so some of its pixels clear the threshold
 * by a margin; a faint ruling whose contrast sits at the threshold (pencil lowers the threshold
 * to the floor) clears it nowhere by much and comes out as a dashed line of flat pieces, each
 * too short to be known for ruling. A component must reach this many times the threshold
 * somewhere to be ink (the pieces of such a ruling, and its crossings, peak at 1.1-1.5 times it, pencil at 2-3),
 * or clear it by CLEAR_MARGIN: with a high threshold (dark ink) a thin piece of a stroke, gray
 * from anti-aliasing, must not have to reach 1.6 times it. Nor need it reach WRITING_SHARE of
 * the writing's own level (the median peak of the components that do clear it by so much):
 * faint gray writing, held at the threshold's floor, peaks at 1.5-1.9 times it, and would lose
 * half its symbols. It must still reach FAINT_FLOOR times the threshold, so that specks of paper
 * grain on a blank page, or the faintest pieces of a ruling, stay out.
 */
const CLEAR_INK = 1.6;
const CLEAR_MARGIN = 24;
const WRITING_SHARE = 0.85;
const FAINT_FLOOR = 1.4;

function dropFaintComponents(mask: Uint8Array, flat: Uint8Array, width: number, height: number, threshold: number): void {
  const clear = Math.min(threshold * CLEAR_INK, threshold + CLEAR_MARGIN);
  const { labels, components } = labelComponents({ width, height, mask });
  const peak = new Uint8Array(components.length + 1);
  for (let i = 0; i < mask.length; i++) {
    const id = labels[i]!;
    if (id > 0 && flat[i]! > peak[id]!) peak[id] = flat[i]!;
  }
  const clearing = peak.subarray(1).filter((p) => p >= clear).sort();
  // With nothing clearing it there is no writing to measure against: all of it is dropped.
  const writing = clearing.length > 0 ? clearing[clearing.length >> 1]! : Infinity;
  const least = Math.ceil(Math.min(clear, Math.max(WRITING_SHARE * writing, threshold * FAINT_FLOOR)));
  for (let i = 0; i < mask.length; i++) if (labels[i]! > 0 && peak[labels[i]!]! < least) mask[i] = 0;
}

/** Widest gap (pixels) between strokes that reopenThinGaps opens again: the blur fills no wider one. */
const GAP_REACH = 2;
/**
 * A gap between two strokes runs along them (the bars of an =, two 1s side by side); a skip of a
 * dry pen across one stroke is no longer than the stroke is wide. Only gaps running this many
 * pixels are opened, so a skipped stroke up to 3 px wide stays whole (on the val-split composed
 * lines this keeps 2 of 300 small = bars joined that a bare rule would open).
 */
const MIN_CHANNEL = 4;

/**
 * The blur that keeps paper grain out of the mask also fills a gap of a pixel or two between
 * strokes: the bars of a small = become one thick bar, two 1s touch. A masked pixel that is
 * itself paper-light (under half the threshold, unblurred) with ink on both sides within
 * GAP_REACH pixels, above and below or left and right, is paper again where such pixels run
 * MIN_CHANNEL long across that direction.
 */
function reopenThinGaps(
  mask: Uint8Array,
  raw: Uint8Array,
  background: Uint8Array,
  width: number,
  height: number,
  threshold: number,
  contrast: (level: number, b: number) => number,
): void {
  const inkAt = (i: number) => contrast(raw[i]!, background[i]!) > threshold;
  // Ink within GAP_REACH pixels along one direction from i.
  const inkWithin = (i: number, step: number) => {
    for (let d = 1; d <= GAP_REACH; d++) if (inkAt(i + d * step)) return true;
    return false;
  };
  // Light masked pixels with ink above and below (a gap running sideways), or left and right (running up and down).
  const stacked = new Uint8Array(mask.length);
  const sideBySide = new Uint8Array(mask.length);
  for (let y = GAP_REACH; y < height - GAP_REACH; y++) {
    for (let x = GAP_REACH; x < width - GAP_REACH; x++) {
      const i = y * width + x;
      if (!mask[i] || contrast(raw[i]!, background[i]!) >= threshold / 2) continue;
      if (inkWithin(i, -width) && inkWithin(i, width)) stacked[i] = 1;
      if (inkWithin(i, -1) && inkWithin(i, 1)) sideBySide[i] = 1;
    }
  }
  clearRuns(mask, stacked, width, height, 1, width);
  clearRuns(mask, sideBySide, width, height, width, 1);
}

/** Clears from the mask every run of flagged pixels at least MIN_CHANNEL long along `step` (lines advance by `next`). */
function clearRuns(mask: Uint8Array, flagged: Uint8Array, width: number, height: number, step: number, next: number): void {
  const lines = step === 1 ? height : width;
  const length = step === 1 ? width : height;
  for (let l = 0; l < lines; l++) {
    let run = 0;
    for (let k = 0; k <= length; k++) {
      const i = l * next + k * step;
      if (k < length && flagged[i]) {
        run++;
        continue;
      }
      if (run >= MIN_CHANNEL) for (let r = 1; r <= run; r++) mask[i - r * step] = 0;
      run = 0;
    }
  }
}

/** A median at or above this level is light paper. */
const LIGHT_PAPER = 128;
/** Ink is looked for against the lightest and darkest level within this share of the short side (wider than a pen). */
const LOCAL_SHARE = 30;

/**
 * True when the ink is darker than the page. Light paper (the median level, the background since
 * ink covers far less than half the page, in the upper half of the range) has dark ink. On a dark
 * page (an underexposed photo, a shadow over half the page, a light-on-dark render) the ink is
 * the sparse side: read the right way, only the strokes stand far below the lightest level near
 * them (dark ink) or far above the darkest (light ink); read the wrong way, so does all the page
 * around the strokes. Histogram percentiles were used before: on a loose crop the ink is under 1%
 * of the pixels, so both were paper, and the way the light fell across it decided.
 */
export function isDarkInk({ width, height, pixels }: GrayImage): boolean {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]!++;
  const at = (fraction: number): number => {
    const target = fraction * pixels.length;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen >= target) return v;
    }
    return 255;
  };
  if (at(0.5) >= LIGHT_PAPER) return true;
  const radius = Math.max(3, Math.round(Math.min(width, height) / LOCAL_SHARE));
  const lightest = rankFilter(pixels, width, height, radius, "max");
  const darkest = rankFilter(pixels, width, height, radius, "min");
  // Far: a quarter of the image's spread of levels (an underexposed photo has little).
  const far = Math.max(12, (at(0.99) - at(0.01)) / 4);
  let below = 0;
  let above = 0;
  for (let i = 0; i < pixels.length; i++) {
    if (lightest[i]! - pixels[i]! > far) below++;
    if (pixels[i]! - darkest[i]! > far) above++;
  }
  return below <= above;
}

/** Median length of horizontal and vertical ink runs: close to the pen width. */
export function estimateStrokeWidth({ width, height, mask }: InkMask): number {
  const runs = new Uint32Array(Math.max(width, height) + 1);
  let count = 0;
  const add = (len: number): void => {
    if (len > 0) {
      runs[len]!++;
      count++;
    }
  };
  for (let y = 0; y < height; y++) {
    let len = 0;
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) len++;
      else {
        add(len);
        len = 0;
      }
    }
    add(len);
  }
  for (let x = 0; x < width; x++) {
    let len = 0;
    for (let y = 0; y < height; y++) {
      if (mask[y * width + x]) len++;
      else {
        add(len);
        len = 0;
      }
    }
    add(len);
  }
  if (count === 0) return 0;
  let seen = 0;
  for (let len = 1; len < runs.length; len++) {
    seen += runs[len]!;
    if (seen * 2 >= count) return len;
  }
  return 1;
}
