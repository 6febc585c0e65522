import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CANONICAL_PIXELS } from "../../../lib/images/canonical-form";
import type { GrayImage } from "../../../lib/images/canonicalize";
import { binarizeInk, estimateStrokeWidth } from "../../../lib/equation/preprocess";
import { segmentEquation, type SegmentedSymbol } from "../../../lib/equation/segment";
import {
  drawGlyphs,
  drawSegment,
  glyphBoxes,
  layoutEquation,
  layoutStackedFraction,
  renderOnPaper,
  type PaperOptions,
} from "../../../lib/equation/synthetic-ink";
import type { BoxTuple } from "../../../lib/equation/ink-mask";
import { solveImage } from "../../../lib/equation/solve-image";
import { CLASSES, scriptedClassifier } from "../solver/fakes";

function draw(text: string, paper: PaperOptions = {}, stroke = 6, jitter = 0) {
  const { glyphs, width, height } = layoutEquation(text, { size: 60, stroke, jitter, seed: 3 });
  const image = renderOnPaper(drawGlyphs(glyphs, width, height, stroke), width, height, paper);
  return { image, truth: glyphBoxes(glyphs, width, height, stroke) };
}

function iou(a: BoxTuple, b: BoxTuple): number {
  const ix = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

function assertBoxesMatch(symbols: SegmentedSymbol[], truth: BoxTuple[]): void {
  assert.equal(symbols.length, truth.length, `found ${symbols.map((s) => s.box.join(",")).join(" | ")}`);
  symbols.forEach((s, i) => assert.ok(iou(s.box, truth[i]!) > 0.8, `symbol ${i}: ${s.box} vs ${truth[i]}`));
}

describe("segmentEquation", () => {
  it("finds each symbol of a clean equation in reading order with a canonical crop", () => {
    const { image, truth } = draw("2x+3=7");
    const symbols = segmentEquation(image);
    assertBoxesMatch(symbols, truth);
    for (const s of symbols) assert.equal(s.canonical.length, CANONICAL_PIXELS);
  });

  it("merges the two bars of = into one symbol", () => {
    const symbols = segmentEquation(draw("1=2").image);
    assert.deepEqual(symbols.map((s) => s.parts), [1, 2, 1]);
  });

  it("keeps the bars of a small = apart when two pixels of paper separate them (the blur alone would fill them)", () => {
    // Writing 24 px tall in a 2 px pen: "1=1" with the bars 4 px apart centre to centre.
    const small = (x: number): [number, number][] => [[x, 20], [x, 44]];
    const image = strokes([small(20), [[34, 30], [50, 30]], [[34, 34], [50, 34]], small(64)], 90, 64, 2);
    assert.deepEqual(segmentEquation(image).map((s) => s.parts), [1, 2, 1]);
  });

  it("keeps a minus whole across a one-pixel skip of a dry pen, which the blur bridges", () => {
    // "1-1" drawn pixel by pixel: 3 px strokes, the minus skipping column 71 cleanly.
    const width = 160;
    const height = 120;
    const pixels = new Uint8Array(width * height).fill(235);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) pixels[y * width + x] = 40;
    };
    ink(19, 21, 30, 90);
    ink(50, 95, 59, 61);
    for (let y = 59; y <= 61; y++) pixels[y * width + 71] = 235;
    ink(124, 126, 30, 90);
    assert.deepEqual(segmentEquation({ width, height, pixels }).map((s) => s.parts), [1, 1, 1]);
  });

  it("merges the dot of i, the dots of ÷, and the bars of ≤ and ±", () => {
    const symbols = segmentEquation(draw("i÷4≤3±1").image);
    assert.deepEqual(symbols.map((s) => s.parts), [2, 3, 1, 2, 1, 2, 1]);
  });

  it("keeps 11 as two symbols", () => {
    const symbols = segmentEquation(draw("11").image);
    assert.equal(symbols.length, 2);
    assert.ok(symbols.every((s) => s.parts === 1));
  });

  it("creates no symbols from ruled lines, a shading gradient and paper grain alone", () => {
    const { width, height } = layoutEquation("2x+3=7", { size: 60, stroke: 6 });
    const blank = renderOnPaper(new Float32Array(width * height), width, height, {
      paper: [250, 110],
      grain: 12,
      ruleSpacing: 31,
      ruleOffset: 4,
      ruleDarkness: 0.35,
    });
    assert.deepEqual(segmentEquation(blank), []);
  });

  it("segments an equation written on ruled, shaded, grainy paper like a clean one", () => {
    const { image, truth } = draw("2x+3=7", { paper: [250, 100], grain: 10, ruleSpacing: 37, ruleOffset: 5, ruleDarkness: 0.35 }, 6, 0.1);
    assertBoxesMatch(segmentEquation(image), truth);
  });

  it("reads light ink on a dark background the same way", () => {
    const { image, truth } = draw("x+1=4");
    const inverted: GrayImage = { ...image, pixels: image.pixels.map((v) => 255 - v) };
    assertBoxesMatch(segmentEquation(inverted), truth);
  });

  it("marks the raised 2 of x² as a superscript and nothing else", () => {
    const symbols = segmentEquation(draw("x^2+1=4").image);
    assert.deepEqual(symbols.map((s) => s.superscript), [false, true, false, false, false, false]);
  });

  // 17+2 with a dot pressed into the gap between its 1 and its 7, at height y.
  const seventeen = draw("17+2").image;
  const withDot = (y: number): GrayImage => {
    const ink = new Float32Array(seventeen.width * seventeen.height);
    const [one, seven] = segmentEquation(seventeen);
    const x = (one!.box[0] + one!.box[2] + seven!.box[0]) / 2;
    drawSegment(ink, seventeen.width, seventeen.height, [x, y], [x + 1, y], 7);
    return { ...seventeen, pixels: seventeen.pixels.map((v, i) => (ink[i]! > 0.5 ? 30 : v)) };
  };

  it("keeps a dot written low between two digits as a decimal point, and drops one written high", () => {
    const [one, seven] = segmentEquation(seventeen);
    const low = segmentEquation(withDot(one!.box[1] + one!.box[3] - 4));
    assert.deepEqual(low.map((s) => s.decimalPoint === true), [false, true, false, false, false]);
    assert.ok(low[1]!.box[0] > one!.box[0] + one!.box[2] && low[1]!.box[0] < seven!.box[0]);
    // At mid height (a product dot, or a speck) it is no decimal point: left out as before.
    const high = segmentEquation(withDot(one!.box[1] + one!.box[3] / 2));
    assert.deepEqual(high.map((s) => s.decimalPoint === true), [false, false, false, false]);
  });

  it("reads the point into the number, and drops it when the model reads no digit beside it", async () => {
    const image = withDot(segmentEquation(seventeen)[0]!.box[1] + segmentEquation(seventeen)[0]!.box[3] - 4);
    // The scripted model ignores pixels; the dot's own row is never used.
    const digits = scriptedClassifier([{ "1": 0.97 }, { junk: 0.9 }, { "7": 0.97 }, { "+": 0.97 }, { "2": 0.97 }], [...CLASSES, "junk"]);
    const result = await solveImage(image, { classifier: digits, placement: null });
    assert.equal(result.expression, "1.7+2");
    assert.equal(result.tokens[1]!.label, ".");
    assert.equal(result.solution.text, "3.7");
    const letter = scriptedClassifier([{ "2": 0.97 }, { junk: 0.9 }, { x: 0.97 }, { "+": 0.97 }, { "2": 0.97 }], [...CLASSES, "junk"]);
    assert.equal((await solveImage(image, { classifier: letter, placement: null })).expression, "2*x+2");
  });

  it("drops specks much smaller than the symbols", () => {
    const { image, truth } = draw("4+7");
    const ink = new Float32Array(image.width * image.height);
    drawSegment(ink, image.width, image.height, [20, 20], [20, 20], 3);
    drawSegment(ink, image.width, image.height, [150, 140], [150, 140], 3);
    const specked = image.pixels.map((v, i) => (ink[i]! > 0.5 ? 40 : v));
    assertBoxesMatch(segmentEquation({ ...image, pixels: specked }), truth);
  });

  it("thins thick marker strokes to the thin strokes of the training data", () => {
    for (const stroke of [4, 14]) {
      const [one] = segmentEquation(draw("7", {}, stroke).image);
      assert.ok(one);
      const mask = Uint8Array.from(one.canonical, (v) => (v >= 128 ? 1 : 0));
      const width = estimateStrokeWidth({ width: 45, height: 45, mask });
      assert.ok(width >= 1 && width <= 3, `stroke ${stroke}px became ${width}px at 45x45`);
    }
  });

  it("keeps every symbol of faint writing whose first half is fainter still (a pen running dry)", () => {
    const { image, truth } = draw("2x+3=7");
    const faint = image.pixels.map((v, i) => Math.round(255 - (255 - v) * (i % image.width < image.width / 2 ? 0.32 : 0.37)));
    assertBoxesMatch(segmentEquation({ ...image, pixels: faint }), truth);
  });

  it("binarises a gradient from bright to dim paper without turning the dim side into ink", () => {
    const { image } = draw("3", { paper: [250, 60] });
    const { mask } = binarizeInk(image);
    const inked = mask.reduce((n, v) => n + v, 0);
    assert.ok(inked > 0 && inked < image.width * image.height * 0.1, `${inked} ink pixels`);
  });
});

/** Pen strokes (polylines in pixels) on white paper. */
function strokes(lines: [number, number][][], width = 260, height = 160, pen = 5): GrayImage {
  const ink = new Float32Array(width * height);
  for (const line of lines) for (let i = 1; i < line.length; i++) drawSegment(ink, width, height, line[i - 1]!, line[i]!, pen);
  return renderOnPaper(ink, width, height);
}

/** A ")"-like (bulge +1) or "("-like (bulge -1) arc from (x, top) to (x, top + h). */
function arc(x: number, top: number, h: number, bulge: number): [number, number][] {
  return Array.from({ length: 13 }, (_, i) => {
    const t = i / 12;
    return [x + bulge * Math.sin(Math.PI * t) * h * 0.3, top + t * h] as [number, number];
  });
}

describe("segmentEquation: strokes that nearly touch", () => {
  const one = (x: number): [number, number][] => [[x, 40], [x, 100]];

  it("joins an x written as two arcs that stop just short of each other", () => {
    // Bulges 8 px apart between centre lines (3 px of paper between 5 px strokes), tips 38 px apart.
    const image = strokes([arc(40, 50, 50, 1), arc(78, 50, 50, -1), one(150), one(200)]);
    const symbols = segmentEquation(image);
    assert.deepEqual(symbols.map((s) => s.parts), [2, 1, 1]);
  });

  it("joins a 4 whose stem misses the crossbar", () => {
    const image = strokes([[[60, 40], [45, 80], [71, 80]], [[78, 45], [78, 100]], one(150)]);
    assert.deepEqual(segmentEquation(image).map((s) => s.parts), [2, 1]);
  });

  it("joins the flag of a 5 drawn as a separate stroke along its top, but not a minus beside a digit", () => {
    // Body of the 5 (stem and bowl), then a flag starting 8 px right of the stem's top.
    const five = [[[50, 42], [48, 70], [70, 66], [82, 80], [76, 98], [50, 100]], [[60, 40], [95, 40]]] as [number, number][][];
    assert.deepEqual(segmentEquation(strokes([...five, one(150), one(200)])).map((s) => s.parts), [2, 1, 1]);
    const minus = segmentEquation(strokes([one(60), [[75, 70], [100, 70]], one(150)]));
    assert.equal(minus.length, 3);
  });

  it("offers a 5's flag drawn out to the right of its bowl as a join for the classifier, but not a minus beside a digit", () => {
    // The flag shares under half its width with the body, and sits a little below the body's top.
    const five = [[[50, 42], [48, 70], [70, 66], [82, 80], [76, 98], [50, 100]], [[72, 50], [112, 50]]] as [number, number][][];
    const symbols = segmentEquation(strokes([...five, one(170), one(220)]));
    assert.deepEqual(symbols.map((s) => s.parts), [1, 1, 1, 1]);
    assert.ok(symbols[0]!.joinWithNext, "the body and its flag are offered as one symbol");
    const minus = segmentEquation(strokes([one(60), [[75, 70], [100, 70]], one(150)]));
    assert.equal(minus[0]!.joinWithNext, undefined);
  });

  it("joins the flag of a 1 lifted off its stem when a fine pen writes large (a canvas drawing sent at 3x)", () => {
    // A 1 400 px tall in a 2 px pen, its flag ending about 11 px (under 3% of the 1) short of the stem.
    const big = (x: number): [number, number][] => [[x, 30], [x, 430]];
    const flagged = [[[30, 200], [88, 32]], big(100)] as [number, number][][];
    assert.deepEqual(segmentEquation(strokes([...flagged, big(350), big(550)], 700, 480, 2)).map((s) => s.parts), [2, 1, 1]);
    // Two 1s written a fifth of their height apart stay two at that pen and size.
    assert.equal(segmentEquation(strokes([big(100), big(180), big(550)], 700, 480, 2)).length, 3);
  });

  it("keeps 11 and 1- written close (a fifth of a symbol apart) as separate symbols", () => {
    const ones = segmentEquation(strokes([one(60), one(72), one(150)]));
    assert.equal(ones.length, 3);
    const minus = segmentEquation(strokes([one(60), [[72, 72], [100, 72]], one(150)]));
    assert.equal(minus.length, 3);
  });
});

describe("segmentEquation: a loose =", () => {
  const one = (x: number): [number, number][] => [[x, 40], [x, 100]];

  it("offers two bars written far apart and offset as one symbol, but not two bars side by side", () => {
    // Bars 45 px apart (most of a symbol) sharing a third of their width: too loose to merge.
    const loose = segmentEquation(strokes([one(40), [[90, 48], [125, 45]], [[78, 96], [110, 94]], one(180)]));
    assert.deepEqual(loose.map((s) => s.parts), [1, 1, 1, 1]);
    assert.equal(loose[1]!.joinWithNext?.parts, 2);
    assert.ok(loose[1]!.joinWithNext!.prior > 0);
    const minuses = segmentEquation(strokes([one(40), [[80, 70], [110, 70]], [[130, 70], [160, 70]], one(200)]));
    assert.equal(minuses.length, 4);
    assert.equal(minuses[1]!.joinWithNext, undefined);
  });

  it("lets the decoder read the two bars as the = the model sees in their joint crop", async () => {
    const image = strokes([[[20, 40], [50, 40], [28, 100]], [[90, 48], [125, 45]], [[78, 96], [110, 94]], [[180, 40], [180, 100]]]);
    // Singles 7, -, -, 1 (the scripted model ignores pixels), then the bars' joint crop: =.
    const classifier = scriptedClassifier([{ "7": 0.97 }, { "-": 0.95 }, { "-": 0.95 }, { "1": 0.97 }, { "=": 0.95 }]);
    const result = await solveImage(image, { classifier, placement: null });
    assert.equal(result.expression, "7=1");
    assert.equal(result.tokens[1]!.label, "=");
  });
});

describe("segmentEquation: superscripts against the baseline", () => {
  it("does not raise a + or a digit written on the line after a y's descender", () => {
    for (const text of ["2y+1=4", "y+3", "4y+17=3"]) {
      const symbols = segmentEquation(draw(text).image);
      assert.ok(symbols.every((s) => !s.superscript), `${text}: ${symbols.map((s) => s.superscript)}`);
    }
  });

  it("still raises the 2 of x² and y²", () => {
    assert.deepEqual(segmentEquation(draw("x^2+1=4").image).map((s) => s.superscript), [false, true, false, false, false, false]);
    assert.deepEqual(segmentEquation(draw("3y^2+1=7").image).map((s) => s.superscript), [false, false, true, false, false, false, false]);
  });
});

describe("segmentEquation: exponents written flat or tall", () => {
  // A small x (two crossing strokes, 40 px) on the line at y 80-120, then a 2 raised after it.
  const x: [number, number][][] = [[[20, 80], [60, 120]], [[60, 80], [20, 120]]];
  const tail = [[[150, 60], [150, 120]], [[190, 60], [190, 120]]] as [number, number][][];

  it("raises a flat 2 in one stroke (wider than tall) after an x", () => {
    const flatTwo: [number, number][] = [[70, 50], [85, 42], [100, 50], [72, 68], [108, 68]];
    const symbols = segmentEquation(strokes([...x, flatTwo, ...tail], 260, 160));
    assert.deepEqual(symbols.map((s) => s.superscript), [false, true, false, false]);
  });

  it("raises an exponent written small (under 0.4 of the symbols' size) unless it is flat like a minus", () => {
    // Three 1s 60 px tall, then a loop 20 px across high after the last: the 8 of 2^8 written small.
    const ones = [[[40, 60], [40, 120]], [[90, 60], [90, 120]], [[140, 60], [140, 120]]] as [number, number][][];
    const loop = Array.from({ length: 17 }, (_, i) => [165 + 9 * Math.cos((Math.PI * i) / 8), 45 + 9 * Math.sin((Math.PI * i) / 8)] as [number, number]);
    assert.deepEqual(segmentEquation(strokes([...ones, loop], 220, 160)).map((s) => s.superscript), [false, false, false, true]);
    const bar: [number, number][] = [[155, 45], [185, 45]];
    assert.deepEqual(segmentEquation(strokes([...ones, bar], 220, 160)).map((s) => s.superscript), [false, false, false, false]);
  });

  it("offers a 2 taller than the small x it is raised after as maybe raised, for the decoder to weigh", () => {
    const tallTwo: [number, number][] = [[70, 35], [85, 22], [100, 35], [72, 78], [100, 78]];
    const [, two] = segmentEquation(strokes([...x, tallTwo, ...tail], 260, 160));
    assert.equal(two!.superscript, false);
    assert.equal(two!.mayBeRaised, true);
  });
});

describe("segmentEquation: one stroke that may be two touching symbols", () => {
  // "20" without lifting the pen: a 2 whose foot runs on into a 0.
  const two: [number, number][] = [[30, 50], [45, 35], [65, 35], [75, 50], [70, 70], [30, 120], [95, 120]];
  const zero: [number, number][] = Array.from({ length: 25 }, (_, i) => {
    const a = Math.PI + (2 * Math.PI * i) / 24;
    return [130 + 35 * Math.cos(a), 80 + 42 * Math.sin(a)] as [number, number];
  });
  const twenty = () => strokes([two, [[95, 120], [95, 80]], zero], 200, 160);

  it("offers a wide stroke cut at the thin join, each side cropped on its own", () => {
    // Ruled-line removal is off: this small image's 2 foot would pass for a ruling.
    const [symbol, ...rest] = segmentEquation(twenty(), { splitTouching: true, removeRuledLines: false });
    assert.equal(rest.length, 0, "one connected stroke");
    const cut = symbol!.splitInTwo;
    assert.ok(cut, "a cut is proposed");
    const [left, right] = cut.boxes;
    assert.ok(left[0] + left[2] <= 97 && left[0] + left[2] >= 85, `left side ends at the join: ${left}`);
    assert.ok(right[0] >= 85 && right[2] >= 65, `right side is the 0: ${right}`);
    assert.equal(cut.canonicals[0].length, CANONICAL_PIXELS);
  });

  it("offers the parts of two symbols merged because their strokes nearly touch, left and right, when the model doubts them", () => {
    // A 2 whose foot ends a few pixels short of a 1 (near enough to merge as one symbol's strokes).
    const nearly = strokes([two.slice(0, -1).concat([[92, 120]]), [[100, 35], [100, 120]]], 200, 160);
    const [symbol, ...rest] = segmentEquation(nearly, { splitTouching: true, removeRuledLines: false });
    assert.equal(rest.length, 0, "merged as one symbol");
    assert.equal(symbol!.parts, 2);
    const cut = symbol!.splitIfDoubtful?.();
    assert.ok(cut, "the parts are offered apart");
    const [left, right] = cut.boxes;
    assert.ok(left[0] + left[2] <= right[0] + 6, `left side ends where the right begins: ${left} | ${right}`);
    assert.ok(left[2] >= 60 && right[2] <= 10 && right[3] >= 85, `each side is a whole symbol: ${left} | ${right}`);
    // Stacked parts are no two symbols: an = is never offered cut.
    const equals = strokes([[[40, 60], [160, 60]], [[40, 95], [160, 95]]], 200, 160);
    const [bars] = segmentEquation(equals, { splitTouching: true, removeRuledLines: false });
    assert.equal(bars!.parts, 2);
    assert.equal(bars!.splitIfDoubtful?.() ?? null, null);
  });

  it("offers an = whose upper bar runs into the 0 after it, merged with its lower bar, cut from the 0 when the model doubts them", () => {
    const zeroRight = zero.map(([x, y]) => [x + 20, y] as [number, number]);
    // The upper bar ends on the 0's left side (x 115); the lower one stops short of it.
    const touching = strokes([[[60, 70], [116, 70]], [[60, 95], [100, 95]], zeroRight], 220, 160);
    const [symbol, ...rest] = segmentEquation(touching, { splitTouching: true, removeRuledLines: false });
    assert.equal(rest.length, 0, "merged as one symbol");
    assert.equal(symbol!.parts, 2);
    const cut = symbol!.splitIfDoubtful?.();
    assert.ok(cut, "the = and the 0 are offered apart");
    const [left, right] = cut.boxes;
    assert.ok(left[0] <= 60 && left[0] + left[2] <= 118 && left[3] >= 25 && left[3] <= 40, `left side is the two bars: ${left}`);
    assert.ok(right[0] >= 100 && right[3] >= 80, `right side is the 0: ${right}`);
    // An = whose upper bar curls down at its end is still never cut.
    const curled = strokes([[[40, 50], [150, 50], [168, 70], [160, 92]], [[40, 112], [160, 112]]], 200, 160);
    const [bars] = segmentEquation(curled, { splitTouching: true, removeRuledLines: false });
    assert.equal(bars!.parts, 2);
    assert.equal(bars!.splitIfDoubtful?.() ?? null, null);
  });

  it("proposes no cut unless asked, nor for a symbol not wide enough to hold two", () => {
    assert.equal(segmentEquation(twenty(), { removeRuledLines: false })[0]!.splitInTwo, undefined);
    assert.equal(segmentEquation(strokes([zero], 200, 160), { splitTouching: true, removeRuledLines: false })[0]!.splitInTwo, undefined);
  });
});

describe("segmentEquation: fractions written stacked", () => {
  const fraction = (before: string, numerator: string, denominator: string, after: string) => {
    const { glyphs, width, height } = layoutStackedFraction({ before, numerator, denominator, after }, { size: 60, stroke: 6, seed: 3 });
    return renderOnPaper(drawGlyphs(glyphs, width, height, 6), width, height);
  };
  const roles = (symbols: SegmentedSymbol[]) => symbols.map((s) => (s.fraction ? s.fraction.role[0] : ".")).join("");

  it("keeps a 1 over x apart from its bar, numerator then bar then denominator in reading order", () => {
    const symbols = segmentEquation(fraction("x+", "1", "x", "=2"));
    assert.equal(roles(symbols), "..nbd..");
    assert.ok(symbols.slice(2, 5).every((s) => s.parts === 1), "1, bar and x each one component");
    assert.ok(symbols.every((s) => !s.superscript));
  });

  it("takes a bar drawn sloping, one thin stroke, for a fraction's bar", () => {
    const one = (x: number, top: number): [number, number][] => [[x, top], [x, top + 100]];
    // The bar rises 45 px over its 90: a box half as high as wide.
    const symbols = segmentEquation(strokes([one(105, 10), [[60, 165], [150, 120]], one(105, 180)], 220, 300));
    assert.equal(roles(symbols), "nbd", symbols.map((s) => s.box.join(",")).join(" | "));
  });

  it("reads a numerator of several symbols in its own order and leaves =, ÷, ≤, ± and a minus alone", () => {
    const symbols = segmentEquation(fraction("", "x+1", "2", "=3"));
    assert.equal(roles(symbols), "nnnbd..");
    assert.equal(symbols[5]!.parts, 2, "the = after the fraction is still one symbol of two bars");
    for (const line of ["4÷2=2", "4-1=3", "1≤2", "3±1"]) assert.equal(roles(segmentEquation(draw(line).image)), ".".repeat([...line].length), line);
  });
});

describe("segmentEquation: a square root", () => {
  it("joins a √'s bar drawn apart to its hook, and keeps a √ inside it nearly as long apart from both", () => {
    // √(1√x): the outer hook, then its bar 3 px off the hook's top; the inner √ in one stroke,
    // its bar running on a little past the outer one's end.
    const outerHook: [number, number][] = [[8, 110], [16, 104], [30, 150], [52, 20]];
    const outerBar: [number, number][] = [[60, 18], [390, 18]];
    const one: [number, number][] = [[75, 80], [75, 140]];
    const inner: [number, number][] = [[95, 115], [103, 110], [115, 145], [133, 55], [398, 55]];
    const x: [number, number][][] = [[[200, 90], [240, 140]], [[240, 90], [200, 140]]];
    const symbols = segmentEquation(strokes([outerHook, outerBar, one, inner, ...x], 420, 170));
    assert.equal(symbols.length, 4, symbols.map((s) => s.box.join(",")).join(" | "));
    assert.equal(symbols[0]!.parts, 2, "the outer √ is its hook and its bar");
    assert.ok(symbols[0]!.box[2] > 370, "the outer √ spans its bar");
  });

  it("keeps each symbol under the long bar of a √ apart from it, the first one close to its hook too", () => {
    const ones = [60, 100, 140, 180, 220].map((x): [number, number][] => [[x, 55], [x, 130]]);
    const symbols = segmentEquation(strokes([[[10, 100], [20, 92], [35, 140], [50, 30], [250, 30]], ...ones]));
    assert.equal(symbols.length, 6, symbols.map((s) => s.box.join(",")).join(" | "));
  });

  it("keeps a 5 written close under the bar of its √ apart from the √", () => {
    const image = strokes([
      [[20, 95], [30, 88], [48, 130], [70, 28], [175, 28]],
      [[150, 38], [108, 38], [105, 75], [130, 66], [150, 82], [148, 110], [110, 118]],
    ]);
    const symbols = segmentEquation(image);
    assert.equal(symbols.length, 2, symbols.map((s) => s.box.join(",")).join(" | "));
  });
});

describe("segmentEquation: an exponent written low over its base", () => {
  it("keeps the x of 2^x over the 2's top right apart from the 2, and still stacks an 8 written as two loops", () => {
    const two: [number, number][] = [[30, 70], [45, 55], [65, 55], [75, 68], [70, 85], [30, 130], [85, 130]];
    const x: [number, number][][] = [[[68, 14], [92, 44]], [[92, 14], [68, 44]]];
    const symbols = segmentEquation(strokes([two, ...x]));
    assert.equal(symbols.length, 2, symbols.map((s) => s.box.join(",")).join(" | "));
    assert.equal(symbols[1]!.superscript, true);
    const loop = (cy: number, r: number) => Array.from({ length: 17 }, (_, i) => [120 + r * Math.cos((i * Math.PI) / 8), cy + r * Math.sin((i * Math.PI) / 8)] as [number, number]);
    assert.equal(segmentEquation(strokes([loop(55, 18), loop(100, 22)])).length, 1);
  });
});
