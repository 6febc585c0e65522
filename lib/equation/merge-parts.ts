import type { Component } from "./components";
import { gapLength, overlapLength, unionRect, type Rect } from "./ink-mask";

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
 * Joins the components of multi-part symbols. Stacked parts that share most of their x-range
 * and sit close together become one symbol: the bars of = (and ≡-like doubles), ÷ (a bar with a
 * dot either side), ≤ ≥ (a < or > over a bar), ± (a plus over a bar), the dot of i and j.
 * Parts whose boxes nest almost completely are pieces of one broken stroke. Parts side by side
 * with no x-overlap, like the two strokes of "11", always stay apart; so does the content under
 * a radical, which lies inside the √ box but to the right of its hook.
 */
export function mergeSymbolParts(components: readonly Component[], symbolSize: number): SymbolGroup[] {
  const groups: SymbolGroup[] = components.map((c) => ({
    box: { x: c.x, y: c.y, width: c.width, height: c.height },
    componentIds: [c.id],
  }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        if (!belongTogether(a.box, b.box, symbolSize)) continue;
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
  if (isRadicalContent(a, b) || isRadicalContent(b, a)) return false;
  const xOverlap = overlapLength(a.x, a.width, b.x, b.width);
  const narrow = Math.min(a.width, b.width);
  const yOverlap = overlapLength(a.y, a.height, b.y, b.height);
  const yGap = gapLength(a.y, a.height, b.y, b.height);
  const stacked = yOverlap <= 0.5 * Math.min(a.height, b.height);

  if (stacked && yGap <= MAX_STACK_GAP * symbolSize) {
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
  return !stacked && xOverlap >= MIN_BROKEN_OVERLAP * narrow;
}

/** True when inner sits inside outer's box, right of its left quarter: content under a √. */
function isRadicalContent(outer: Rect, inner: Rect): boolean {
  const cx = inner.x + inner.width / 2;
  const cy = inner.y + inner.height / 2;
  return (
    outer.width >= 1.3 * inner.width &&
    inner.x >= outer.x + 0.25 * outer.width &&
    cx < outer.x + outer.width &&
    cy > outer.y &&
    cy < outer.y + outer.height &&
    inner.y > outer.y
  );
}
