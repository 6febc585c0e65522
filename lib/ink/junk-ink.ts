import { measureStrokes, type InkBox, type InkSymbol, type Stroke } from "./ink-document";
import { mapInkLabel } from "./map-label";

/** One piece of junk ink and where it came from (for the sample's origin path). */
export interface JunkInk {
  kind: "part" | "pair";
  /** Indexes into the expression's symbols: the symbol cut, or the two neighbours. */
  symbols: number[];
  traceIds: string[];
  strokes: Stroke[];
}

/**
 * Symbols whose single strokes are no symbol of their own: the two arcs of an x, the L of a 4,
 * the hook of a 5, the cup of a y. Parts of others are symbols (a crossed 7 without its bar is
 * a 7, a ≤ without its bar is <, a + is two bars), so cutting them would teach the model wrong.
 */
const CUTTABLE = new Set(["x", "X", "4", "5", "y", "k", "π"]);
/** A stroke whose ink runs at most this much longer than the line between its ends is straight: a 1, / or - on its own. */
const STRAIGHT = 1.25;
/** A part shorter than this share of its symbol's larger side is a tick or a dot the segmenter drops or merges. */
const MIN_PART = 0.4;
/** Neighbours taller than this share of the line's median symbol height (not bars or dots)... */
const PAIR_MIN_HEIGHT = 0.4;
/** ...sharing this much of the shorter one's height... */
const PAIR_Y_OVERLAP = 0.6;
/** ...and at most this share of the taller one's height apart: what the segmenter offers to join. */
const PAIR_GAP = 0.5;

/**
 * Junk from one labelled expression: each curved stroke of a symbol that is drawn in several
 * strokes and whose strokes mean nothing alone, and the closest pair of side-by-side neighbours
 * (close enough that the segmenter could offer them as one symbol). The solver's classifier learns from
 * these what a cut symbol and two symbols look like, so "20" is no longer read as one x and the
 * arcs of an x no longer as "20". Pure.
 */
export function junkFromExpression(traces: ReadonlyMap<string, Stroke>, symbols: readonly InkSymbol[]): JunkInk[] {
  const inked = (ids: readonly string[]) => ids.filter((id) => (traces.get(id)?.length ?? 0) > 0);
  const strokesOf = (ids: readonly string[]) => ids.map((id) => traces.get(id)!);
  const junk: JunkInk[] = [];
  symbols.forEach((symbol, i) => {
    if (symbol.label === null || !CUTTABLE.has(mapInkLabel(symbol.label).label)) return;
    const ids = inked(symbol.traceIds);
    if (ids.length < 2) return;
    const side = Math.max(symbol.box.width, symbol.box.height);
    for (const id of ids) {
      const stroke = traces.get(id)!;
      const box = measureStrokes([stroke]);
      if (!box || Math.max(box.width, box.height) < MIN_PART * side || isStraight(stroke)) continue;
      junk.push({ kind: "part", symbols: [i], traceIds: [id], strokes: [stroke] });
    }
  });

  const labelled = symbols.map((s, i) => ({ s, i })).filter(({ s }) => s.label !== null && inked(s.traceIds).length > 0);
  const heights = labelled.map(({ s }) => s.box.height).sort((a, b) => a - b);
  const medianHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  const tall = labelled.filter(({ s }) => s.box.height >= PAIR_MIN_HEIGHT * medianHeight).sort((a, b) => a.s.box.x - b.s.box.x);
  // Only the closest pair: it is the one the segmenter most readily offers to join, and every
  // pair of a line would outnumber the symbols three to one.
  let closest: { a: number; b: number; gap: number } | null = null;
  for (let k = 0; k + 1 < tall.length; k++) {
    const gap = sideBySideGap(tall[k]!.s.box, tall[k + 1]!.s.box);
    if (gap !== null && (!closest || gap < closest.gap)) closest = { a: k, b: k + 1, gap };
  }
  if (closest) {
    const a = tall[closest.a]!;
    const b = tall[closest.b]!;
    const ids = [...inked(a.s.traceIds), ...inked(b.s.traceIds)];
    junk.push({ kind: "pair", symbols: [a.i, b.i], traceIds: ids, strokes: strokesOf(ids) });
  }
  return junk;
}

/** The gap between two side-by-side boxes relative to the taller one's height, or null when they are not a pair. */
function sideBySideGap(a: InkBox, b: InkBox): number | null {
  const short = Math.min(a.height, b.height);
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (overlap < PAIR_Y_OVERLAP * short) return null;
  // One inside the other (a bracket around a digit) overlaps in x by more than the smaller's width.
  const gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
  if (-gap >= Math.min(a.width, b.width)) return null;
  const relative = gap / Math.max(a.height, b.height, Number.MIN_VALUE);
  return relative <= PAIR_GAP ? relative : null;
}

function isStraight(stroke: Stroke): boolean {
  let length = 0;
  for (let k = 1; k < stroke.length; k++) length += Math.hypot(stroke[k]![0] - stroke[k - 1]![0], stroke[k]![1] - stroke[k - 1]![1]);
  const first = stroke[0]!;
  const last = stroke[stroke.length - 1]!;
  const chord = Math.hypot(last[0] - first[0], last[1] - first[1]);
  return length <= STRAIGHT * chord;
}
