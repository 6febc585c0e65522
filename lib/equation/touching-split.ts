import type { LabelledMask } from "./components";
import type { Rect } from "./ink-mask";

/** A symbol this much wider than tall may be two symbols written touching ("20" in one stroke). */
const SPLIT_MIN_ASPECT = 1.25;
/** The cut is looked for in this middle share of the width: each side keeps a symbol's worth. */
const SPLIT_BAND = [0.25, 0.75] as const;

/**
 * Where one wide connected stroke may be two touching symbols: the column in the middle of its
 * box that crosses the fewest strokes, and of those the least ink (a ligature from a 2's foot
 * into a 0, not the 0's upright side). Returns the two sides' tight boxes, or null when the
 * symbol is not `minAspect` times wider than tall. The classifier decides whether it is two (see
 * solveImage); this only proposes where. Pure.
 */
export function touchingSplit(labelled: LabelledMask, box: Rect, componentId: number, minAspect: number = SPLIT_MIN_ASPECT): [Rect, Rect] | null {
  if (box.width < minAspect * box.height) return null;
  const from = box.x + Math.ceil(SPLIT_BAND[0] * box.width);
  const to = box.x + Math.floor(SPLIT_BAND[1] * box.width);
  let best: { x: number; key: number } | null = null;
  for (let x = from; x <= to; x++) {
    let runs = 0;
    let ink = 0;
    let inside = false;
    for (let y = box.y; y < box.y + box.height; y++) {
      const on = labelled.labels[y * labelled.width + x] === componentId;
      if (on) ink++;
      if (on && !inside) runs++;
      inside = on;
    }
    if (runs === 0) continue;
    // Fewest crossings first, then least ink, then nearest the middle.
    const key = runs * 1e6 + ink * 1e2 + Math.abs(x - (box.x + box.width / 2)) / box.width;
    if (!best || key < best.key) best = { x, key };
  }
  if (!best) return null;
  const left = inkBox(labelled, { x: box.x, y: box.y, width: best.x - box.x, height: box.height }, componentId);
  const right = inkBox(labelled, { x: best.x, y: box.y, width: box.x + box.width - best.x, height: box.height }, componentId);
  return left && right ? [left, right] : null;
}

/** Tight box of one component's pixels within `area`, or null when it has none there. */
function inkBox(labelled: LabelledMask, area: Rect, componentId: number): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x; x < area.x + area.width; x++) {
      if (labelled.labels[y * labelled.width + x] !== componentId) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return maxX < minX ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}
