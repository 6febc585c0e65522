import type { BoxTuple, Rect } from "./ink-mask";

/**
 * Each symbol's reach should it be read as a √: how many of the symbols after it, in reading
 * order, are written under its bar (0 for none). The √ box holds its radicand right of the
 * hook, so √(x+1) is told from √x+1 by where the + and the 1 stand, not by what they are;
 * the classifier still decides which symbols are roots (see decodeLine). A run ends at the
 * first symbol outside: the radicand is written in one piece. Pure.
 */
export function radicandSpans(boxes: readonly BoxTuple[]): number[] {
  return boxes.map((root, i) => {
    let k = i + 1;
    while (k < boxes.length && (isUnderBar(rectOf(root), rectOf(boxes[k]!)) || (k > i + 1 && isRaisedUnderEnd(root, boxes[k - 1]!, boxes[k]!)))) k++;
    return k - i - 1;
  });
}

/** A √ this many times as wide as it is high is a long one. */
const LONG_ROOT = 2;

/**
 * The exponent of the last symbol under a bar that stops short of it (z² under a bar ending
 * over the z): raised over that symbol's middle, starting before the bar's end, below its top.
 */
function isRaisedUnderEnd([x, y, width]: BoxTuple, [, py, , ph]: BoxTuple, [ex, ey, , eh]: BoxTuple): boolean {
  return ex < x + width && ey > y && ey + eh <= py + ph / 2;
}

const rectOf = ([x, y, width, height]: BoxTuple): Rect => ({ x, y, width, height });

/**
 * True when inner sits inside outer's box right of its hook, below its top: content under a
 * √ (mergeSymbolParts keeps it apart from the √ by the same test). The hook is about a
 * quarter of a short √ wide, and of a long one's height (its bar runs on over the rest).
 */
export function isUnderBar(outer: Rect, inner: Rect): boolean {
  const cx = inner.x + inner.width / 2;
  const cy = inner.y + inner.height / 2;
  return (
    // A long √ may hold a √ nearly as long, whose bar may even run on past its own.
    (outer.width >= 1.3 * inner.width || outer.width >= LONG_ROOT * outer.height) &&
    inner.x >= outer.x + 0.25 * Math.min(outer.width, outer.height) &&
    cx < outer.x + outer.width &&
    cy > outer.y &&
    cy < outer.y + outer.height &&
    inner.y > outer.y
  );
}
