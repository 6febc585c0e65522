import type { Component } from "./components";
import { gapLength, overlapLength, unionRect, type Rect } from "./ink-mask";
import { isUnderBar } from "./radicals";

/** One written symbol: the components that make it up and their joint box. */
export interface SymbolGroup {
  box: Rect;
  componentIds: number[];
}

/** Parts stacked further apart than this (in median symbol sizes) are separate symbols. */
const MAX_STACK_GAP = 0.7;
/** Share of the narrower part's width two stacked parts must share to be one symbol. */
const MIN_STACK_OVERLAP = 0.5;
/** Side-by-side parts (boxes overlapping vertically) merge only when this nested: broken strokes. */
const MIN_BROKEN_OVERLAP = 0.8;
/** A part no bigger than this (in median symbol sizes) is a dot: of i, j or ÷. */
const DOT_SIZE = 0.35;
/**
 * Side-by-side parts sharing this much of the shorter one's height, whose ink comes within
 * NEAR_STROKES stroke widths and NEAR_SIZE symbol sizes (whichever is less: a thick marker's
 * symbols stand barely two pen widths apart), are one symbol drawn in strokes that stop just
 * short of each other: a 4 whose stem misses its crossbar, the arcs of an x. Neighbouring
 * symbols ("11", "1-") are spaced by a fifth of a symbol or more, well beyond this. Wider
 * gaps (the two arcs of an x) are left to the classifier: see joinWithNext in segment.ts.
 */
const NEAR_Y_OVERLAP = 0.5;
const NEAR_STROKES = 1.2;
const NEAR_SIZE = 0.08;
/**
 * With a fine pen on large writing (a canvas drawing sent at 3x, a scan at 600 dpi) a stroke
 * width is a tiny distance: the flag of a 1 lifted 3% of a symbol off its stem still counts.
 */
const NEAR_MIN_SIZE = 0.03;
/**
 * Both parts single strokes at least this tall (in symbol sizes): a bar nearly touching a
 * digit, or an = already put together, is as often written tight against it (thick pen,
 * cramped line) as a stroke of it.
 */
const NEAR_MIN_HEIGHT = 0.3;

/** Edge bars: at most this flat relative to the body, over it for this share of their length, centred this close to its edge. */
const EDGE_BAR_FLAT = 0.25;
const EDGE_BAR_OVERLAP = 0.5;
const EDGE_BAR_BAND = 0.12;

/** Whether the ink of two groups of components comes within `reach` pixels of each other. */
export type NearTest = (a: readonly number[], b: readonly number[], reach: number) => boolean;

export interface MergeOptions {
  /** Pen width in pixels. */
  stroke?: number;
  /** Ink-distance test for nearly touching parts; without it the rule is off. */
  near?: NearTest;
}

/**
 * Joins the components of multi-part symbols. Stacked parts that share most of their x-range
 * and sit close together become one symbol: the bars of = (and ≡-like doubles), ÷ (a bar with a
 * dot either side), ≤ ≥ (a < or > over a bar), ± (a plus over a bar), the dot of i and j.
 * Parts whose boxes nest almost completely are pieces of one broken stroke. Parts side by side
 * with no x-overlap, like the two strokes of "11", always stay apart; so does the content under
 * a radical, which lies inside the √ box but to the right of its hook.
 */
export function mergeSymbolParts(components: readonly Component[], symbolSize: number, options: MergeOptions = {}): SymbolGroup[] {
  const reach = Math.max(2, Math.min(Math.max(NEAR_STROKES * (options.stroke ?? 1), NEAR_MIN_SIZE * symbolSize), NEAR_SIZE * symbolSize));
  const groups: SymbolGroup[] = components.map((c) => ({
    box: { x: c.x, y: c.y, width: c.width, height: c.height },
    componentIds: [c.id],
  }));
  // A √'s bar drawn apart from its hook joins it first: left alone, it stacks with what it
  // covers (the bar of √(1+√z) over the inner √ reads as a π).
  if (options.near) {
    const rootReach = Math.max(reach, ROOT_BAR_REACH * symbolSize);
    for (let i = 0; i < groups.length; i++) {
      const hook = groups[i]!;
      const k = groups.findIndex((bar, j) => j !== i && isRootBar(bar.box, hook.box, symbolSize) && options.near!(bar.componentIds, hook.componentIds, rootReach));
      if (k < 0) continue;
      groups[i] = { box: unionRect(hook.box, groups[k]!.box), componentIds: [...hook.componentIds, ...groups[k]!.componentIds] };
      groups.splice(k, 1);
      if (k < i) i--;
    }
  }
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        const together =
          belongTogether(a.box, b.box, symbolSize) ||
          (options.near !== undefined &&
            a.componentIds.length === 1 &&
            b.componentIds.length === 1 &&
            Math.min(a.box.height, b.box.height) >= NEAR_MIN_HEIGHT * symbolSize &&
            // What is written under a √ comes close to its bar all along; it is no stroke of it.
            !isUnderBar(a.box, b.box) &&
            !isUnderBar(b.box, a.box) &&
            sideBySideNear(a.box, b.box, reach) &&
            options.near(a.componentIds, b.componentIds, reach));
        if (!together) continue;
        groups[i] = { box: unionRect(a.box, b.box), componentIds: [...a.componentIds, ...b.componentIds] };
        groups.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return groups;
}

/** The merge rule for two parts, exported for tests and the segmentation bench. */
export function belongTogether(a: Rect, b: Rect, symbolSize: number): boolean {
  if (isUnderBar(a, b) || isUnderBar(b, a)) return false;
  const xOverlap = overlapLength(a.x, a.width, b.x, b.width);
  const narrow = Math.min(a.width, b.width);
  const yOverlap = overlapLength(a.y, a.height, b.y, b.height);
  const yGap = gapLength(a.y, a.height, b.y, b.height);
  const stacked = yOverlap <= 0.5 * Math.min(a.height, b.height);

  if (stacked && yGap <= MAX_STACK_GAP * symbolSize) {
    if (isExponent(a, b, symbolSize) || isExponent(b, a, symbolSize)) return false;
    if (xOverlap >= MIN_STACK_OVERLAP * narrow) return true;
    // A hand-placed dot drifts off its stem; accept it while its centre is near the stem's span.
    const [dot, other] = Math.max(a.width, a.height) <= Math.max(b.width, b.height) ? [a, b] : [b, a];
    if (Math.max(dot.width, dot.height) <= DOT_SIZE * symbolSize && yGap <= 0.5 * symbolSize) {
      const centre = dot.x + dot.width / 2;
      const slack = 0.15 * symbolSize;
      if (centre >= other.x - slack && centre <= other.x + other.width + slack) return true;
    }
    return false;
  }
  if (!stacked && xOverlap >= MIN_BROKEN_OVERLAP * narrow) return true;
  return isEdgeBar(a, b, xOverlap) || isEdgeBar(b, a, xOverlap);
}

/** Parts at least this many symbol sizes high and this high for their width are symbols, not bars or dots. */
const EXPONENT_MIN_HEIGHT = 0.35;
const EXPONENT_MIN_ASPECT = 0.5;
/** An exponent's centre stands at least this share of its base's width right of the base's centre. */
const EXPONENT_SHIFT = 0.3;

/**
 * A symbol over the right end of a symbol under it, both of a symbol's height rather than bars
 * or dots: an exponent written low over its base (the x of 2^x over the 2's top), which the
 * stacked rule would take for the two parts of one symbol. The parts that do stack into one
 * symbol are a bar or a dot with anything, or two parts one over the other's middle (an 8 or a
 * 3 in two strokes).
 */
function isExponent(raised: Rect, base: Rect, symbolSize: number): boolean {
  if (raised.y + raised.height > base.y + base.height / 2) return false;
  const solid = (r: Rect) => r.height >= EXPONENT_MIN_HEIGHT * symbolSize && r.height >= EXPONENT_MIN_ASPECT * r.width;
  if (!solid(raised) || !solid(base)) return false;
  return raised.x + raised.width / 2 - (base.x + base.width / 2) >= EXPONENT_SHIFT * base.width;
}

/**
 * A flat stroke lying along the top or bottom edge of a taller part, over it for most of its
 * length: the flag of a 5, the foot of a 1 or 2, the cap of a T drawn in a separate stroke. A
 * minus or the bars of = sit at mid-height beside a symbol, never on its top or bottom edge.
 */
function isEdgeBar(bar: Rect, body: Rect, xOverlap: number): boolean {
  return xOverlap >= EDGE_BAR_OVERLAP * bar.width && liesAlongEdge(bar, body, EDGE_BAR_BAND);
}

/** A flat stroke centred within `band` body heights of the top or bottom edge of a taller part. */
function liesAlongEdge(bar: Rect, body: Rect, band: number): boolean {
  if (bar.height > EDGE_BAR_FLAT * body.height || bar.width < bar.height) return false;
  const reach = band * body.height;
  const centre = bar.y + bar.height / 2;
  return Math.abs(centre - body.y) <= reach || Math.abs(centre - (body.y + body.height)) <= reach;
}

/**
 * A loose edge bar may stand LOOSE_EDGE_GAP body heights off its body, its centre in the top or
 * bottom LOOSE_EDGE_BAND of it (a 5's flag often sits a little below the top of its bowl); a
 * minus beside a digit sits about its middle.
 */
const LOOSE_EDGE_GAP = 0.15;
const LOOSE_EDGE_BAND = 0.25;

/**
 * An edge bar that shares too little of its body's width to merge, or stops just short of it:
 * the flag of a 5 drawn out to the right, a 2's foot drawn apart. Too often a minus or the
 * tail of a neighbour to merge on geometry alone: offered to the classifier (segment.ts).
 */
export function isLooseEdgeBar(bar: Rect, body: Rect): boolean {
  return gapLength(bar.x, bar.width, body.x, body.width) <= LOOSE_EDGE_GAP * body.height && liesAlongEdge(bar, body, LOOSE_EDGE_BAND);
}

/**
 * A √ drawn in two strokes: a flat bar whose left end starts at the top of a tall stroke
 * (the hook and its rising stroke), running on to the right past it.
 */
function isRootBar(bar: Rect, hook: Rect, symbolSize: number): boolean {
  if (hook.height < ROOT_MIN_HEIGHT * symbolSize || bar.height > ROOT_BAR_FLAT * bar.width || bar.width < ROOT_BAR_MIN_WIDTH * hook.height) return false;
  const middle = bar.y + bar.height / 2;
  const startsAtTop = Math.abs(middle - hook.y) <= ROOT_BAR_BAND * hook.height && bar.x >= hook.x + hook.width / 2;
  return startsAtTop && bar.x + bar.width >= hook.x + hook.width + ROOT_BAR_PAST * hook.height;
}

/**
 * Two-stroke √: the hook at least ROOT_MIN_HEIGHT symbol sizes tall, the bar at most
 * ROOT_BAR_FLAT high for its width and at least ROOT_BAR_MIN_WIDTH of the hook's height long,
 * its middle within ROOT_BAR_BAND of the hook's height of its top, reaching ROOT_BAR_PAST of
 * that height beyond it, its ink within ROOT_BAR_REACH symbol sizes of the hook's.
 */
const ROOT_MIN_HEIGHT = 0.8;
const ROOT_BAR_FLAT = 0.25;
const ROOT_BAR_MIN_WIDTH = 0.5;
const ROOT_BAR_BAND = 0.15;
const ROOT_BAR_PAST = 0.3;
const ROOT_BAR_REACH = 0.1;

/** Boxes within `reach` of each other, side by side with most of the shorter one's height shared. */
function sideBySideNear(a: Rect, b: Rect, reach: number): boolean {
  if (gapLength(a.x, a.width, b.x, b.width) > reach || gapLength(a.y, a.height, b.y, b.height) > reach) return false;
  return overlapLength(a.y, a.height, b.y, b.height) >= NEAR_Y_OVERLAP * Math.min(a.height, b.height);
}
