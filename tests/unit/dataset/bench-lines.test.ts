import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { benchLineLabels, latexFractionLine, latexLineTokens } from "../../../lib/dataset/bench-lines";

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
  });

  it("says how many symbols a root's bar covers, a braced group or one symbol, and refuses a root's index", () => {
    const covers = (latex: string) => latexLineTokens(latex)?.map((t) => (t.radicand === undefined ? t.label : `${t.label}${t.radicand}`)).join(" ") ?? null;
    assert.equal(covers("\\sqrt { x + 1 } = 3"), "√3 x + 1 = 3");
    assert.equal(covers("\\sqrt 2 + 1"), "√1 2 + 1");
    assert.equal(covers("\\sqrt{1+\\sqrt{1+z^2}}"), "√7 1 + √4 1 + z 2");
    assert.equal(covers("\\sqrt[3]{x}"), null);
  });

  it("reads LaTeX written without spaces as TeX does: a bare ^ raises one character", () => {
    assert.equal(read("3 0 \\times 2 9 x^{2 8}"), "3 0 × 2 9 x ^2 ^8");
    assert.equal(read("x^3 - 18x - 35 = 0"), "x ^3 - 1 8 x - 3 5 = 0");
    assert.equal(read("x^23"), "x ^2 3");
  });
});

describe("latexFractionLine", () => {
  const read = (latex: string) => {
    const line = latexFractionLine(latex);
    return line ? line.labels.map((l, i) => { const r = line.layout[i]!.fraction; return r ? `${l}${r.role[0]}${r.fraction}` : l; }).join(" ") : null;
  };

  it("lists a fraction's numerator, bar and denominator in place, braced or not, spaced or not", () => {
    assert.equal(read("z = x + \\frac {1}{x}"), "z = x + 1n0 -b0 xd0");
    assert.equal(read("\\frac {19x}4 = \\frac { 3}{4}"), "1n0 9n0 xn0 -b0 4d0 = 3n1 -b1 4d1");
    assert.equal(read("\\pi=\\frac{2\\pi}{2}"), "π = 2n0 πn0 -b0 2d0");
  });

  it("is null without a fraction, with a power or index, or with a fraction inside a fraction", () => {
    assert.equal(read("x + 1 = 2"), null);
    assert.equal(read("\\frac{x^2}{2}"), null);
    assert.equal(read("\\frac{1}{\\frac{1}{2}}"), null);
    assert.equal(read("\\frac{a_1}{2}"), null);
  });
});
