import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyCrops } from "../../../lib/equation/classify";
import { composeEquation } from "../../../lib/equation/compose-equation";
import { NoSymbolsError, solveImage } from "../../../lib/equation/solve-image";
import { segmentLines } from "../../../lib/equation/segment-lines";
import { segmentEquation } from "../../../lib/equation/segment";
import { findLineBands } from "../../../lib/equation/split-lines";
import { createRng, drawGlyphs, drawSegment, glyphBoxes, layoutEquation, layoutStackedFraction, renderOnPaper } from "../../../lib/equation/synthetic-ink";
import type { GrayImage } from "../../../lib/images/canonicalize";
import { CANONICAL_PIXELS } from "../../../lib/images/canonical-form";
import { CLASSES, scriptedBatches, scriptedClassifier, stacked, sure, turned, written } from "./fakes";

describe("classifyCrops", () => {
  it("sends every crop in one batch and returns each crop's top-k, best first", async () => {
    const classifier = scriptedClassifier([{ "7": 0.6, "1": 0.3 }, { x: 0.9 }]);
    const crops = [new Uint8Array(CANONICAL_PIXELS), new Uint8Array(CANONICAL_PIXELS)];
    const ranked = await classifyCrops(classifier, crops, 3);
    assert.deepEqual(classifier.calls, [2]);
    assert.deepEqual(ranked[0]!.slice(0, 2).map((c) => c.label), ["7", "1"]);
    assert.equal(ranked[0]!.length, 3);
    assert.equal(ranked[1]![0]!.label, "x");
  });

  it("refuses a classifier whose output does not match its classes", async () => {
    const bad = { classes: ["a", "b"], predict: async () => new Float32Array(3) };
    await assert.rejects(classifyCrops(bad, [new Uint8Array(CANONICAL_PIXELS)]), /returned 3 values/);
  });
});

describe("solveImage", () => {
  it("reads 2x+3=7 with one classify call and solves it: x = 2", async () => {
    const classifier = scriptedClassifier(sure("2x+3=7"));
    const result = await solveImage(written("2x+3=7"), { classifier });
    // One batch: the six symbols first, then any pairs that might be one symbol in two strokes.
    assert.equal(classifier.calls.length, 1);
    assert.ok(classifier.calls[0]! >= 6);
    assert.deepEqual(result.tokens.map((t) => t.label), ["2", "x", "+", "3", "=", "7"]);
    assert.equal(result.expression, "2*x+3=7");
    assert.equal(result.solution.text, "x = 2");
    assert.ok(result.tokens.every((t) => t.box[2] > 0 && t.box[3] > 0 && t.line === 0));
    // boxes in reading order
    for (let i = 1; i < result.tokens.length; i++) assert.ok(result.tokens[i]!.box[0] > result.tokens[i - 1]!.box[0]);
  });

  it("lets the grammar overrule a top-1 that cannot be right (x read as + in 2x+3=7)", async () => {
    const rows = sure("2x+3=7");
    rows[1] = { "+": 0.55, x: 0.4 };
    const result = await solveImage(written("2x+3=7"), { classifier: scriptedClassifier(rows) });
    assert.equal(result.expression, "2*x+3=7");
    assert.equal(result.tokens[1]!.overridden, true);
    assert.equal(result.solution.text, "x = 2");
  });

  it("applies a person's correction as certain, keeping the model's guesses for display", async () => {
    const rows = sure("2x+3=7");
    rows[5] = { "1": 0.8, "7": 0.1 }; // 7 misread as 1: 2x+3=1 is well formed, so only a correction fixes it
    const classifier = scriptedClassifier(rows);
    const misread = await solveImage(written("2x+3=7"), { classifier });
    assert.equal(misread.solution.text, "x = -1");
    const fixed = await solveImage(written("2x+3=7"), { classifier, corrections: [{ index: 5, label: "7" }] });
    assert.equal(fixed.tokens[5]!.label, "7");
    assert.equal(fixed.tokens[5]!.corrected, true);
    assert.equal(fixed.tokens[5]!.confidence, 1);
    assert.equal(fixed.tokens[5]!.candidates[0]!.label, "1");
    assert.equal(fixed.solution.text, "x = 2");
  });

  it("reads a line written at a slope levelled, its boxes on the image as sent", async () => {
    const image = turned(written("2x+3=7"), 10);
    const result = await solveImage(image, { classifier: scriptedClassifier(sure("2x+3=7")) });
    assert.equal(result.expression, "2*x+3=7");
    assert.ok(Math.abs(result.skewDegrees - 10) < 2, `sloped ${result.skewDegrees}°`);
    for (const [x, y, w, h] of result.tokens.map((t) => t.box)) assert.ok(x >= 0 && y >= 0 && x + w <= image.width && y + h <= image.height);
    // The 7 is at the right and, the line falling to the right, reaches lowest.
    const seven = result.tokens[5]!.box;
    assert.ok(result.tokens.every((t) => t.box[0] <= seven[0] && t.box[1] + t.box[3] <= seven[1] + seven[3]));
    const fixed = await solveImage(image, { classifier: scriptedClassifier(sure("2x+3=1")), corrections: [{ index: 5, label: "7" }] });
    assert.equal(fixed.solution.text, "x = 2");
  });

  it("reads no line of one or two marks beside a written line", () => {
    const { lines } = segmentLines(stacked([written("7"), written("2x+3=7")], 30));
    assert.deepEqual(lines.map((l) => l.length), [6]);
    // On its own, a short line is read.
    assert.deepEqual(segmentLines(written("12")).lines.map((l) => l.length), [2]);
  });

  it("solves two written lines as a system", async () => {
    const image = stacked([written("2x+y=4", 4), written("x-y=2", 7)], 30);
    const { lines } = segmentLines(image);
    assert.deepEqual(lines.map((l) => l.length), [6, 5]);
    const result = await solveImage(image, { classifier: scriptedClassifier(sure("2x+y=4x-y=2")) });
    assert.deepEqual(result.lines, ["2*x+y=4", "x-y=2"]);
    assert.equal(result.expression, "2*x+y=4; x-y=2");
    assert.equal(result.solution.kind, "system");
    assert.equal(result.solution.text, "x = 2, y = 0");
    assert.deepEqual([...new Set(result.tokens.map((t) => t.line))], [0, 1]);
    // second-line boxes are in whole-image coordinates
    assert.ok(result.tokens[6]!.box[1] > result.tokens[0]!.box[1] + result.tokens[0]!.box[3]);
  });

  it("throws NoSymbolsError on a blank page", async () => {
    const blank = { width: 300, height: 120, pixels: new Uint8Array(300 * 120).fill(240) };
    await assert.rejects(solveImage(blank, { classifier: scriptedClassifier([]) }), NoSymbolsError);
  });

  it("reads composed symbols with their own sizes and offsets", async () => {
    // Blocky stand-ins for canonical crops: the composer only cuts, scales and places them.
    const block = (w: number, h: number) => {
      const c = new Uint8Array(CANONICAL_PIXELS);
      const x0 = Math.floor((45 - w) / 2);
      const y0 = Math.floor((45 - h) / 2);
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) c[y * 45 + x] = 255;
      return c;
    };
    const symbols = [
      { label: "1", canonical: block(8, 45) },
      { label: "-", canonical: block(45, 6) },
      { label: "1", canonical: block(8, 45) },
    ];
    const { image, boxes } = composeEquation(symbols, { size: 60, rng: createRng(2) });
    assert.equal(boxes.length, 3);
    const result = await solveImage(image, { classifier: scriptedClassifier(sure("1-1")) });
    assert.equal(result.tokens.length, 3);
    assert.equal(result.solution.text, "0");
  });
});

describe("findLineBands", () => {
  it("keeps one line for =, exponents and a lone equals sign", () => {
    assert.equal(findLineBands(written("2x+3=7")).length, 1);
    assert.equal(findLineBands(written("x^2=4")).length, 1);
    assert.equal(findLineBands(written("=")).length, 1);
  });

  it("finds two lines separated by line spacing", () => {
    const bands = findLineBands(stacked([written("12"), written("34")], 20));
    assert.equal(bands.length, 2);
    assert.ok(bands[0]!.bottom <= bands[1]!.top);
  });

  it("leaves a small mark standing off further than the line is high out of every line", () => {
    const line = written("2x+3=7");
    const image = stacked([line, { width: line.width, height: 20, pixels: new Uint8Array(line.width * 20).fill(255) }], line.height + 10);
    for (let y = image.height - 18; y < image.height - 4; y++) for (let x = 100; x < 106; x++) image.pixels[y * image.width + x] = 40;
    const bands = findLineBands(image);
    assert.equal(bands.length, 1);
    assert.ok(bands[0]!.bottom < image.height - 18);
    assert.deepEqual(segmentLines(image).lines.map((l) => l.length), segmentLines(line).lines.map((l) => l.length));
  });
});

/** Two arcs ")(" with a visible gap (an x written in two strokes), then a 1 and a 7 further on. */
function twoArcsThenDigits(arcGap: number): GrayImage {
  const width = 320;
  const height = 160;
  const ink = new Float32Array(width * height);
  const arc = (x: number, bulge: number) => {
    const pts = Array.from({ length: 13 }, (_, i) => [x + bulge * Math.sin((Math.PI * i) / 12) * 15, 48 + (i / 12) * 50] as [number, number]);
    for (let i = 1; i < pts.length; i++) drawSegment(ink, width, height, pts[i - 1]!, pts[i]!, 5);
  };
  arc(40, 1);
  arc(70 + arcGap, -1);
  drawSegment(ink, width, height, [170, 40], [170, 105], 5);
  drawSegment(ink, width, height, [220, 40], [250, 40], 5);
  drawSegment(ink, width, height, [250, 40], [230, 105], 5);
  return renderOnPaper(ink, width, height);
}

describe("solveImage: symbols written in two strokes", () => {
  it("joins two arcs the model reads as one confident x, in the same batch", async () => {
    // Singles: the arcs read as a doubtful 2 and 0, then - and 7 (the scripted model ignores
    // the pixels); then the joined pair: x.
    const classifier = scriptedClassifier([{ "2": 0.5 }, { "0": 0.45 }, { "-": 0.97 }, { "7": 0.97 }, { x: 0.93 }]);
    const result = await solveImage(twoArcsThenDigits(18), { classifier });
    assert.deepEqual(classifier.calls, [5]);
    assert.deepEqual(result.tokens.map((t) => t.label), ["x", "-", "7"]);
  });

  it("places a join offered on the second written line on that line's rows", () => {
    const top = written("1+2");
    const { lines } = segmentLines(stacked([top, twoArcsThenDigits(18)], 30));
    assert.equal(lines.length, 2);
    const join = lines[1]![0]!.joinWithNext;
    assert.ok(join, "the two arcs are offered joined");
    assert.ok(join.box[1] >= top.height + 30 && join.box[1] + join.box[3] <= top.height + 30 + 160, `join box ${join.box.join(",")}`);
  });

  it("keeps two clear symbols apart even when their joined crop reads as something", async () => {
    const classifier = scriptedClassifier([{ "1": 0.96 }, { "1": 0.96 }, { "-": 0.97 }, { "7": 0.97 }, { x: 0.9 }]);
    const result = await solveImage(twoArcsThenDigits(18), { classifier });
    assert.deepEqual(result.tokens.map((t) => t.label), ["1", "1", "-", "7"]);
  });

  it("with a model that knows junk, joins arcs it reads as pieces of a symbol", async () => {
    const classifier = scriptedClassifier([{ "2": 0.21, junk: 0.77 }, { "0": 0.21, junk: 0.77 }, { "-": 0.97 }, { "7": 0.97 }, { x: 0.95 }], [...CLASSES, "junk"]);
    const result = await solveImage(twoArcsThenDigits(18), { classifier });
    assert.deepEqual(result.tokens.map((t) => t.label), ["x", "-", "7"]);
    assert.ok(result.tokens.every((t) => t.candidates.every((c) => c.label !== "junk")));
  });

  it("does not offer a joined crop the model reads as junk (two symbols), however doubtful the two are", async () => {
    const classifier = scriptedClassifier([{ "1": 0.1 }, { "1": 0.1 }, { "-": 0.97 }, { "7": 0.97 }, { junk: 0.92, x: 0.07 }], [...CLASSES, "junk"]);
    const result = await solveImage(twoArcsThenDigits(12), { classifier });
    assert.deepEqual(result.tokens.map((t) => t.label), ["1", "1", "-", "7"]);
    assert.equal(result.expression, "11-7");
  });

  it("leaves junk out of a symbol's readings without renormalising them", async () => {
    const classifier = scriptedClassifier([{ "1": 0.96 }, { "1": 0.96 }, { "-": 0.97 }, { "7": 0.35, junk: 0.6 }, { x: 0.5 }], [...CLASSES, "junk"]);
    const result = await solveImage(twoArcsThenDigits(18), { classifier });
    const seven = result.tokens[3]!;
    assert.equal(seven.label, "7");
    assert.ok(seven.confidence < 0.4, `confidence ${seven.confidence}`);
    assert.ok(seven.candidates.every((c) => c.label !== "junk"));
  });
});

describe("solveImage: two symbols written touching", () => {
  // "20" in one stroke: a 2 whose foot runs on into a 0.
  const twenty = (): GrayImage => {
    const width = 200;
    const height = 160;
    const ink = new Float32Array(width * height);
    const zero = Array.from({ length: 25 }, (_, i) => [130 + 35 * Math.cos(Math.PI + (Math.PI * i) / 12), 80 + 42 * Math.sin(Math.PI + (Math.PI * i) / 12)] as [number, number]);
    const path: [number, number][][] = [[[30, 50], [45, 35], [65, 35], [75, 50], [70, 70], [30, 120], [95, 120], [95, 80]], zero];
    for (const line of path) for (let i = 1; i < line.length; i++) drawSegment(ink, width, height, line[i - 1]!, line[i]!, 5);
    return renderOnPaper(ink, width, height);
  };
  const segment = { removeRuledLines: false };

  it("reads the stroke as the two symbols its sides make when a junk-aware model finds the whole unlike any symbol", async () => {
    const classifier = scriptedClassifier([{ x: 0.2, junk: 0.75 }, { "2": 0.95 }, { "0": 0.95 }], [...CLASSES, "junk"]);
    const result = await solveImage(twenty(), { classifier, segment });
    assert.deepEqual(classifier.calls, [3]);
    assert.equal(result.expression, "20");
    const [two, zero] = result.tokens;
    assert.ok(two!.box[0] + two!.box[2] <= zero!.box[0] + 2, "the 2's box ends where the 0's begins");
  });

  it("keeps it whole when the model reads it as one symbol, and never cuts for a model without junk", async () => {
    const confident = scriptedClassifier([{ x: 0.9 }, { "2": 0.95 }, { "0": 0.95 }], [...CLASSES, "junk"]);
    assert.equal((await solveImage(twenty(), { classifier: confident, segment })).expression, "x");
    const plain = scriptedClassifier([{ x: 0.2 }]);
    assert.equal((await solveImage(twenty(), { classifier: plain, segment })).expression, "x");
    assert.deepEqual(plain.calls, [1]);
  });
});

describe("solveImage: a second look at what a junk-aware model doubts", () => {
  const JUNKY = [...CLASSES, "junk"];
  const segment = { removeRuledLines: false };
  const draw = (lines: [number, number][][], width: number, height: number): GrayImage => {
    const ink = new Float32Array(width * height);
    for (const line of lines) for (let i = 1; i < line.length; i++) drawSegment(ink, width, height, line[i - 1]!, line[i]!, 4);
    return renderOnPaper(ink, width, height);
  };
  // A ")"-like (bulge 1) or "("-like (bulge -1) arc from (x, top) down h pixels.
  const arc = (x: number, top: number, h: number, bulge: number) =>
    Array.from({ length: 13 }, (_, i) => [x + bulge * Math.sin((Math.PI * i) / 12) * h * 0.3, top + (i / 12) * h] as [number, number]);
  // x as two arcs 25 px apart (half their height: too far for the first look), then + and 1.
  const farX = () => draw([arc(30, 50, 50, 1), arc(85, 50, 50, -1), [[140, 75], [170, 75]], [[155, 60], [155, 90]], [[215, 50], [215, 100]]], 260, 150);
  // A 1 whose foot runs into a 0: one stroke, taller than wide, so not cut at first.
  const oneZero = () =>
    draw([[[40, 40], [40, 120], [85, 120]], Array.from({ length: 25 }, (_, i) => [85 + 25 * Math.cos((Math.PI * i) / 12.5), 80 + 40 * Math.sin((Math.PI * i) / 12.5)] as [number, number])], 160, 160);

  it("reads two doubtful arcs far apart as the one x their joint crop makes", async () => {
    const classifier = scriptedBatches([[{ "2": 0.05, junk: 0.9 }, { "0": 0.05, junk: 0.9 }, { "+": 0.97 }, { "1": 0.97 }], [{ x: 0.95 }]], JUNKY);
    const result = await solveImage(farX(), { classifier, segment });
    assert.equal(result.expression, "x+1");
    // The two arcs joined, and the second arc joined with the + (read as nothing: unlikely).
    assert.deepEqual(classifier.calls, [4, 2]);
  });

  it("joins a doubtful piece to a sure neighbour when the joint crop reads as one symbol, not when the piece reads well", async () => {
    // The first arc alone is mostly junk, the second reads as a sure 0 (the body of a 5 and its flag, say).
    const piece = scriptedBatches([[{ "2": 0.05, junk: 0.9 }, { "0": 0.97 }, { "+": 0.97 }, { "1": 0.97 }], [{ x: 0.95 }]], JUNKY);
    assert.equal((await solveImage(farX(), { classifier: piece, segment })).expression, "x+1");
    assert.deepEqual(piece.calls, [4, 1]);
    const clear = scriptedBatches([[{ "2": 0.6, junk: 0.3 }, { "0": 0.97 }, { "+": 0.97 }, { "1": 0.97 }], [{ x: 0.95 }]], JUNKY);
    assert.equal((await solveImage(farX(), { classifier: clear, segment })).expression, "20+1");
    assert.deepEqual(clear.calls, [4]);
  });

  it("joins a doubtful tick to the symbol it hangs from, close as it is, on a modest joint reading", async () => {
    // A 2 whose last bit was drawn apart (a tick under its end), then +, 1, 1.
    const tickedTwo = () =>
      draw([[[30, 50], [45, 38], [62, 45], [60, 65], [34, 98]], [[62, 84], [68, 102]], [[110, 75], [140, 75]], [[125, 60], [125, 90]], [[180, 50], [180, 100]], [[230, 50], [230, 100]]], 270, 150);
    const classifier = scriptedBatches([[{ "2": 0.95 }, { "1": 0.3, junk: 0.65 }, { "+": 0.97 }, { "1": 0.97 }, { "1": 0.97 }], [{ "2": 0.7, junk: 0.2 }]], JUNKY);
    assert.equal((await solveImage(tickedTwo(), { classifier, segment })).expression, "2+11");
    assert.deepEqual(classifier.calls, [5, 1]);
    // Before the classifier, a piece under its neighbour's end is likely one symbol with it; a
    // symbol as far from the next as the line's spacing, hardly.
    const [two, , plus] = segmentEquation(tickedTwo(), { ...segment, splitTouching: true });
    assert.ok(two!.joinIfDoubtful!()!.prior > 0.8);
    assert.ok(plus!.joinIfDoubtful!()!.prior < 0.2);
  });

  it("cuts a doubtful exponent written in one stroke, both sides raised: x^21", async () => {
    // x, then a 2 whose foot runs on into a 1, raised.
    const power = () => draw([[[20, 70], [70, 130]], [[70, 70], [20, 130]], [[85, 25], [97, 15], [108, 22], [88, 50], [112, 50], [122, 15], [122, 55]]], 160, 150);
    const classifier = scriptedBatches([[{ x: 0.97 }, { "4": 0.05, junk: 0.9 }], [{ "2": 0.9 }, { "1": 0.9 }]], JUNKY);
    const result = await solveImage(power(), { classifier, segment, placement: null });
    assert.equal(result.expression, "x^21");
    assert.deepEqual(result.tokens.map((t) => [t.label, t.superscript]), [["x", false], ["2", true], ["1", true]]);
  });

  it("cuts a doubtful narrow stroke into the two brackets of a touching )(: (1)(2)", async () => {
    // ")" and "(" meeting at their bows, between (1 and 2); brackets bow a seventh of their height.
    const bow = (x: number, bulge: number) => Array.from({ length: 13 }, (_, i) => [x + bulge * Math.sin((Math.PI * i) / 12) * 10, 40 + (i / 12) * 70] as [number, number]);
    const touching = () =>
      draw([bow(40, -1), [[60, 50], [60, 100]], bow(80, 1), bow(100, -1), [[120, 60], [132, 52], [142, 60], [120, 98], [146, 98]], bow(160, 1)], 200, 150);
    const [, , pair] = segmentEquation(touching(), { ...segment, splitTouching: true });
    const cut = pair!.splitIfDoubtful!()!;
    assert.equal(cut.tallPair, true);
    assert.ok(cut.boxes[0][0] + cut.boxes[0][2] <= cut.boxes[1][0] + 1, "left then right");
    const first: Record<string, number>[] = [{ "(": 0.97 }, { "1": 0.97 }, { "-": 0.3, junk: 0.65 }, { "2": 0.97 }, { ")": 0.97 }];
    // The second look: the pair joined with the 1, cut in two, joined with the 2.
    const second: Record<string, number>[] = [{ junk: 0.9 }, { ")": 0.95 }, { "(": 0.95 }, { junk: 0.9 }];
    const classifier = scriptedBatches([first, second], JUNKY);
    assert.equal((await solveImage(touching(), { classifier, segment, placement: null })).expression, "(1)*(2)");
    assert.deepEqual(classifier.calls, [5, 4]);
    // A bracket is not such a pair: cut through its bow, one side falls short of its height.
    const [bracket] = segmentEquation(touching(), { ...segment, splitTouching: true });
    assert.equal(bracket!.splitIfDoubtful!(), null);
  });

  it("takes no second look when the model is sure of every symbol", async () => {
    const classifier = scriptedBatches([[{ "2": 0.9 }, { "0": 0.9 }, { "+": 0.97 }, { "1": 0.97 }], [{ x: 0.95 }]], JUNKY);
    assert.equal((await solveImage(farX(), { classifier, segment })).expression, "20+1");
    assert.deepEqual(classifier.calls, [4]);
  });

  it("cuts a doubtful stroke too narrow for the first look, only when the cut reads ten times better", async () => {
    const junky = scriptedBatches([[{ "0": 0.03, junk: 0.95 }], [{ "1": 0.95 }, { "0": 0.95 }]], JUNKY);
    assert.equal((await solveImage(oneZero(), { classifier: junky, segment })).expression, "10");
    assert.deepEqual(junky.calls, [1, 2]);
    const doubtful = scriptedBatches([[{ "0": 0.3, junk: 0.65 }], [{ "1": 0.95 }, { "0": 0.95 }]], JUNKY);
    assert.equal((await solveImage(oneZero(), { classifier: doubtful, segment })).expression, "0");
  });
});


describe("solveImage: a fraction written stacked", () => {
  const image = () => {
    const { glyphs, width, height } = layoutStackedFraction({ before: "", numerator: "x+1", denominator: "2", after: "=3" }, { size: 60, stroke: 6, seed: 3 });
    return renderOnPaper(drawGlyphs(glyphs, width, height, 6), width, height);
  };

  it("reads (x+1) over 2 = 3 as ((x+1)/2)=3 and solves it: x = 5", async () => {
    const result = await solveImage(image(), { classifier: scriptedClassifier(sure("x+1-2=3")) });
    assert.equal(result.expression, "((x+1)/2)=3");
    assert.equal(result.solution.text, "x = 5");
    assert.deepEqual(result.tokens.map((t) => t.label), ["x", "+", "1", "-", "2", "=", "3"]);
  });

  it("takes a correction of a denominator symbol by its index like any other", async () => {
    const result = await solveImage(image(), { classifier: scriptedClassifier(sure("x+1-2=3")), corrections: [{ index: 4, label: "4" }] });
    assert.equal(result.expression, "((x+1)/4)=3");
    assert.equal(result.solution.text, "x = 11");
  });
});

describe("solveImage: a square root over several symbols", () => {
  // √ drawn over "2+7", then "=": the √'s bar runs over all three, `over` px above them.
  const image = (over = 15) => {
    const { glyphs, width, height } = layoutEquation("2+7=", { size: 60, stroke: 6, seed: 3, margin: 140 });
    const ink = drawGlyphs(glyphs, width, height, 6);
    const [two, , seven] = glyphBoxes(glyphs, width, height, 6);
    const left = two![0];
    const right = seven![0] + seven![2];
    const top = Math.min(...[two!, seven!].map((b) => b[1])) - over;
    const bottom = Math.max(...[two!, seven!].map((b) => b[1] + b[3])) + over / 3;
    const h = bottom - top;
    const root: [number, number][] = [[left - 0.6 * h, bottom - 0.3 * h], [left - 0.5 * h, bottom - 0.38 * h], [left - 0.35 * h, bottom], [left - 0.12 * h, top], [right + 10, top]];
    for (let i = 1; i < root.length; i++) drawSegment(ink, width, height, root[i - 1]!, root[i]!, 6);
    return renderOnPaper(ink, width, height);
  };
  const classes = [...CLASSES, "√"];

  it("reads the √ over 2+7 as sqrt(2+7) and solves it: 3", async () => {
    const result = await solveImage(image(), { classifier: scriptedClassifier(sure("√2+7="), classes) });
    assert.equal(result.expression, "sqrt(2+7)=");
    assert.equal(result.solution.text, "3");
    assert.deepEqual(result.tokens.map((t) => t.label), ["√", "2", "+", "7", "="]);
  });

  it("reads a √ well taller than what it covers by its shape, not by where it sits", async () => {
    // Placement would find a bracket likelier there than a √, and move the √'s probability to junk.
    const result = await solveImage(image(40), { classifier: scriptedClassifier([{ "√": 0.9, junk: 0.05, "(": 0.03 }, ...sure("2+7=")], [...classes, "junk"]) });
    assert.equal(result.expression, "sqrt(2+7)=");
  });
});
