import { test } from "node:test";
import assert from "node:assert/strict";
import { measureStrokes, type InkSymbol, type Stroke } from "../../../lib/ink/ink-document";
import { junkFromExpression } from "../../../lib/ink/junk-ink";

/** An arc from angle a0 to a1 (radians) around (cx, cy). */
const arc = (cx: number, cy: number, r: number, a0: number, a1: number): Stroke =>
  Array.from({ length: 16 }, (_, k) => {
    const a = a0 + ((a1 - a0) * k) / 15;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });
const line = (x0: number, y0: number, x1: number, y1: number): Stroke => [
  [x0, y0],
  [(x0 + x1) / 2, (y0 + y1) / 2],
  [x1, y1],
];

function build(symbols: { label: string; strokes: Stroke[] }[]) {
  const traces = new Map<string, Stroke>();
  const inkSymbols: InkSymbol[] = symbols.map((s, i) => {
    const traceIds = s.strokes.map((stroke, k) => {
      const id = `${i}.${k}`;
      traces.set(id, stroke);
      return id;
    });
    return { id: `s${i}`, label: s.label, traceIds, box: measureStrokes(s.strokes)! };
  });
  return { traces, symbols: inkSymbols };
}

test("the two arcs of an x become junk parts; the straight strokes of a + and an x do not", () => {
  const { traces, symbols } = build([
    // x as two arcs facing each other: ⊃⊂
    { label: "x", strokes: [arc(0, 50, 40, -Math.PI / 2, Math.PI / 2), arc(100, 50, 40, Math.PI / 2, (3 * Math.PI) / 2)] },
    { label: "+", strokes: [line(200, 50, 300, 50), line(250, 0, 250, 100)] },
    { label: "x", strokes: [line(400, 0, 500, 100), line(500, 0, 400, 100)] },
  ]);
  const parts = junkFromExpression(traces, symbols).filter((j) => j.kind === "part");
  assert.deepEqual(parts.map((p) => p.traceIds), [["0.0"], ["0.1"]]);
});

test("a crossed 7 and a ≤ keep their parts: alone they are symbols", () => {
  const { traces, symbols } = build([
    { label: "7", strokes: [[[0, 0], [100, 0], [40, 100]], line(20, 50, 80, 50)] },
    { label: "\\leq", strokes: [[[300, 0], [200, 40], [300, 80]], line(200, 100, 300, 100)] },
  ]);
  assert.deepEqual(junkFromExpression(traces, symbols).filter((j) => j.kind === "part"), []);
});

test("side-by-side neighbours become pairs; a minus, a far symbol and a superscript do not", () => {
  const { traces, symbols } = build([
    { label: "2", strokes: [[[0, 0], [60, 0], [0, 100], [60, 100]]] },
    { label: "0", strokes: [arc(100, 50, 30, 0, 2 * Math.PI)] },
    { label: "-", strokes: [line(150, 50, 200, 50)] },
    { label: "3", strokes: [[[400, 0], [460, 25], [400, 50], [460, 75], [400, 100]]] },
    { label: "2", strokes: [[[480, -60], [510, -60], [480, -10], [510, -10]]] },
  ]);
  const pairs = junkFromExpression(traces, symbols).filter((j) => j.kind === "pair");
  assert.deepEqual(pairs.map((p) => p.symbols), [[0, 1]]);
  assert.equal(pairs[0]!.strokes.length, 2);
});

test("of several pairs on a line only the closest becomes junk", () => {
  const { traces, symbols } = build([
    { label: "1", strokes: [line(0, 0, 0, 100)] },
    { label: "1", strokes: [line(40, 0, 40, 100)] },
    { label: "1", strokes: [line(60, 0, 60, 100)] },
  ]);
  assert.deepEqual(junkFromExpression(traces, symbols).map((j) => j.symbols), [[1, 2]]);
});
