import type { Component } from "./components";
import type { Rect } from "./ink-mask";
import type { SymbolGroup } from "./merge-parts";
import type { OrderedSymbol } from "./reading-order";

/** A dot is about as wide as high... */
const MAX_DOT_ASPECT = 2;
/** ...and mostly ink: a pen pressed down, not a small stroke or a curl. */
const MIN_DOT_FILL = 0.45;
/** Its middle lies in the lowest part of its neighbours' height (0 their top, 1 their bottom)... */
const MIN_DOT_LEVEL = 0.7;
/** ...and it ends no lower than this share of their height below their bottom. */
const MAX_DOT_DROP = 0.25;
/** Its neighbours are of one height (two digits), not a bar or an exponent and a digit. */
const MIN_NEIGHBOUR_RATIO = 0.6;

/**
 * Whether a speck left alone after merging (too small for any symbol) has a dot's shape: one
 * component, round enough and filled. Such a speck may be a decimal point (see placeDecimalPoints).
 */
export function isDotShape(group: SymbolGroup, byId: ReadonlyMap<number, Component>): boolean {
  if (group.componentIds.length !== 1) return false;
  const part = byId.get(group.componentIds[0]!);
  if (!part) return false;
  const { width, height } = group.box;
  if (Math.max(width, height) > MAX_DOT_ASPECT * Math.min(width, height)) return false;
  return part.area >= MIN_DOT_FILL * width * height;
}

/**
 * The dots that stand where a decimal point does, put into the line in reading order, marked:
 * in the gap between two neighbours on the line of one height (1.5 has a 1 and a 5 on either
 * side), low between them, not in a fraction or an exponent. Other dots are left out, as specks
 * always were; whether the neighbours are digits is the classifier's and the decoder's call.
 */
export function placeDecimalPoints<T extends OrderedSymbol & { fraction?: unknown }>(
  ordered: readonly T[],
  dots: readonly SymbolGroup[],
  stroke: number,
): (T | (OrderedSymbol & { decimalPoint: true }))[] {
  const out: (T | (OrderedSymbol & { decimalPoint: true }))[] = [...ordered];
  for (const dot of [...dots].sort((a, b) => b.box.x - a.box.x)) {
    const at = ordered.findIndex((g) => g.box.x + g.box.width / 2 > dot.box.x + dot.box.width / 2);
    if (at <= 0) continue;
    const before = ordered[at - 1]!;
    const after = ordered[at]!;
    if (!standsBetween(dot.box, before, after, stroke)) continue;
    out.splice(out.indexOf(after), 0, { ...dot, superscript: false, mayBeRaised: false, decimalPoint: true });
  }
  return out;
}

function standsBetween(dot: Rect, before: OrderedSymbol & { fraction?: unknown }, after: OrderedSymbol & { fraction?: unknown }, stroke: number): boolean {
  if (before.superscript || after.superscript || before.fraction !== undefined || after.fraction !== undefined) return false;
  const a = before.box;
  const b = after.box;
  if (Math.min(a.height, b.height) < MIN_NEIGHBOUR_RATIO * Math.max(a.height, b.height)) return false;
  if (dot.x < a.x + a.width - stroke || dot.x + dot.width > b.x + stroke) return false;
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  const level = (dot.y + dot.height / 2 - top) / (bottom - top);
  return level >= MIN_DOT_LEVEL && dot.y + dot.height <= bottom + MAX_DOT_DROP * (bottom - top);
}
