import { median } from "./ink-mask";
import type { SymbolGroup } from "./merge-parts";

export interface OrderedSymbol extends SymbolGroup {
  superscript: boolean;
  /**
   * Placed like an exponent but not surely one: an = after a y, or a 2 taller than the small x
   * it is raised after. The decoder may read it raised, at a cost (see decodeEquation).
   */
  mayBeRaised: boolean;
}

/**
 * A superscript is at most this tall relative to its base. Not below 1: a raised 2 after a
 * lowercase x is about as tall as the x (measured on the stroke font: 40 px vs 44 px).
 */
const MAX_SUPERSCRIPT_HEIGHT = 1.1;
/** Up to this tall an exponent is still possible: the decoder may read it raised, at a cost. */
const MAYBE_SUPERSCRIPT_HEIGHT = 1.6;
/** Bars (-, =) are this flat relative to the median symbol; they cannot carry an exponent. */
const MIN_BASE_HEIGHT = 0.4;
/** A symbol that low is a bar, not an exponent, when at least this much wider than tall. */
const MIN_BAR_ASPECT = 2;
/**
 * A symbol in several parts this much wider than tall (an =) is not taken for an exponent: after
 * a base with a descender (y=, g=) its bottom sits above the base's middle, yet it is on the
 * line; it is only mayBeRaised. A fifth of CROHME exponents are as wide in one stroke (a flat 2).
 */
const MAX_SUPERSCRIPT_ASPECT = 1.25;

/** The line's baseline is only trusted with at least this many symbols of full height. */
const MIN_BASELINE_SYMBOLS = 3;

/**
 * Puts symbols in reading order (left edge, left to right; a √ starts left of its content) and
 * marks superscripts: a symbol no bigger than the last baseline symbol whose bottom lies above
 * that symbol's middle. Consecutive raised symbols (x^12) all compare against the same base.
 * The base's middle is taken above the line's baseline (the median bottom of its symbols), so
 * the descender of a y or a bracket's tail does not pull it down: a + or a digit written on
 * the line after a y is not raised, while the 2 of y² still is.
 */
export function orderSymbols(groups: readonly SymbolGroup[], symbolSize: number): OrderedSymbol[] {
  const sorted = [...groups].sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y);
  const tall = sorted.filter((g) => g.box.height >= MIN_BASE_HEIGHT * symbolSize);
  const baseline = tall.length >= MIN_BASELINE_SYMBOLS ? median(tall.map((g) => g.box.y + g.box.height)) : Infinity;
  const out: OrderedSymbol[] = [];
  let base: SymbolGroup | undefined;
  for (const g of sorted) {
    const placedHigh = base !== undefined ? isRaised(g, base, symbolSize, baseline) : "no";
    // Wide strokes in one piece are exponents too (a flat 2); an = in two parts is not.
    const bar = g.componentIds.length > 1 && g.box.width > MAX_SUPERSCRIPT_ASPECT * g.box.height;
    const superscript = placedHigh === "yes" && !bar;
    out.push({ ...g, superscript, mayBeRaised: placedHigh !== "no" && !superscript });
    if (!superscript) base = g;
  }
  return out;
}

/**
 * Whether where and how big g is make it an exponent of base: "yes"; "maybe" when it is up
 * to MAYBE_SUPERSCRIPT_HEIGHT times as tall as the base (a 2 raised after a small x).
 */
function isRaised(g: SymbolGroup, base: SymbolGroup, symbolSize: number, baseline: number): "yes" | "maybe" | "no" {
  if (base.box.height < MIN_BASE_HEIGHT * symbolSize) return "no";
  const bottom = g.box.y + g.box.height;
  // A base that itself sits above the line (a raised symbol missed) keeps its own bottom.
  const baseBottom = base.box.y + base.box.height;
  const onLine = baseBottom > baseline ? Math.max(baseline, base.box.y + 0.5 * symbolSize) : baseBottom;
  const middle = base.box.y + Math.min(base.box.height, onLine - base.box.y) / 2;
  // A bar written a little high after a digit is a minus, not an exponent; a small exponent
  // that is no flatter than a digit (the 8 of 2^8 written small) still is one.
  if (g.box.height < MIN_BASE_HEIGHT * symbolSize && g.box.width >= MIN_BAR_ASPECT * g.box.height) return "no";
  if (bottom > middle) return "no";
  if (g.box.height <= MAX_SUPERSCRIPT_HEIGHT * base.box.height) return "yes";
  return g.box.height <= MAYBE_SUPERSCRIPT_HEIGHT * base.box.height ? "maybe" : "no";
}
