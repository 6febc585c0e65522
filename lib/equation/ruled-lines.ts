import { labelComponents } from "./components";
import type { InkMask, Rect } from "./ink-mask";
import { estimateStrokeWidth } from "./preprocess";

export interface RuledLineOptions {
  /** Fraction of the image width a component must span to be taken for a ruled line. */
  minSpan?: number;
}

/** Ruled paper lines run edge to edge; a written fraction bar or minus never spans 70%. */
const DEFAULT_MIN_SPAN = 0.7;
/**
 * Squared paper also has columns, and a notebook a margin line. Only on ruled paper (at least
 * MIN_ROWS rows were found: one may be the bar of a long square root) and only about edge to
 * edge: rows above and below the writing leave it nowhere near 85% of the height, which a
 * written 1 or bracket may span in a tight crop.
 */
const COLUMN_MIN_SPAN = 0.85;
const MIN_ROWS = 2;

/**
 * Removes thin, long, nearly horizontal lines (ruled paper, a table edge) from an ink mask, and
 * on ruled paper the columns of squared paper and a margin line too.
 * Works per component so a slightly tilted line is still found: a line is fitted through the
 * centres of the component's thin column runs, and only runs on that line no thicker than the
 * line itself are erased; where a symbol stroke crosses or sits on the line the run is thicker
 * and is kept, so symbols are not cut.
 */
export function removeRuledLines(input: InkMask, options: RuledLineOptions = {}): InkMask {
  const whole = removeRows(input, options.minSpan ?? DEFAULT_MIN_SPAN);
  const broken = removeBrokenRows(whole.ink, whole.lines > 0);
  const rows = { ink: broken.ink, lines: whole.lines + broken.lines };
  if (rows.lines < MIN_ROWS) return rows.ink;
  const columns = removeRows(transpose(rows.ink), COLUMN_MIN_SPAN);
  return columns.lines === 0 ? rows.ink : transpose(columns.ink);
}

function transpose({ width, height, mask }: InkMask): InkMask {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[x * height + y] = mask[y * width + x]!;
  return { width: height, height: width, mask: out };
}

/** The horizontal lines spanning minSpan of the width taken out, and how many there were. */
function removeRows(input: InkMask, minSpanShare: number): { ink: InkMask; lines: number } {
  const { width, height } = input;
  const mask = Uint8Array.from(input.mask);
  const { labels, components } = labelComponents(input);
  const minSpan = minSpanShare * width;
  let found = 0;

  for (const c of components) {
    if (c.width < minSpan || isWrittenBar(c, components, width, height)) continue;
    const { columns, lengths } = columnRuns(c, width, (i) => labels[i] === c.id);
    // The mode, not the median: the line gives one run per column, all the same length, while
    // symbols hanging on it add runs of every length (and a component can hold two lines).
    const thickness = modeOf(lengths);
    // A "line" as thick as a twentieth of the page is a drawn shape, not ruling.
    if (thickness === 0 || thickness > Math.max(6, height / 20)) continue;

    // Centres of thin runs, bucketed by row; rows dense with them are ruled lines.
    const perRow = thinRunsByRow(columns, thickness);
    // Most of the span must be bare line, or this is a big symbol rather than ruling.
    const lines = linesThrough(perRow, thickness, (band) => band.length >= minSpan * 0.5).filter(
      (fit) => !isRadicalBar(c, columns, fit, thickness, width, components),
    );
    found += lines.length;
    eraseOnLines(mask, width, columns, lines, thickness);
  }
  return { ink: { width, height, mask }, lines: found };
}

/**
 * A long bar that reaches no edge of the image, with writing over it and under it, is a bar
 * someone wrote: the bar of a fraction cropped tight (1+√5 over 2 spans 83% of its crop). A
 * ruling runs on past the writing to the image's edges (or, tilted, out through its top or bottom).
 */
function isWrittenBar(bar: Rect, components: readonly Rect[], width: number, height: number): boolean {
  if (bar.x <= 1 || bar.y <= 1 || bar.x + bar.width >= width - 1 || bar.y + bar.height >= height - 1) return false;
  const over = (c: Rect) => c !== bar && c.x + c.width / 2 > bar.x && c.x + c.width / 2 < bar.x + bar.width;
  const above = components.some((c) => over(c) && c.y + c.height <= bar.y);
  const below = components.some((c) => over(c) && c.y >= bar.y + bar.height);
  return above && below;
}

/**
 * The bar of a long √ in a tight crop spans the width like a ruling, and erasing it leaves a
 * hook read as nothing and crumbs read as 1s. It ends inside the image on both sides, has no
 * ink over it (a ruling is crossed by the symbols written on it) and starts at the √'s hook:
 * its component starts with the hook hanging below it, or, drawn in two strokes, the hook's
 * rising stroke ends just left of the bar's start.
 */
function isRadicalBar(c: Rect, columns: ColumnRuns, fit: { a: number; b: number }, thickness: number, width: number, components: readonly Rect[]): boolean {
  if (c.x <= 1 || c.x + c.width >= width - 1) return false;
  const lineAt = (x: number) => fit.a + fit.b * x;
  // A bar drawn by hand bows and flicks up at its end: some slack over the fitted line.
  const slack = Math.max(3 * thickness, RADICAL_BOW * c.height);
  if (columns.some(({ x, runs }) => runs.some(([start]) => start < lineAt(x) - slack))) return false;
  // The hook's tip, or the foot of the stroke rising to the bar.
  const first = columns[0]!;
  if (first.runs.some(([start, length]) => start + length > lineAt(first.x) + 3 * thickness)) return true;
  const near = Math.max(4 * thickness, RADICAL_BOW * c.height);
  return components.some(
    (h) => h !== c && h.x < c.x && h.x + h.width >= c.x - near && Math.abs(h.y - lineAt(c.x)) <= Math.max(near, RADICAL_BOW * h.height) && h.y + h.height > lineAt(c.x) + 3 * near,
  );
}

/** How far, in the √'s height, its bar may bow above the line fitted through it. */
const RADICAL_BOW = 0.15;

/**
 * A faint ruling comes out of the threshold in pieces; the pieces on their own are dropped as
 * too faint (preprocess), and those touching a symbol stay with it, each too short to be taken
 * for ruling, and are read as tails of the symbols or as minus signs. Across the whole mask they
 * still lie on one straight line along most of the width: thin runs whose centres line up, on
 * at least BROKEN_COVER of the columns and across BROKEN_SPAN of the width, as thick as the
 * thinnest runs are most often (the ruling's own thickness).
 */
function removeBrokenRows(input: InkMask, ruled: boolean): { ink: InkMask; lines: number } {
  const { width, height } = input;
  const mask = Uint8Array.from(input.mask);
  const { columns, lengths } = columnRuns({ x: 0, y: 0, width, height }, width, (i) => mask[i] === 1);
  const thickness = modeOf(lengths);
  if (thickness === 0 || thickness > Math.max(6, height / 20)) return { ink: input, lines: 0 };
  // Only a ruling far finer than the pen: where it is as thick, the runs it leaves cannot be told
  // from the pen's, and on plain paper the thinnest runs are the pen's own.
  if (thickness > FINER_THAN_PEN * estimateStrokeWidth(input)) return { ink: input, lines: 0 };
  const perRow = thinRunsByRow(columns, thickness);
  const spread = (band: [number, number][], fit: { a: number; b: number }) => {
    const xs = new Set(band.filter(([x, y]) => Math.abs(y - (fit.a + fit.b * x)) <= thickness).map(([x]) => x));
    return { cover: xs.size / width, span: xs.size === 0 ? 0 : (Math.max(...xs) - Math.min(...xs)) / width };
  };
  const long = linesThrough(perRow, thickness, (band, fit) => {
    const { cover, span } = spread(band, fit);
    return cover >= BROKEN_COVER && span >= BROKEN_SPAN;
  });
  // Once the paper is known to be ruled, a shorter piece on a row of its own is ruling too.
  const lines =
    ruled || long.length > 0
      ? linesThrough(perRow, thickness, (band, fit) => {
          const { cover, span } = spread(band, fit);
          return cover >= SHORT_COVER && span >= SHORT_SPAN;
        })
      : long;
  if (lines.length === 0) return { ink: input, lines: 0 };
  eraseOnLines(mask, width, columns, lines, thickness);
  return { ink: { width, height, mask }, lines: lines.length };
}

/** A ruling this fine next to the pen (estimateStrokeWidth) is no written stroke. */
const FINER_THAN_PEN = 0.5;
/**
 * Share of the columns a broken ruling's pieces must cover, and of the width from the first to
 * the last (the pieces left on one photo covered 32% and spanned 59%).
 */
const BROKEN_COVER = 0.25;
const BROKEN_SPAN = 0.5;
/** The same on paper known to be ruled (a piece between a 7 and a 5 covered 14%, spanning 17%). */
const SHORT_COVER = 0.1;
const SHORT_SPAN = 0.15;

type ColumnRuns = { x: number; runs: [number, number][] }[];

/** Each column's vertical ink runs ([start, length]) within the rect, and all their lengths. */
function columnRuns(rect: Rect, width: number, inked: (i: number) => boolean): { columns: ColumnRuns; lengths: number[] } {
  const columns: ColumnRuns = [];
  const lengths: number[] = [];
  for (let x = rect.x; x < rect.x + rect.width; x++) {
    const runs: [number, number][] = [];
    let start = -1;
    for (let y = rect.y; y <= rect.y + rect.height; y++) {
      const on = y < rect.y + rect.height && inked(y * width + x);
      if (on && start < 0) start = y;
      if (!on && start >= 0) {
        runs.push([start, y - start]);
        lengths.push(y - start);
        start = -1;
      }
    }
    columns.push({ x, runs });
  }
  return { columns, lengths };
}

/** Centres of the runs no thicker than 1.5 lines, bucketed by row. */
function thinRunsByRow(columns: ColumnRuns, thickness: number): Map<number, [number, number][]> {
  const perRow = new Map<number, [number, number][]>();
  for (const { x, runs } of columns) {
    for (const [start, len] of runs) {
      if (len > thickness * 1.5) continue;
      const centre = start + len / 2;
      const row = Math.round(centre);
      const list = perRow.get(row);
      if (list) list.push([x, centre]);
      else perRow.set(row, [[x, centre]]);
    }
  }
  return perRow;
}

/** Rows dense with thin-run centres, joined into bands; a line fitted through each band that `accept` takes. */
function linesThrough(
  perRow: Map<number, [number, number][]>,
  thickness: number,
  accept: (band: [number, number][], fit: { a: number; b: number }) => boolean,
): { a: number; b: number }[] {
  const rows = [...perRow.keys()].sort((a, b) => a - b);
  const lines: { a: number; b: number }[] = [];
  let band: [number, number][] = [];
  for (let k = 0; k <= rows.length; k++) {
    const row = rows[k];
    if (row !== undefined && (band.length === 0 || row - rows[k - 1]! <= thickness + 1)) {
      band.push(...perRow.get(row)!);
      continue;
    }
    if (band.length >= 2) {
      let fit = fitLine(band);
      const inliers = band.filter(([x, y]) => Math.abs(y - (fit.a + fit.b * x)) <= thickness);
      if (inliers.length >= 2) fit = fitLine(inliers);
      if (accept(band, fit)) lines.push(fit);
    }
    band = row === undefined ? [] : [...perRow.get(row)!];
  }
  return lines;
}

/** Erases the runs on each line no thicker than the line: where a stroke crosses it the run is thicker and stays. */
function eraseOnLines(
  mask: Uint8Array,
  width: number,
  columns: ColumnRuns,
  lines: readonly { a: number; b: number }[],
  thickness: number,
): void {
  const reach = thickness / 2 + 1.5;
  for (const fit of lines) {
    for (const { x, runs } of columns) {
      const centre = fit.a + fit.b * x;
      for (const [start, len] of runs) {
        const onLine = start - reach <= centre && centre <= start + len + reach;
        if (onLine && len <= thickness + 2) {
          for (let y = start; y < start + len; y++) mask[y * width + x] = 0;
        }
      }
    }
  }
}

function modeOf(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount || (n === bestCount && v < best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** Least-squares y = a + b*x. */
function fitLine(points: readonly [number, number][]): { a: number; b: number } {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const n = points.length;
  const denom = n * sxx - sx * sx;
  const b = denom === 0 ? 0 : (n * sxy - sx * sy) / denom;
  return { a: (sy - b * sx) / n, b };
}
