import type { GrayImage } from "../images/canonicalize";
import { labelComponents } from "./components";
import type { InkMask, Rect } from "./ink-mask";
import { binarizeInk, estimateStrokeWidth, type BinarizeOptions } from "./preprocess";
import { removeRuledLines } from "./ruled-lines";

/** A horizontal band of the image holding one written line: rows [top, bottom). */
export interface LineBand {
  top: number;
  bottom: number;
}

/**
 * A blank gap between two bands separates lines only when it is at least this share of the
 * taller band. Inside one line rows are never blank across the whole width except between the
 * bars of a lone "=", and that gap is a fraction of a symbol's height.
 */
const MIN_LINE_GAP = 0.2;
/** A band shorter than this share of the tallest one is a bar, a dot or a stray mark, not a line. */
const MIN_LINE_HEIGHT = 0.35;
/** Nor is a band under this many pen widths high (the bars of a lone "="). */
const MIN_LINE_STROKES = 3;
/** A flat band further than this many of its neighbour's heights from it is in no line. */
const STRAY_GAP = 1;
/** Rows with fewer ink pixels than this are treated as blank (specks, ruled-line leftovers). */
const MIN_ROW_INK = 2;
/** Blank rows kept around each band so the segmenter sees the symbols whole, with some paper. */
const BAND_MARGIN = 0.15;

/**
 * Finds the written lines of an image (a system of two equations is written as two lines) by
 * the horizontal projection of the ink: runs of inked rows, joined across small gaps and
 * flat bands, so "=" on its own or an exponent above its line never starts a line.
 */
export function findLineBands(image: GrayImage, options: BinarizeOptions = {}): LineBand[] {
  const mask = removeRuledLines(binarizeInk(image, options));
  return bandsFromMask(mask);
}

/** findLineBands on a ready ink mask. */
export function bandsFromMask(ink: InkMask): LineBand[] {
  const { width, height, mask } = ink;
  const runs: LineBand[] = [];
  let start = -1;
  for (let y = 0; y <= height; y++) {
    let ink = 0;
    if (y < height) for (let x = 0, row = y * width; x < width; x++) ink += mask[row + x]!;
    if (ink >= MIN_ROW_INK) {
      if (start < 0) start = y;
    } else if (start >= 0) {
      runs.push({ top: start, bottom: y });
      start = -1;
    }
  }
  if (runs.length <= 1) return withMargins(runs, height);
  const tallest = Math.max(...runs.map((r) => r.bottom - r.top));
  const minLine = Math.max(MIN_LINE_HEIGHT * tallest, MIN_LINE_STROKES * estimateStrokeWidth(ink));
  // Join runs across gaps too small to be line spacing.
  const joined: LineBand[] = [];
  for (const run of runs) {
    const prev = joined[joined.length - 1];
    if (prev && run.top - prev.bottom < MIN_LINE_GAP * Math.max(prev.bottom - prev.top, run.bottom - run.top)) {
      prev.bottom = run.bottom;
    } else joined.push({ ...run });
  }
  // A flat band on its own (the lower bar of "=" far below, a dot) joins its nearer neighbour.
  const lines: LineBand[] = [];
  for (let i = 0; i < joined.length; i++) {
    const band = joined[i]!;
    if (band.bottom - band.top >= minLine) {
      lines.push({ ...band });
      continue;
    }
    const prev = lines[lines.length - 1];
    const next = joined[i + 1];
    const gapPrev = prev ? band.top - prev.bottom : Infinity;
    const gapNext = next ? next.top - band.bottom : Infinity;
    // Further from its neighbour than the neighbour is high, it belongs to no line: a stray mark,
    // the tip of a shadow's edge.
    const near = (other: LineBand, gap: number) => gap <= STRAY_GAP * (other.bottom - other.top);
    if (prev && gapPrev <= gapNext) {
      if (near(prev, gapPrev)) prev.bottom = band.bottom;
    } else if (next) {
      if (near(next, gapNext)) next.top = band.top;
    } else lines.push({ ...band });
  }
  return withMargins(joinFractionBands(ink, lines), height);
}

/** A fraction's bar is at most this high for its width. */
const FRACTION_BAR_FLAT = 0.4;
/** ...and lies within this many pen widths of the bottom of the band over it, or of the top of the band under it. */
const FRACTION_BAR_EDGE = 2;

/**
 * Bands that are the numerator and denominator of a fraction written on its own line, as one
 * band: the rows split at the gap on one side of the bar (3 over 4, its bar drawn close under
 * the 3), and the bar went with the nearer band. A flat stroke along the bottom of one band or
 * the top of the next, reaching past the middle of the rest of the ink of both, is that bar; so
 * is a band holding nothing but such a stroke between two bands (a bar drawn thick or sloping).
 * Between the lines of a system no stroke does that: a minus or an = sits mid-line.
 */
function joinFractionBands(ink: InkMask, bands: LineBand[]): LineBand[] {
  if (bands.length < 2) return bands;
  const { components } = labelComponents(ink);
  const edge = FRACTION_BAR_EDGE * estimateStrokeWidth(ink);
  const within = (c: Rect, band: LineBand) => c.y >= band.top && c.y + c.height <= band.bottom;
  // Whether the middle of the band's ink, the bar left out, lies over the bar's width.
  const under = (bar: Rect, band: LineBand) => {
    const rest = components.filter((c) => c !== bar && within(c, band));
    if (rest.length === 0) return false;
    const middle = (Math.min(...rest.map((c) => c.x)) + Math.max(...rest.map((c) => c.x + c.width))) / 2;
    return middle > bar.x && middle < bar.x + bar.width;
  };
  const near = (a: LineBand, b: LineBand) => b.top - a.bottom <= STRAY_GAP * Math.min(a.bottom - a.top, b.bottom - b.top);
  const flat = (c: Rect) => c.height <= FRACTION_BAR_FLAT * c.width;
  const out: LineBand[] = [{ ...bands[0]! }];
  for (let k = 1; k < bands.length; k++) {
    const last = out[out.length - 1]!;
    const next = bands[k]!;
    const isBar = (c: Rect) =>
      flat(c) &&
      ((within(c, last) && c.y + c.height >= last.bottom - edge) || (within(c, next) && c.y <= next.top + edge)) &&
      under(c, last) &&
      under(c, next);
    if (near(last, next) && components.some(isBar)) {
      last.bottom = next.bottom;
      continue;
    }
    // A bar drawn thick or sloping is high enough to be a band of its own, between the two.
    const after = bands[k + 1];
    // Specks of grain beside it do not count.
    const alone = components.filter((c) => within(c, next) && Math.max(c.width, c.height) > edge);
    const bar = alone.length === 1 && flat(alone[0]!) ? alone[0]! : null;
    if (bar && after && near(last, next) && near(next, after) && under(bar, last) && under(bar, after)) {
      last.bottom = after.bottom;
      k++;
      continue;
    }
    out.push({ ...next });
  }
  return out;
}

/** The ink left of the first blank columns may be a brace when at most this share of its height wide. */
const BRACE_ASPECT = 0.5;
/** Blank columns at least this many pen widths wide set the brace apart from the lines. */
const BRACE_GAP_STROKES = 1;
/** Rows the brace may skip (two arcs that do not quite meet at its tip), in pen widths. */
const BRACE_ROW_SKIP = 2;
/**
 * Runs of columns, each no wider than the pen, that may stand left of a brace: what is left of a
 * squared page's column, or a sliver of the page's edge. More than this and there is no brace.
 */
const MARKS_BEFORE_BRACE = 2;

/**
 * The mask without the brace of a system written as one (a tall "{" or "[" left of two or more
 * lines), or null when there is none. The brace spans the blank rows between the lines, so the
 * lines would read as one. It is the ink left of the first blank columns, when that ink is
 * narrow, runs unbroken from the first line to the last, and without it the rest falls into two
 * or more lines: the first symbols of two lines share columns too, but not the rows between them.
 * Up to MARKS_BEFORE_BRACE runs of columns no wider than the pen may come before it (a grid
 * column of squared paper runs the page's height and would join the lines again); they go with it.
 */
export function withoutSystemBrace(ink: InkMask): InkMask | null {
  const { width, mask } = ink;
  const columns = new Uint32Array(width);
  for (let i = 0; i < mask.length; i++) columns[i % width]! += mask[i]!;
  // The pen is measured only once some ink stands apart (most images have no brace).
  let stroke = 0;
  const pen = () => (stroke ||= estimateStrokeWidth(ink));
  let first = 0;
  while (first < width && columns[first] === 0) first++;
  let start = first;
  for (let marks = 0; marks <= MARKS_BEFORE_BRACE; marks++) {
    let end = start;
    while (end < width && columns[end]! > 0) end++;
    let gap = end;
    while (gap < width && columns[gap] === 0) gap++;
    if (end >= width || gap >= width) return null;
    if (gap - end >= 2 && gap - end >= BRACE_GAP_STROKES * pen()) {
      const without = braceRemoved(ink, pen(), first, start, end);
      if (without) return without;
    }
    // Only a mark no wider than the pen may stand before the brace.
    if (end - start > pen()) return null;
    start = gap;
  }
  return null;
}

/**
 * The mask without columns [first, end) when the ink of [start, end) is a brace: narrow, unbroken
 * and reaching into the first and the last of the two or more lines the rest falls into.
 */
function braceRemoved(ink: InkMask, stroke: number, first: number, start: number, end: number): InkMask | null {
  const { width, height, mask } = ink;
  // The rows the ink of [start, end) covers, and the longest run of rows it skips.
  let top = -1;
  let bottom = -1;
  let skip = 0;
  let longestSkip = 0;
  for (let y = 0; y < height; y++) {
    if (!mask.subarray(y * width + start, y * width + end).includes(1)) {
      skip++;
      continue;
    }
    if (top < 0) top = y;
    else longestSkip = Math.max(longestSkip, skip);
    bottom = y + 1;
    skip = 0;
  }
  if (top < 0 || longestSkip > BRACE_ROW_SKIP * stroke || end - start > BRACE_ASPECT * (bottom - top)) return null;
  const rest = Uint8Array.from(mask);
  for (let y = top; y < bottom; y++) rest.fill(0, y * width + start, y * width + end);
  // The marks before the brace go over the whole page's height.
  if (start > first) for (let y = 0; y < height; y++) rest.fill(0, y * width + first, y * width + start);
  const without = { width, height, mask: rest };
  const bands = bandsFromMask(without);
  if (bands.length < 2) return null;
  const firstBand = bands[0]!;
  const lastBand = bands[bands.length - 1]!;
  if (top > (firstBand.top + firstBand.bottom) / 2 || bottom < (lastBand.top + lastBand.bottom) / 2) return null;
  return without;
}

function withMargins(bands: readonly LineBand[], height: number): LineBand[] {
  return bands.map((band, i) => {
    const margin = Math.ceil(BAND_MARGIN * (band.bottom - band.top)) + 2;
    const prevBottom = i > 0 ? bands[i - 1]!.bottom : 0;
    const nextTop = i + 1 < bands.length ? bands[i + 1]!.top : height;
    return {
      top: Math.max(prevBottom === 0 ? 0 : Math.ceil((prevBottom + band.top) / 2), band.top - margin),
      bottom: Math.min(nextTop === height ? height : Math.floor((band.bottom + nextTop) / 2), band.bottom + margin),
    };
  });
}

/** Rows [top, bottom) of a grayscale image as an image of their own. */
export function cropRows(image: GrayImage, band: LineBand): GrayImage {
  const { width } = image;
  return {
    width,
    height: band.bottom - band.top,
    pixels: image.pixels.subarray(band.top * width, band.bottom * width),
  };
}
