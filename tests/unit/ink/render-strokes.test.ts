import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CANONICAL_PIXELS, CANONICAL_SIZE } from "../../../lib/images/canonical-form";
import type { Stroke } from "../../../lib/ink/ink-document";
import { parseInkml } from "../../../lib/ink/parse-inkml";
import { createBrush, roundHalfEven } from "../../../lib/ink/rasterize";
import { renderDocument, renderExpression, renderStrokes, renderSymbol } from "../../../lib/ink/render-strokes";

const N = CANONICAL_SIZE;
const countInk = (pixels: Uint8Array) => pixels.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
const inkRows = (pixels: Uint8Array, width: number) => {
  const rows = new Set<number>();
  pixels.forEach((v, i) => v > 0 && rows.add(Math.floor(i / width)));
  return [...rows].sort((a, b) => a - b);
};

const X_STROKES: Stroke[] = [
  [
    [20, 10],
    [30, 20],
    [40, 30],
  ],
  [
    [20, 30],
    [40, 10],
  ],
];

describe("renderStrokes", () => {
  it("renders the same strokes to identical bytes", () => {
    const a = renderStrokes(X_STROKES);
    const b = renderStrokes(structuredClone(X_STROKES));
    assert.equal(a.length, CANONICAL_PIXELS);
    assert.deepEqual(Buffer.from(a), Buffer.from(b));
    assert.deepEqual(Buffer.from(renderStrokes(X_STROKES, { strokeWidth: 3 })), Buffer.from(renderStrokes(X_STROKES, { strokeWidth: 3 })));
  });

  it("draws white 255 ink on a black 0 background", () => {
    const pixels = renderStrokes(X_STROKES);
    assert.ok(pixels.every((v) => v === 0 || v === 255));
    assert.equal(pixels[22], 0, "the middle of the top edge of an X is background");
    assert.equal(pixels[0], 255, "an X's strokes start in the corners");
    assert.equal(pixels[22 * N + 22], 255, "and cross in the middle");
  });

  it("draws a horizontal stroke across the full width on the middle row", () => {
    const pixels = renderStrokes([
      [
        [100, 7],
        [130, 7],
      ],
    ]);
    assert.deepEqual(inkRows(pixels, N), [22]);
    for (let x = 0; x < N; x++) assert.equal(pixels[22 * N + x], 255, `column ${x}`);
  });

  it("keeps a wide pen inside the box: a width-3 horizontal stroke is three full rows", () => {
    const pixels = renderStrokes([[[0, 0], [10, 0]]], { strokeWidth: 3 });
    assert.deepEqual(inkRows(pixels, N), [21, 22, 23]);
    assert.equal(countInk(pixels), 3 * N);
  });

  it("puts more ink down with stroke width 3 than with width 1", () => {
    assert.ok(countInk(renderStrokes(X_STROKES, { strokeWidth: 3 })) > countInk(renderStrokes(X_STROKES)) * 2);
  });

  it("spans the longer side and centres the shorter one", () => {
    // 10 wide, 20 tall: rows 0..44 used (45 clipped), columns centred with margin (45-23)/2 = 11.
    const pixels = renderStrokes([[[0, 0], [10, 20]]]);
    assert.equal(pixels[0 * N + 11], 255);
    assert.equal(pixels[44 * N + 33], 255);
  });

  it("renders a single dot in the centre", () => {
    const pixels = renderStrokes([[[5, 5]]]);
    assert.equal(countInk(pixels), 1);
    assert.equal(pixels[22 * N + 22], 255);
  });

  it("rejects no points and a bad stroke width", () => {
    assert.throws(() => renderStrokes([]), RangeError);
    assert.throws(() => renderStrokes(X_STROKES, { strokeWidth: 0 }), RangeError);
    assert.throws(() => renderStrokes(X_STROKES, { strokeWidth: 2.5 }), RangeError);
  });
});

describe("rasterize helpers", () => {
  it("rounds halves to even like Python", () => {
    assert.deepEqual([0.5, 1.5, 2.5, -0.5, 2.4999, 2.5001].map(roundHalfEven), [0, 2, 2, 0, 2, 3]);
  });

  it("makes brushes exactly as wide as asked", () => {
    for (const width of [1, 2, 3, 4, 5]) {
      const xs = createBrush(width).offsets.map(([dx]) => dx);
      assert.equal(Math.max(...xs) - Math.min(...xs) + 1, width);
    }
  });
});

describe("renderExpression", () => {
  const doc = parseInkml(readFileSync(join(import.meta.dirname, "../../fixtures/ink/crohme-two-symbols.inkml"), "utf8"));

  it("renders the document at the requested height with boxes, app labels and LaTeX", () => {
    const out = renderDocument(doc, { height: 100, padding: 5 });
    assert.equal(out.height, 100);
    assert.equal(out.pixels.length, out.width * out.height);
    assert.deepEqual(out.labels, ["√", "x"]);
    assert.deepEqual(out.rawLabels, ["\\sqrt", "X"]);
    assert.equal(out.latex, "\\sqrt{X}");
    // Ink spans 60x40 units -> scale (100 - 10 - 1) / 40 = 2.225: sqrt box is the whole ink.
    assert.deepEqual(out.boxes[0], [5, 5, 135, 90]);
  });

  it("puts every ink pixel inside some symbol box, and each box touches ink on all four sides", () => {
    const out = renderDocument(doc, { height: 64, strokeWidth: 3 });
    const inBox = (x: number, y: number) => out.boxes.some(([bx, by, bw, bh]) => x >= bx && y >= by && x < bx + bw && y < by + bh);
    out.pixels.forEach((v, i) => {
      if (v > 0) assert.ok(inBox(i % out.width, Math.floor(i / out.width)), `pixel ${i} outside all boxes`);
    });
    for (const [bx, by, bw, bh] of out.boxes) {
      const at = (x: number, y: number) => out.pixels[y * out.width + x]! > 0;
      const column = (x: number) => Array.from({ length: bh }, (_, k) => at(x, by + k)).some(Boolean);
      const row = (y: number) => Array.from({ length: bw }, (_, k) => at(bx + k, y)).some(Boolean);
      assert.ok(column(bx) && column(bx + bw - 1) && row(by) && row(by + bh - 1));
    }
  });

  it("is deterministic and uses the scale when given", () => {
    const a = renderExpression(doc.traces, doc.symbols, { scale: 1, padding: 0 });
    const b = renderExpression(doc.traces, doc.symbols, { scale: 1, padding: 0 });
    assert.deepEqual(Buffer.from(a.pixels), Buffer.from(b.pixels));
    assert.equal(a.width, 61);
    assert.equal(a.height, 41);
    assert.deepEqual(a.boxes[1], [20, 10, 21, 21]);
  });

  it("renders one symbol of a document like renderStrokes on its strokes", () => {
    const symbol = doc.symbols[1];
    assert.ok(symbol);
    assert.deepEqual(Buffer.from(renderSymbol(doc, symbol)), Buffer.from(renderStrokes(X_STROKES)));
  });
});
