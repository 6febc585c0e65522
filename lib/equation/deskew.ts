import { labelComponents } from "./components";
import { median, overlapLength, unionRect, type BoxTuple, type InkMask, type Rect } from "./ink-mask";

/** Writing is levelled up to this many degrees off (a phone held askew, a line drifting up). */
const MAX_SKEW = 25;
/**
 * Components smaller than this share of the median component are dots, specks and the bits of
 * a broken stroke: where they sit says little about the line.
 */
const MIN_PART = 0.4;
/** Pairs closer than this many median component sizes side by side give too coarse a slope. */
const MIN_PAIR_DX = 1;
/** The slope is re-measured along itself at most this many times (see estimateSkew). */
const SETTLE_ROUNDS = 5;
/** A slope at least this steep (degrees) is measured again on the levelled ink. */
const REMEASURE_FROM = 1;
/** Components sharing this share of the narrower one's columns are parts of one symbol. */
const STACKED_OVERLAP = 0.5;

export interface SkewEstimate {
  /** The writing's slope in degrees, positive when it falls to the right (y grows downwards). */
  degrees: number;
  /** How many pairs of components voted (0: too few to tell, degrees is 0). */
  votes: number;
}

/**
 * The slope of a written line: the median slope between pairs of its symbols (Theil-Sen), each
 * pair voting with its centres, its tops and its bottoms, taking pairs that stand apart side by
 * side and share rows, so two lines of a system do not vote across and a raised exponent or a
 * descender is outvoted. A projection profile (the document scanners' deskew) was tried first: on a short line it
 * follows the longest stroke, the bars of a sum sign, not the line. Pure.
 */
export function estimateSkew(ink: InkMask): SkewEstimate {
  const first = measureSlope(ink);
  if (first.votes === 0 || Math.abs(first.degrees) < REMEASURE_FROM) return first;
  // Boxes of turned symbols are not the turned boxes (a 7's box grows with its corner), so the
  // slope is measured once more on the ink levelled by the first measure, where they are upright.
  const rest = measureSlope(levelMask(ink, first.degrees).ink);
  return { degrees: first.degrees + rest.degrees, votes: first.votes };
}

function measureSlope(ink: InkMask): SkewEstimate {
  const all = labelComponents(ink).components;
  const size = median(all.map((c) => Math.max(c.width, c.height)));
  const parts = stackedParts(all.filter((c) => Math.max(c.width, c.height) >= MIN_PART * size)).map((r) => ({
    top: r.y,
    height: r.height,
    cx: r.x + r.width / 2,
    cy: r.y + r.height / 2,
  }));
  const maxSlope = Math.tan((MAX_SKEW * Math.PI) / 180);
  // Which pairs share rows depends on the slope: looked at level, the far ends of a sloped line
  // share none and only near pairs vote, which pulls the slope towards level. So the pairs are
  // taken again along the slope found, until it settles.
  let slope = 0;
  let votes = 0;
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const slopes: number[] = [];
    for (const a of parts) {
      for (const b of parts) {
        const dx = b.cx - a.cx;
        if (dx < MIN_PAIR_DX * size) continue;
        // b's rows as they would be on a level line through a.
        if (overlapLength(a.top, a.height, b.top - slope * dx, b.height) <= 0) continue;
        for (const s of [(b.cy - a.cy) / dx, (b.top - a.top) / dx, (b.top + b.height - a.top - a.height) / dx]) if (Math.abs(s) <= maxSlope) slopes.push(s);
      }
    }
    votes = slopes.length;
    if (votes === 0) return { degrees: 0, votes: 0 };
    const next = median(slopes);
    const settled = Math.abs(next - slope) < 1e-3;
    slope = next;
    if (settled) break;
  }
  return { degrees: (Math.atan(slope) * 180) / Math.PI, votes };
}

/**
 * Components stacked in one column (the bars of "=", the strokes of a "+" or a "÷") as one
 * box each: each bar of an "=" voting alone would pull the slope towards one of them.
 */
function stackedParts(components: readonly Rect[]): Rect[] {
  const sorted = [...components].sort((a, b) => a.x - b.x);
  const out: Rect[] = [];
  for (const c of sorted) {
    const prev = out[out.length - 1];
    if (prev && overlapLength(prev.x, prev.width, c.x, c.width) >= STACKED_OVERLAP * Math.min(prev.width, c.width)) out[out.length - 1] = unionRect(prev, c);
    else out.push({ ...c });
  }
  return out;
}

/** A mask turned about its centre, grown so no ink is cut off, with the way back to the source's boxes. */
export interface LevelledMask {
  ink: InkMask;
  /** A box of the levelled mask as the smallest box of the source image covering it. */
  toSource(box: BoxTuple): BoxTuple;
}

/**
 * Turns the mask by -degrees so writing sloped by `degrees` runs level. Nearest-neighbour:
 * the crops are thinned and redrawn at the training stroke width anyway (symbol-crop). Pure.
 */
export function levelMask(ink: InkMask, degrees: number): LevelledMask {
  const { width, height, mask } = ink;
  const a = (-degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const outW = Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
  const outH = Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
  const cx = width / 2;
  const cy = height / 2;
  const ox = outW / 2;
  const oy = outH / 2;
  const out = new Uint8Array(outW * outH);
  for (let y = 0; y < outH; y++) {
    const dy = y + 0.5 - oy;
    for (let x = 0; x < outW; x++) {
      const dx = x + 0.5 - ox;
      // Inverse rotation: where this output pixel comes from.
      const sx = Math.floor(cx + dx * cos + dy * sin);
      const sy = Math.floor(cy - dx * sin + dy * cos);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height && mask[sy * width + sx]) out[y * outW + x] = 1;
    }
  }
  const toSource = ([x, y, w, h]: BoxTuple): BoxTuple => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const [px, py] of [
      [x, y],
      [x + w, y],
      [x, y + h],
      [x + w, y + h],
    ] as const) {
      const dx = px - ox;
      const dy = py - oy;
      const sx = cx + dx * cos + dy * sin;
      const sy = cy - dx * sin + dy * cos;
      x0 = Math.min(x0, sx);
      y0 = Math.min(y0, sy);
      x1 = Math.max(x1, sx);
      y1 = Math.max(y1, sy);
    }
    const left = Math.max(0, Math.floor(x0));
    const top = Math.max(0, Math.floor(y0));
    return [left, top, Math.min(width, Math.ceil(x1)) - left, Math.min(height, Math.ceil(y1)) - top];
  };
  return { ink: { width: outW, height: outH, mask: out }, toSource };
}
