import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fitContextPrior } from "../../../lib/equation/context-prior";
import { buildExpression, decodeEquation, type SymbolHypotheses } from "../../../lib/equation/decode";
import { decodeLine } from "../../../lib/equation/decode-line";
import { radicandSpans } from "../../../lib/equation/radicals";
import { shippedPlacementModel } from "../../../lib/equation/shipped-placement";

const sym = (...xs: [string, number][]): SymbolHypotheses => ({ candidates: xs.map(([label, p]) => ({ label, p })) });
const sup = (...xs: [string, number][]): SymbolHypotheses => ({ ...sym(...xs), superscript: true });
const labels = (r: ReturnType<typeof decodeEquation>) => r.tokens.map((t) => t.label).join("");

describe("decodeEquation", () => {
  it("keeps the top-1 labels when they already form an expression", () => {
    const r = decodeEquation([sym(["2", 0.9]), sym(["x", 0.8]), sym(["+", 0.9]), sym(["3", 0.9]), sym(["=", 0.9]), sym(["7", 0.9])]);
    assert.equal(r.expression, "2*x+3=7");
    assert.ok(r.wellFormed);
    assert.ok(r.tokens.every((t) => !t.overridden));
  });

  it("allows only one = and replaces a trailing operator", () => {
    const r = decodeEquation([
      sym(["2", 0.9]),
      sym(["x", 0.6], ["×", 0.4]),
      sym(["=", 0.5], ["+", 0.4]),
      sym(["3", 0.9]),
      sym(["=", 0.9]),
      sym(["+", 0.6], ["7", 0.35]),
    ]);
    assert.equal(r.expression, "2*x+3=7");
    assert.deepEqual(r.tokens.map((t) => t.overridden), [false, false, true, false, false, true]);
    assert.equal(r.tokens[5]!.confidence, 0.35);
  });

  it("reads a trailing = as asking for the value, but no other relation", () => {
    const asked = decodeEquation([sym(["2", 0.9]), sym(["+", 0.9]), sym(["3", 0.9]), sym(["=", 0.9], ["z", 0.05])]);
    assert.equal(asked.expression, "2+3=");
    assert.ok(asked.wellFormed);
    const less = decodeEquation([sym(["2", 0.9]), sym(["+", 0.9]), sym(["3", 0.9]), sym(["<", 0.9], ["z", 0.05])]);
    assert.equal(less.expression, "2+3*z");
    // A stroke the model barely takes for an = (a 5's flag drawn apart) does not end the line as one.
    const flag = decodeEquation([sym(["5", 0.9]), sym(["6", 0.01], ["5", 0.009]), sym(["-", 0.99], ["=", 0.002])], {});
    assert.notEqual(flag.expression.at(-1), "=");
  });

  it("reads a line of a system as an equation when it can be one", () => {
    // x-y=2 whose = the model takes for a minus first.
    const line = [sym(["x", 0.9]), sym(["-", 0.9]), sym(["y", 0.9]), sym(["-", 0.6], ["=", 0.3]), sym(["2", 0.9])];
    assert.equal(decodeEquation(line).expression, "x-y-2");
    assert.equal(decodeEquation(line, { preferEquation: true }).expression, "x-y=2");
    // Without an = among the readings, the best reading stands.
    assert.equal(decodeEquation([sym(["x", 0.9]), sym(["-", 0.9]), sym(["2", 0.9])], { preferEquation: true }).expression, "x-2");
  });

  it("closes a bracket rather than leave it unbalanced", () => {
    const r = decodeEquation([
      sym(["3", 0.9]),
      sym(["(", 0.9]),
      sym(["x", 0.9]),
      sym(["+", 0.9]),
      sym(["1", 0.9]),
      sym(["1", 0.7], [")", 0.3]),
      sym(["=", 0.9]),
      sym(["6", 0.9]),
    ]);
    assert.equal(labels(r), "3(x+1)=6");
    assert.equal(r.expression, "3*(x+1)=6");
  });

  it("does not put a binary operator first or two in a row", () => {
    const r = decodeEquation([sym(["×", 0.6], ["x", 0.4]), sym(["+", 0.9]), sym(["+", 0.6], ["1", 0.4]), sym(["=", 0.9]), sym(["4", 0.9])]);
    assert.equal(labels(r), "x+1=4");
  });

  it("reads a decimal point between digits only, once per number", () => {
    const point = sym([".", 1]);
    const r = decodeEquation([sym(["1", 0.9]), point, sym(["5", 0.9]), sym(["+", 0.9]), sym(["2", 0.9]), sym(["=", 0.9])]);
    assert.equal(r.expression, "1.5+2=");
    // Beside the point a 1 read as / or l gives way to the digit the model also saw.
    assert.equal(decodeEquation([sym(["/", 0.6], ["1", 0.4]), point, sym(["5", 0.9])]).expression, "1.5");
    assert.equal(decodeEquation([sym(["1", 0.9]), point, sym(["2", 0.9]), point, sym(["3", 0.9])]).wellFormed, false);
    assert.equal(decodeEquation([sym(["x", 0.9]), point, sym(["5", 0.9])]).wellFormed, false);
    assert.equal(decodeEquation([sym(["1", 0.9]), point]).wellFormed, false);
    assert.equal(buildExpression([..."√2.25"].map((label) => ({ label, superscript: false }))), "sqrt(2.25)");
    assert.equal(buildExpression([..."0.5x"].map((label) => ({ label, superscript: false }))), "0.5*x");
  });

  it("lets a leading minus stand as a sign", () => {
    const r = decodeEquation([sym(["-", 0.9]), sym(["x", 0.9]), sym(["=", 0.9]), sym(["-", 0.9]), sym(["2", 0.9])]);
    assert.equal(r.expression, "-x=-2");
  });

  it("writes superscripts as powers and needs an operand before them", () => {
    const r = decodeEquation([sym(["x", 0.9]), sup(["2", 0.9]), sym(["-", 0.9]), sym(["4", 0.9]), sym(["=", 0.9]), sym(["0", 0.9])]);
    assert.equal(r.expression, "x^2-4=0");
    const bad = decodeEquation([sym(["+", 0.7], ["x", 0.3]), sup(["2", 0.9])]);
    assert.equal(bad.expression, "x^2");
  });

  it("reads a symbol marked raised on the line when only that reading is well formed", () => {
    // A short = written high after a small x is marked raised; "x^=" is not an expression.
    const r = decodeEquation([sym(["3", 0.9]), sym(["x", 0.9]), sup(["=", 0.99], ["2", 0.005]), sym(["3", 0.9]), sym(["6", 0.9])]);
    assert.equal(r.expression, "3*x=36");
    assert.equal(r.tokens[2]!.superscript, false);
    // A raised digit after a number keeps its mark: the flat reading costs more than it gains.
    const power = decodeEquation([sym(["3", 0.9]), sup(["2", 0.9]), sym(["=", 0.9]), sym(["9", 0.9])]);
    assert.equal(power.expression, "3^2=9");
    assert.equal(power.tokens[1]!.superscript, true);
  });

  it("reads a symbol placed like an exponent but not surely one raised only when that reads better", () => {
    const maybe = (...xs: [string, number][]): SymbolHypotheses => ({ ...sym(...xs), mayBeRaised: true });
    // x2 is no line (a digit never follows a letter), x^2 is.
    assert.equal(decodeEquation([sym(["x", 0.9]), maybe(["2", 0.9])]).expression, "x^2");
    // 12 is: the flat reading wins.
    assert.equal(decodeEquation([sym(["1", 0.9]), maybe(["2", 0.9])]).expression, "12");
  });

  it("reads an exponent with its own candidates: a 2 is likelier raised than a z", () => {
    const raised: SymbolHypotheses = {
      candidates: [{ label: "z", p: 0.6 }, { label: "2", p: 0.4 }],
      raisedCandidates: [{ label: "z", p: 0.1 }, { label: "2", p: 0.9 }],
      superscript: true,
    };
    assert.equal(decodeEquation([sym(["x", 0.9]), raised]).expression, "x^2");
    assert.equal(decodeEquation([sym(["x", 0.9]), { candidates: raised.candidates, superscript: true }]).expression, "x^z");
  });

  it("falls back to the top-1 labels, flagged, when nothing is well formed", () => {
    const r = decodeEquation([sym(["+", 0.9], ["=", 0.1])]);
    assert.equal(r.wellFormed, false);
    assert.equal(r.tokens[0]!.label, "+");
  });
});

describe("buildExpression", () => {
  const build = (text: string, superscripts: number[] = []) =>
    buildExpression([...text].map((label, i) => ({ label, superscript: superscripts.includes(i) })));

  it("spells operators and implicit products the way the solver reads them", () => {
    assert.equal(build("12+7×3"), "12+7*3");
    assert.equal(build("8÷2"), "8/2");
    assert.equal(build("2x+3=7"), "2*x+3=7");
    assert.equal(build("3(x+1)"), "3*(x+1)");
    assert.equal(build("(x+1)(x−1)"), "(x+1)*(x-1)");
    assert.equal(build("2πx"), "2*pi*x");
    assert.equal(build("[x+1]"), "(x+1)");
  });

  it("writes roots and powers", () => {
    assert.equal(build("√16"), "sqrt(16)");
    assert.equal(build("2√(x+1)"), "2*sqrt((x+1))");
    assert.equal(build("2x2", [2]), "2*x^2");
    assert.equal(build("x2y", [1]), "x^2*y");
    assert.equal(build("xn+1", [1, 2, 3]), "x^(n+1)");
  });
});

describe("decodeEquation: symbols that may be two strokes of one", () => {
  const join = (s: SymbolHypotheses, ...c: [string, number][]): SymbolHypotheses => ({ ...s, joinWithNext: c.map(([label, p]) => ({ label, p })) });

  it("reads two doubtful parts as the one confident symbol they make together", () => {
    // x-x=0 with the first x drawn as two arcs: "2" and "(" alone, "x" together.
    const r = decodeEquation([join(sym(["2", 0.84], ["7", 0.13]), ["x", 0.99]), sym(["(", 0.85], ["0", 0.12]), sym(["-", 0.99]), sym(["x", 0.95]), sym(["=", 0.98]), sym(["0", 0.9])]);
    assert.equal(r.expression, "x-x=0");
    assert.deepEqual(r.tokens.map((t) => [t.start, t.span]), [[0, 2], [2, 1], [3, 1], [4, 1], [5, 1]]);
  });

  it("keeps two clear symbols apart", () => {
    const r = decodeEquation([join(sym(["1", 0.98]), ["x", 0.95]), sym(["1", 0.98]), sym(["+", 0.99]), sym(["2", 0.99])]);
    assert.equal(r.expression, "11+2");
  });

  it("does not join when the joined reading leaves the line ill-formed: ( x + 1 )", () => {
    const r = decodeEquation([join(sym(["(", 0.7], ["1", 0.2]), ["x", 0.99]), sym(["x", 0.9]), sym(["+", 0.99]), sym(["1", 0.99]), sym([")", 0.99], ["1", 0.01])]);
    assert.equal(r.expression, "(x+1)");
  });
});

describe("decodeEquation: one stroke that may be two touching symbols", () => {
  const split = (s: SymbolHypotheses, left: [string, number][], right: [string, number][]): SymbolHypotheses => ({
    ...s,
    splitInTwo: [left.map(([label, p]) => ({ label, p })), right.map(([label, p]) => ({ label, p }))],
  });

  it("reads a doubtful wide stroke as the two confident symbols its sides make: 4+4=2 0 -> 4+4=20", () => {
    const r = decodeEquation([sym(["4", 0.99]), sym(["+", 0.99]), sym(["4", 0.99]), sym(["=", 0.99]), split(sym(["x", 0.2], ["4", 0.05]), [["2", 0.9]], [["0", 0.95]])]);
    assert.equal(r.expression, "4+4=20");
    assert.deepEqual(r.tokens.map((t) => [t.start, t.span, t.part]), [[0, 1, undefined], [1, 1, undefined], [2, 1, undefined], [3, 1, undefined], [4, 1, 0], [4, 1, 1]]);
    assert.deepEqual(r.tokens.slice(4).map((t) => t.confidence), [0.9, 0.95]);
  });

  it("keeps a confident symbol whole, and a cut the grammar forbids: 0 is not ( )", () => {
    // solveImage folds its prior for a cut into the left side's probabilities (0.9 x 0.5).
    const whole = decodeEquation([sym(["x", 0.9]), sym(["=", 0.99]), split(sym(["0", 0.6]), [["2", 0.45]], [["0", 0.9]])]);
    assert.equal(whole.expression, "x=0");
    const brackets = decodeEquation([sym(["x", 0.9]), sym(["=", 0.99]), split(sym(["0", 0.3]), [["(", 0.99]], [[")", 0.99]])]);
    assert.equal(brackets.expression, "x=0");
  });
});

describe("decodeEquation: a number never directly follows a letter", () => {
  it("reads 6x6 as 6×6 when × is among the candidates, and keeps x²", () => {
    const r = decodeEquation([sym(["6", 0.99]), sym(["x", 0.8], ["×", 0.2]), sym(["6", 0.99]), sym(["=", 0.99]), sym(["3", 0.9]), sym(["6", 0.9])]);
    assert.equal(labels(r), "6×6=36");
    const square = decodeEquation([sym(["x", 0.9]), sup(["2", 0.9]), sym(["=", 0.9]), sym(["4", 0.9])]);
    assert.equal(square.expression, "x^2=4");
  });
});

describe("decodeEquation: x or × by their neighbours", () => {
  const crossBetweenLetters: SymbolHypotheses[] = [
    { candidates: [{ label: "y", p: 0.99 }] },
    { candidates: [{ label: "=", p: 0.99 }] },
    { candidates: [{ label: "x", p: 0.95 }] },
    { candidates: [{ label: "x", p: 0.7 }, { label: "×", p: 0.3 }] },
    { candidates: [{ label: "x", p: 0.95 }] },
  ];

  it("reads a cross between two letters as × with the fitted prior, as x by shape alone", () => {
    assert.equal(decodeEquation(crossBetweenLetters).expression, "y=x*x*x");
    const { context } = shippedPlacementModel();
    const decoded = decodeEquation(crossBetweenLetters, { context });
    assert.equal(decoded.tokens[3]!.label, "×");
    assert.equal(decoded.expression, "y=x*x");
  });

  it("keeps a sure x before a plus: the prior only tips close calls", () => {
    const { context } = shippedPlacementModel();
    const line: SymbolHypotheses[] = [{ candidates: [{ label: "2", p: 0.99 }] }, { candidates: [{ label: "x", p: 0.6 }, { label: "×", p: 0.4 }] }, { candidates: [{ label: "+", p: 0.99 }] }, { candidates: [{ label: "1", p: 0.99 }] }];
    assert.equal(decodeEquation(line, { context }).expression, "2*x+1");
  });
});

describe("fitContextPrior", () => {
  it("finds × likelier between numbers and x likelier before an operator than their shares", () => {
    const t = (text: string) => [...text].map((label) => ({ label, superscript: false }));
    const lines = [...Array.from({ length: 10 }, () => t("2×3")), ...Array.from({ length: 30 }, () => t("2x+1")), t("x_1")];
    const prior = fitContextPrior(lines);
    assert.ok(prior["×"]!["digit|digit"]! > 0.5);
    assert.ok(prior["x"]!["digit|digit"]! < -0.5);
    assert.ok(prior["x"]!["digit|operator"]! > 0);
    assert.equal(prior["x"]!["edge|edge"], undefined, "contexts seen too rarely stay neutral");
  });

  it("weighs each label against its own group: z before an exponent, 2 before a letter", () => {
    const t = (text: string, raised = -1) => [...text].map((label, i) => ({ label, superscript: i === raised }));
    const lines = [...Array.from({ length: 10 }, () => t("x+z2", 3)), ...Array.from({ length: 40 }, () => t("2x+1")), ...Array.from({ length: 5 }, () => t("2×3"))];
    const prior = fitContextPrior(lines);
    assert.ok(prior["z"]!["operator|raised"]! > 0.5);
    assert.ok(prior["2"]!["operator|raised"]! < 0);
    assert.ok(prior["z"]!["edge|letter"]! < -0.5);
    // The × of "2×3" is weighed against x, not against the many 2s.
    assert.ok(prior["×"]!["digit|digit"]! > 0.5);
  });
});

describe("decodeLine: stacked fractions", () => {
  const n = { fraction: { fraction: 0, role: "numerator" } } as const;
  const b = { fraction: { fraction: 0, role: "bar" } } as const;
  const d = { fraction: { fraction: 0, role: "denominator" } } as const;

  it("reads each fraction as one operand of its line, its sides decoded on their own", () => {
    // x + (1 over x) = 2, the bar read as a minus as a fraction bar is labelled
    const r = decodeLine(
      [sym(["x", 0.9]), sym(["+", 0.9]), sym(["1", 0.9]), sym(["-", 0.95]), sym(["x", 0.9]), sym(["=", 0.9]), sym(["2", 0.9])],
      [undefined, undefined, n, b, d, undefined, undefined],
    );
    assert.equal(r.expression, "x+(1/x)=2");
    assert.ok(r.wellFormed);
    assert.equal(labels(r), "x+1-x=2");
    assert.deepEqual(r.tokens.map((t) => t.start), [0, 1, 2, 3, 4, 5, 6]);
  });

  it("brackets a side of several symbols, and a number before the fraction multiplies it", () => {
    const r = decodeLine(
      [sym(["3", 0.9]), sym(["x", 0.9]), sym(["+", 0.6], ["4", 0.3]), sym(["1", 0.9]), sym(["-", 0.9]), sym(["2", 0.9]), sym(["=", 0.9]), sym(["3", 0.9])],
      [undefined, n, n, n, b, d, undefined, undefined],
    );
    assert.equal(r.expression, "3*((x+1)/2)=3");
  });

  it("is not well formed when a side holds an = or nothing readable", () => {
    const r = decodeLine([sym(["1", 0.9]), sym(["=", 0.99]), sym(["2", 0.9]), sym(["-", 0.9]), sym(["4", 0.9])], [n, n, n, b, d]);
    assert.equal(r.wellFormed, false);
  });
});

describe("decodeLine: square roots over several symbols", () => {
  const under = (n: number) => ({ radicand: n });

  it("reads a √ over x+1 as sqrt(x+1), and a √ over a 1 alone as before", () => {
    const r = decodeLine([sym(["√", 0.8]), sym(["x", 0.9]), sym(["+", 0.9]), sym(["1", 0.9]), sym(["=", 0.9]), sym(["3", 0.9])], [under(3), under(0), under(0), under(0), under(0), under(0)]);
    assert.equal(r.expression, "sqrt(x+1)=3");
    assert.ok(r.wellFormed);
    assert.equal(labels(r), "√x+1=3");
    assert.deepEqual(r.tokens.map((t) => t.start), [0, 1, 2, 3, 4, 5]);
    assert.equal(decodeLine([sym(["√", 0.8]), sym(["x", 0.9]), sym(["+", 0.9]), sym(["1", 0.9])], [under(1)]).expression, "sqrt(x)+1");
  });

  it("nests roots, multiplies a number before one, and leaves a symbol the model does not read as √ on the line", () => {
    // 2√(1+√(1+z^2)): the inner √ covers 1 + z and its exponent.
    const z2 = { candidates: [{ label: "2", p: 0.9 }], superscript: true };
    const r = decodeLine(
      [sym(["2", 0.9]), sym(["√", 0.6]), sym(["1", 0.9]), sym(["+", 0.9]), sym(["√", 0.7]), sym(["1", 0.9]), sym(["+", 0.9]), sym(["z", 0.9]), z2],
      [under(0), under(7), under(0), under(0), under(4)],
    );
    assert.equal(r.expression, "2*sqrt(1+sqrt(1+z^2))");
    const notRoot = decodeLine([sym(["7", 0.6], ["√", 0.3]), sym(["1", 0.9])], [under(1)]);
    assert.equal(notRoot.expression, "71");
  });

  it("is not well formed when a radicand holds an =, and a root over a fraction takes all of it", () => {
    assert.equal(decodeLine([sym(["√", 0.8]), sym(["x", 0.9]), sym(["=", 0.9]), sym(["1", 0.9])], [under(3)]).wellFormed, false);
    const n = { fraction: 0, role: "numerator" } as const;
    const b = { fraction: 0, role: "bar" } as const;
    const d = { fraction: 0, role: "denominator" } as const;
    const r = decodeLine([sym(["√", 0.8]), sym(["1", 0.9]), sym(["-", 0.9]), sym(["4", 0.9])], [under(3), { fraction: n }, { fraction: b }, { fraction: d }]);
    assert.equal(r.expression, "sqrt((1/4))");
    // A bar over half a fraction never cuts it: the √ takes the whole fraction as its atom.
    const half = decodeLine([sym(["√", 0.8]), sym(["1", 0.9]), sym(["-", 0.9]), sym(["4", 0.9])], [under(2), { fraction: n }, { fraction: b }, { fraction: d }]);
    assert.equal(half.expression, "sqrt((1/4))");
    assert.deepEqual(half.tokens.map((t) => t.start), [0, 1, 2, 3]);
  });
});

describe("radicandSpans", () => {
  it("counts the symbols under each bar, an exponent of the last one under a bar that stops short included, and stops at the first outside", () => {
    // √ over "1 + z" with z's exponent past the bar's end, then "=" and "4".
    const boxes: [number, number, number, number][] = [
      [0, 0, 300, 120], [70, 40, 10, 60], [110, 55, 30, 30], [180, 50, 50, 50], [290, 20, 25, 30], [340, 60, 40, 20], [400, 40, 30, 60],
    ];
    assert.deepEqual(radicandSpans(boxes), [4, 0, 0, 0, 0, 0, 0]);
    // The same √ over a 1 alone: the + after the bar's end is not under it.
    assert.deepEqual(radicandSpans([[0, 0, 90, 120], [50, 40, 10, 60], [110, 55, 30, 30]]), [1, 0, 0]);
  });
});
