import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SymbolClassifier } from "../../../lib/equation/classify";
import { DEFAULT_VIEWS, withTestTimeViews } from "../../../lib/equation/test-time-views";
import { CANONICAL_PIXELS, CANONICAL_SIZE } from "../../../lib/images/canonical-form";

/** Reads "a" in proportion to the ink in the crop's left half, "b" to the rest; records batch sizes. */
function leftHalfReader(): SymbolClassifier & { calls: number[] } {
  const calls: number[] = [];
  return {
    classes: ["a", "b"],
    calls,
    async predict(images) {
      const n = images.length / CANONICAL_PIXELS;
      calls.push(n);
      const out = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) {
        let left = 0;
        let all = 0;
        for (let p = 0; p < CANONICAL_PIXELS; p++) {
          const v = images[i * CANONICAL_PIXELS + p]!;
          all += v;
          if (p % CANONICAL_SIZE < CANONICAL_SIZE / 2) left += v;
        }
        out[2 * i] = all ? left / all : 0.5;
        out[2 * i + 1] = 1 - out[2 * i]!;
      }
      return out;
    },
  };
}

describe("withTestTimeViews", () => {
  it("reads every crop and its views in one batch and returns one row per crop, summing to 1", async () => {
    const inner = leftHalfReader();
    const reader = withTestTimeViews(inner);
    const crops = new Uint8Array(2 * CANONICAL_PIXELS);
    for (let y = 10; y < 35; y++) crops[y * CANONICAL_SIZE + 22] = 255; // a vertical bar on the centre column
    for (let y = 10; y < 35; y++) for (let x = 5; x < 15; x++) crops[CANONICAL_PIXELS + y * CANONICAL_SIZE + x] = 255; // a block on the left
    const probs = await reader.predict(crops);
    assert.deepEqual(inner.calls, [2 * (DEFAULT_VIEWS.length + 1)]);
    assert.equal(probs.length, 4);
    assert.ok(Math.abs(probs[0]! + probs[1]! - 1) < 1e-6);
    // The block stays on the left in every view; the centre bar leans into both halves.
    assert.ok(probs[2]! > 0.95);
    assert.ok(probs[0]! > 0.3 && probs[0]! < 0.95);
    assert.deepEqual(reader.classes, inner.classes);
  });
});

describe("withTestTimeViews with sureAt", () => {
  it("reads the views only of the crops the model is unsure of, in a second batch", async () => {
    const inner = leftHalfReader();
    const reader = withTestTimeViews(inner, DEFAULT_VIEWS, { sureAt: 0.95 });
    const crops = new Uint8Array(3 * CANONICAL_PIXELS);
    for (let x = 5; x < 40; x++) crops[22 * CANONICAL_SIZE + x] = 255; // unsure: a bar across both halves
    for (let y = 10; y < 35; y++) for (let x = 5; x < 15; x++) crops[CANONICAL_PIXELS + y * CANONICAL_SIZE + x] = 255; // sure: left
    for (let y = 10; y < 35; y++) for (let x = 30; x < 40; x++) crops[2 * CANONICAL_PIXELS + y * CANONICAL_SIZE + x] = 255; // sure: right
    const probs = await reader.predict(crops);
    assert.deepEqual(inner.calls, [3, DEFAULT_VIEWS.length]);
    // The sure crops keep their single reading; the unsure one is the mean over all its views,
    // exactly what the one-batch reader gives it.
    assert.deepEqual([probs[2], probs[3], probs[4], probs[5]], [1, 0, 0, 1]);
    const all = await withTestTimeViews(leftHalfReader()).predict(crops.subarray(0, CANONICAL_PIXELS));
    assert.ok(Math.abs(probs[0]! - all[0]!) < 1e-6 && Math.abs(probs[1]! - all[1]!) < 1e-6);
  });

  it("makes one call when every crop is sure", async () => {
    const inner = leftHalfReader();
    const crop = new Uint8Array(CANONICAL_PIXELS);
    for (let y = 10; y < 35; y++) for (let x = 5; x < 15; x++) crop[y * CANONICAL_SIZE + x] = 255;
    await withTestTimeViews(inner, DEFAULT_VIEWS, { sureAt: 0.95 }).predict(crop);
    assert.deepEqual(inner.calls, [1]);
  });
});
