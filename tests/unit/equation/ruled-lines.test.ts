import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { removeRuledLines } from "../../../lib/equation/ruled-lines";
import { inkAt as at, maskOf } from "./masks";

describe("removeRuledLines", () => {
  it("takes out the rows and columns of squared paper and keeps a stroke written across them", () => {
    const lines: [number, number, number, number][] = [];
    for (let y = 15; y < 160; y += 30) lines.push([0, y, 300, 2]);
    for (let x = 15; x < 300; x += 30) lines.push([x, 0, 2, 160]);
    // A 1, 5 px wide, down across two rows next to a column.
    const out = removeRuledLines(maskOf(300, 160, [...lines, [50, 40, 5, 70]]));
    assert.equal(at(out, 100, 45), 0, "row");
    assert.equal(at(out, 135, 100), 0, "column");
    for (let y = 40; y < 110; y += 5) assert.equal(at(out, 52, y), 1, `the 1 at y ${y}`);
  });

  it("keeps the bar of a fraction cropped tight, with writing over and under it, and still takes out a ruling between two lines", () => {
    // 1 over 2 in a crop 100 px wide: the bar spans 80% of it and reaches neither side.
    const fraction = removeRuledLines(maskOf(100, 120, [[45, 10, 5, 40], [10, 58, 80, 3], [40, 70, 20, 40]]));
    assert.equal(at(fraction, 50, 59), 1);
    // The same strokes with the bar running to both edges, as ruling does.
    const ruled = removeRuledLines(maskOf(100, 120, [[45, 10, 5, 40], [0, 58, 100, 3], [40, 70, 20, 40]]));
    assert.equal(at(ruled, 20, 59), 0);
    assert.equal(at(ruled, 47, 30), 1, "the 1 over it stays");
  });

  it("keeps a tall stroke on unruled paper, and beside a single long bar, however much of the height it spans", () => {
    const bare = removeRuledLines(maskOf(300, 100, [[40, 2, 4, 96]]));
    assert.equal(at(bare, 41, 50), 1);
    // The bar of a long square root is one row: not yet ruled paper.
    const root = removeRuledLines(maskOf(300, 100, [[40, 2, 4, 96], [60, 5, 235, 3], [120, 30, 5, 50]]));
    assert.equal(at(root, 41, 50), 1);
  });

  it("keeps the bar of a long √ cropped tight: it joins the √'s hook and has nothing over it, unlike a ruling", () => {
    // √ over a line in a crop 300 px wide: hook rising at 10-40, bar at y 36 running to 290 (93%).
    const hook: [number, number, number, number][] = [[10, 90, 6, 4], [16, 90, 4, 30], [20, 100, 8, 20], [28, 36, 4, 84]];
    const root = removeRuledLines(maskOf(300, 130, [...hook, [28, 36, 262, 3], [60, 70, 5, 40], [150, 70, 5, 40]]));
    assert.equal(at(root, 200, 37), 1, "the bar stays");
    // Drawn in two strokes: the bar starts 4 px right of the top of the hook's rising stroke.
    const apart = removeRuledLines(maskOf(300, 130, [[10, 90, 6, 4], [16, 90, 4, 30], [20, 100, 8, 20], [28, 36, 4, 84], [36, 36, 254, 3], [60, 70, 5, 40]]));
    assert.equal(at(apart, 200, 37), 1, "the bar drawn apart stays");
    // The same bar crossed by a 1 written across it is a ruling the writing sits on.
    const ruled = removeRuledLines(maskOf(300, 130, [...hook, [28, 36, 262, 3], [150, 5, 5, 60]]));
    assert.equal(at(ruled, 200, 37), 0);
  });

  it("takes out a faint ruling left only in pieces that touch the symbols, and keeps the symbols", () => {
    // A 2 px ruling at y 60, left in three pieces that each run into an 8 px stroke (the rest fell
    // below the threshold): 31% of the columns. 1s standing on it.
    const out = removeRuledLines(
      maskOf(400, 120, [
        [0, 60, 50, 2],
        [20, 0, 8, 62],
        [180, 60, 50, 2],
        [200, 0, 8, 62],
        [340, 60, 50, 2],
        [360, 0, 8, 62],
      ]),
    );
    for (const x of [5, 45, 185, 225, 345, 385]) assert.equal(at(out, x, 60), 0, `ruling at x ${x}`);
    for (const x of [23, 203, 363]) for (let y = 2; y < 60; y += 6) assert.equal(at(out, x, y), 1, `1 at x ${x}, y ${y}`);
  });

  it("keeps a row of minus signs drawn with the pen", () => {
    // "1-1-1-1" at one height, the pen as thick as the bars.
    const rects: [number, number, number, number][] = [];
    for (let k = 0; k < 4; k++) rects.push([20 + k * 100, 20, 6, 60], [50 + k * 100, 48, 40, 6]);
    const out = removeRuledLines(maskOf(420, 100, rects));
    for (let k = 0; k < 4; k++) assert.equal(at(out, 70 + k * 100, 50), 1, `minus ${k}`);
  });
});
