import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { benchLineLabels, latexLineTokens } from "../../../lib/dataset/bench-lines";

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

describe("latexLineTokens", () => {
  const read = (latex: string) => latexLineTokens(latex)?.map((t) => (t.superscript ? `^${t.label}` : t.label)).join(" ") ?? null;

  it("marks what a power raises, a single token or a braced group", () => {
    assert.equal(read("x ^ 2 + y ^ { 2 } = z ^ { 1 0 }"), "x ^2 + y ^2 = z ^1 ^0");
    assert.equal(read("\\left ( x + 1 \\right ) ^ 2"), "( x + 1 ) ^2");
    assert.equal(read("2 \\times 3 \\div 4"), "2 × 3 ÷ 4");
    assert.equal(read("x ^ { 12 } + 34"), "x ^1 ^2 + 3 4");
  });

  it("refuses structure the one-line solver does not read", () => {
    assert.equal(read("x _ 1"), null);
    assert.equal(read("\\frac { 1 } { 2 }"), null);
    assert.equal(read("a ^ { b ^ c }"), null);
    assert.equal(read("x ^"), null);
    assert.equal(read("x_1 \\times x_2 = X"), null, "an index written without spaces");
    assert.equal(read("3 0 \\times 2 9 x^{2 8}"), null, "a power written without spaces");
  });
});
