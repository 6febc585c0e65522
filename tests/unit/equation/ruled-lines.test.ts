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

  it("keeps a tall stroke on unruled paper, and beside a single long bar, however much of the height it spans", () => {
    const bare = removeRuledLines(maskOf(300, 100, [[40, 2, 4, 96]]));
    assert.equal(at(bare, 41, 50), 1);
    // The bar of a long square root is one row: not yet ruled paper.
    const root = removeRuledLines(maskOf(300, 100, [[40, 2, 4, 96], [60, 5, 235, 3], [120, 30, 5, 50]]));
    assert.equal(at(root, 41, 50), 1);
  });
});
