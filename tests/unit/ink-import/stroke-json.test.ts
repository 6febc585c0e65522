import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Stroke } from "../../../lib/ink/ink-document";
import { renderStrokes } from "../../../lib/ink/render-strokes";
import { rerenderSample } from "../../../lib/ink/rerender-sample";
import { normalizeStrokesForHash, parseStrokesJson, strokesHash, strokesToJson } from "../../../lib/ink/stroke-json";

const PLUS: Stroke[] = [
  [[10.25, 50], [90.5, 50]],
  [[50, 10], [50, 90]],
];

describe("strokes JSON", () => {
  it("round-trips the documented [[[x, y], ...], ...] form", () => {
    const json = strokesToJson(PLUS);
    assert.equal(json, "[[[10.25,50],[90.5,50]],[[50,10],[50,90]]]");
    assert.deepEqual(parseStrokesJson(json), PLUS);
  });

  it("refuses anything else with the fault named", () => {
    assert.throws(() => parseStrokesJson("{"), /not JSON/);
    assert.throws(() => parseStrokesJson("{}"), /array of strokes/);
    assert.throws(() => parseStrokesJson("[[]]"), /stroke 0 must be a non-empty/);
    assert.throws(() => parseStrokesJson("[[[1,2,3]]]"), /stroke 0, point 0/);
    assert.throws(() => parseStrokesJson('[[[1,"2"]]]'), /finite numbers/);
  });

  it("hashes the same ink the same wherever it sits on the page, and different ink differently", () => {
    const moved = PLUS.map((s) => s.map(([x, y]) => [x + 1000.1, y - 33.3] as const));
    assert.equal(strokesHash(moved), strokesHash(PLUS));
    assert.deepEqual(normalizeStrokesForHash(PLUS)[0]![0], [0, 40]);
    assert.notEqual(strokesHash([PLUS[0]!]), strokesHash(PLUS));
    assert.notEqual(strokesHash([PLUS[1]!, PLUS[0]!]), strokesHash(PLUS), "stroke order is part of the ink");
  });
});

describe("rerenderSample", () => {
  it("gives identical bytes for the same strokes, stored JSON or parsed", () => {
    const a = rerenderSample(strokesToJson(PLUS), 1);
    const b = rerenderSample(PLUS, 1);
    assert.deepEqual(Buffer.from(a), Buffer.from(b));
    assert.deepEqual(Buffer.from(a), Buffer.from(renderStrokes(PLUS)));
  });

  it("draws a wider pen at a wider stroke width, inside the same 45x45 form", () => {
    const ink = (p: Uint8Array) => p.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
    const thin = rerenderSample(PLUS, 1);
    const thick = rerenderSample(PLUS, 4);
    assert.equal(thick.length, thin.length);
    assert.ok(ink(thick) > 3 * ink(thin), `${ink(thick)} vs ${ink(thin)} ink pixels`);
    assert.throws(() => rerenderSample(PLUS, 0), RangeError);
    assert.throws(() => rerenderSample("[[[1,2,3]]]", 1), RangeError);
  });
});
