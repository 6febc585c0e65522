import type { Component } from "./components";

/** A fraction written stacked: its bar and the components above and below it. */
export interface StackedFraction {
  bar: Component;
  numerator: Component[];
  denominator: Component[];
}

/** Where a segmented symbol sits in a stacked fraction of its line (fractions numbered from 0). */
export interface FractionRole {
  fraction: number;
  role: "numerator" | "bar" | "denominator";
}

/** A fraction bar is at least this many symbol sizes wide... */
const BAR_MIN_WIDTH = 0.5;
/** ...at most this high for its width and in symbol sizes: a bar drawn sloping has a box higher than its stroke. */
const BAR_FLAT = 0.4;
const BAR_MAX_HEIGHT = 0.6;
/**
 * A bar drawn sloping or bowed (up to about 30 degrees) may be this high for its width, when
 * its ink is one thin stroke: no more than THIN_STROKE pen widths times its box's diagonal.
 */
const BAR_SLOPED = 0.6;
const THIN_STROKE = 1.6;
/**
 * A part of the numerator or denominator has its middle at most this many symbol sizes off the
 * bar: a digit stands 0.5-0.8 off it, a + in the middle of the numerator's height further.
 */
const MAX_REACH = 1.5;
/** A part whose centre lies this share of the bar's width past its end still belongs to it (the hand overshoots). */
const SLACK = 0.08;
/**
 * Each side needs a part at least this many symbol sizes high: a symbol, not the dot of a ÷ or
 * the other bar of an =. A < over a bar (≤) or a + over one (±) has nothing below it.
 */
const MIN_CONTENT = 0.35;

/**
 * The stacked fractions among a line's components, widest bar first (`stroke`, the pen's width,
 * lets a sloping bar count): a flat stroke with a
 * symbol over it and a symbol under it, every part whose centre lies over the bar (within
 * MAX_REACH above it) its numerator, under it its denominator. Without this, mergeSymbolParts
 * reads "1 over x" as one symbol stacked like an =. A fraction inside a fraction is not looked
 * for: its bar is one more part of the outer one's numerator or denominator.
 */
export function findFractions(components: readonly Component[], symbolSize: number, stroke = 0): StackedFraction[] {
  const thin = (c: Component) => stroke > 0 && c.area <= THIN_STROKE * stroke * Math.hypot(c.width, c.height);
  const flat = (c: Component) => c.height <= BAR_FLAT * c.width || (c.height <= BAR_SLOPED * c.width && thin(c));
  const bars = components
    .filter((c) => c.width >= BAR_MIN_WIDTH * symbolSize && flat(c) && c.height < BAR_MAX_HEIGHT * symbolSize)
    .sort((a, b) => b.width - a.width);
  const claimed = new Set<number>();
  const found: StackedFraction[] = [];
  for (const bar of bars) {
    if (claimed.has(bar.id)) continue;
    const over = (c: Component) => {
      const centre = c.x + c.width / 2;
      return centre >= bar.x - SLACK * bar.width && centre <= bar.x + (1 + SLACK) * bar.width;
    };
    const free = components.filter((c) => c !== bar && !claimed.has(c.id) && over(c));
    const middle = (c: Component) => c.y + c.height / 2;
    const numerator = free.filter((c) => c.y + c.height <= bar.y + bar.height / 2 && bar.y - middle(c) <= MAX_REACH * symbolSize);
    const denominator = free.filter((c) => c.y >= bar.y + bar.height / 2 && middle(c) - (bar.y + bar.height) <= MAX_REACH * symbolSize);
    const tall = (side: Component[]) => side.some((c) => c.height >= MIN_CONTENT * symbolSize);
    if (!tall(numerator) || !tall(denominator)) continue;
    for (const c of [bar, ...numerator, ...denominator]) claimed.add(c.id);
    found.push({ bar, numerator, denominator });
  }
  return found;
}
