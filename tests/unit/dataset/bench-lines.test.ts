import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { benchLineLabels } from "../../../lib/dataset/bench-lines";

const CLASSES = new Set(["0", "1", "2", "3", "7", "x", "+", "=", "(", ")"]);
const at = (labels: (string | null)[], xs: number[]) => labels.map((label, i) => ({ label, x: xs[i]! }));

describe("benchLineLabels", () => {
  it("orders a flat line's symbols by their left edge", () => {
    assert.deepEqual(benchLineLabels("2x+3=7", at(["=", "2", "x", "+", "3", "7"], [40, 0, 10, 20, 30, 50]), CLASSES), { labels: ["2", "x", "+", "3", "=", "7"] });
  });

  it("says why a line cannot be measured", () => {
    assert.deepEqual(benchLineLabels("x^2", at(["x", "2"], [0, 10]), CLASSES), { skip: "structure (^ _ frac sqrt ...)" });
    assert.deepEqual(benchLineLabels("a+1", at(["a", "+", "1"], [0, 10, 20]), CLASSES), { skip: "symbol outside the model's classes" });
    assert.deepEqual(benchLineLabels("7", at(["7"], [0]), CLASSES), { skip: "single symbol" });
    assert.deepEqual(benchLineLabels("1+=", at(["1", "+", "="], [0, 10, 20]), CLASSES), { skip: "not a well-formed line (grammar)" });
  });
});
