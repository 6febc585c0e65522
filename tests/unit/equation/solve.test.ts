import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { solveExpression, type SolveResult } from "../../../lib/equation/solve";

/** [input, expected kind, expected text (exact match, or a RegExp for messages)]. */
const TABLE: [string | string[], SolveResult["kind"], string | RegExp][] = [
  ["12+7×3", "value", "33"],
  ["12+7×3=", "value", "33"],
  ["1/3+1/6", "value", "1/2"],
  // Written with decimals, a value is given with a decimal point when it has a finite one: exact all the same.
  ["0.1+0.2", "value", "0.3"],
  ["1.5+2=", "value", "3.5"],
  ["1/3+0.5", "value", "5/6"],
  ["0.5x=2", "solutions", "x = 4"],
  ["2^10-24", "value", "1000"],
  ["8÷(3−1)", "value", "4"],
  ["2(3+4)", "value", "14"],
  ["√16+1", "value", "5"],
  ["2x+3=7", "solutions", "x = 2"],
  ["3x=2", "solutions", "x = 2/3"],
  ["3(x+1)=12", "solutions", "x = 3"],
  ["x/2+1/3=1", "solutions", "x = 4/3"],
  ["5=2y-1", "solutions", "y = 3"],
  ["x^2-5x+6=0", "solutions", "x = 2, x = 3"],
  ["x²=9", "solutions", "x = -3, x = 3"],
  ["x(x+1)=6", "solutions", "x = -3, x = 2"],
  ["x^2-4x+4=0", "solutions", "x = 2 (double root)"],
  ["x^2-2=0", "solutions", "x = -√2, x = √2"],
  ["2x^2+3x-1=0", "solutions", "x = -3/4 - √17/4, x = -3/4 + √17/4"],
  ["x^2+1=0", "solutions", "x = i, x = -i"],
  ["x^2+2x+5=0", "solutions", "x = -1 + 2i, x = -1 - 2i"],
  ["x^2+x+1=0", "solutions", "x = -1/2 + i√3/2, x = -1/2 - i√3/2"],
  [["2x+y=5", "x-y=1"], "system", "x = 2, y = 1"],
  ["x+2y=1; 3x-y=2", "system", "x = 5/7, y = 1/7"],
  [["x+y=2", "2x+2y=4"], "identity", /infinitely many/i],
  [["x+y=2", "x+y=3"], "none", /no solution/i],
  ["x+1=x+2", "none", /no solution/i],
  ["x+1=x+1", "identity", /infinitely many/i],
  ["x^3=8", "error", /degree 3/],
  ["x^3-x^3+x=1", "solutions", "x = 1"],
  ["2+*3", "error", /could not read/i],
  ["x=", "error", /could not read/i],
  ["2x+3=", "error", /could not read/i],
  ["1/0", "error", /division by zero/],
  ["2x+3", "error", /no '='/],
  ["x+y=3", "error", /second equation/],
  ["x<3", "error", /inequalities/],
  ["∫x=1", "error", /unsupported symbol "∫"/],
  ["1/x=2", "error", /denominator/],
];

describe("solveExpression on lines that make no system", () => {
  it("solves a page of working line by line", () => {
    const r = solveExpression(["2x+3=7", "2x=4"]);
    assert.ok(r.kind === "lines", r.text);
    assert.deepEqual(r.lines.map((l) => l.text), ["x = 2", "x = 2"]);
    assert.equal(r.text, "line 1: x = 2; line 2: x = 2");
  });

  it("works out two sums, three lines, and a quadratic beside a line it cannot solve, each on its own", () => {
    const sums = solveExpression("12+7×3=; 5×4=");
    assert.ok(sums.kind === "lines");
    assert.deepEqual(sums.lines.map((l) => l.text), ["33", "20"]);
    const three = solveExpression(["x+1=2", "x=1", "1=1"]);
    assert.ok(three.kind === "lines");
    assert.deepEqual(three.lines.map((l) => l.kind), ["solutions", "solutions", "identity"]);
    const mixed = solveExpression(["x^2-5x+6=0", "x+y=3"]);
    assert.ok(mixed.kind === "lines");
    assert.deepEqual(mixed.lines.map((l) => l.kind), ["solutions", "error"]);
  });

  it("keeps a system a system, and the system's reason when no line solves on its own", () => {
    assert.equal(solveExpression(["x+y=2", "x+y=3"]).kind, "none");
    const unreadable = solveExpression(["x+y-4", "x-y=2"]);
    assert.equal(unreadable.kind, "error");
    assert.match(unreadable.text, /each line of a system must be an equation/);
  });
});

describe("solveExpression", () => {
  for (const [input, kind, text] of TABLE) {
    it(`${JSON.stringify(input)} -> ${kind}: ${text}`, () => {
      const result = solveExpression(input);
      assert.equal(result.kind, kind, result.text);
      if (typeof text === "string") assert.equal(result.text, text);
      else assert.match(result.text, text);
    });
  }

  it("returns exact and approximate values", () => {
    const r = solveExpression("1/3+1/6");
    assert.ok(r.kind === "value");
    assert.deepEqual(r.value, { exact: "1/2", approx: 0.5 });
    const q = solveExpression("x^2+1=0");
    assert.ok(q.kind === "solutions");
    assert.deepEqual(q.solutions.map((s) => [s.re, s.im]), [[0, 1], [0, -1]]);
    const s = solveExpression(["2x+y=5", "x-y=1"]);
    assert.ok(s.kind === "system");
    assert.equal(s.values.y!.approx, 1);
  });

  it("falls back to decimals when a coefficient is irrational", () => {
    const r = solveExpression("πx=1");
    assert.ok(r.kind === "solutions");
    assert.equal(r.solutions[0]!.exact, "0.3183098862");
  });

  it("solves the decoder's output format", () => {
    assert.equal(solveExpression("2*x^2-8=0").text, "x = -2, x = 2");
    assert.equal(solveExpression("sqrt((x+1))=3").kind, "error");
  });
});
