import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { argmaxRows, computeMetrics, topK, topKAccuracy } from "../../../lib/ml/evaluate";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

describe("computeMetrics", () => {
  // true:  a a a b b c
  // pred:  a a b b c c
  const metrics = computeMetrics([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], ["a", "b", "c"]);

  it("counts the confusion matrix by true row, predicted column", () => {
    assert.deepEqual(metrics.confusion, [
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    close(metrics.accuracy, 4 / 6);
  });

  it("computes per-class precision, recall, F1 and support by hand", () => {
    const [a, b, c] = metrics.perClass;
    close(a!.precision, 1);
    close(a!.recall, 2 / 3);
    close(a!.f1, 0.8);
    assert.equal(a!.support, 3);
    close(b!.precision, 0.5);
    close(b!.recall, 0.5);
    close(b!.f1, 0.5);
    close(c!.precision, 0.5);
    close(c!.recall, 1);
    close(c!.f1, 2 / 3);
  });

  it("averages macro and weighted like sklearn", () => {
    close(metrics.macro.precision, (1 + 0.5 + 0.5) / 3);
    close(metrics.macro.recall, (2 / 3 + 0.5 + 1) / 3);
    close(metrics.macro.f1, (0.8 + 0.5 + 2 / 3) / 3);
    close(metrics.weighted.f1, (0.8 * 3 + 0.5 * 2 + (2 / 3) * 1) / 6);
    close(metrics.weighted.recall, metrics.accuracy);
  });

  it("scores a class never predicted nor present as zero", () => {
    const m = computeMetrics([0, 1], [0, 1], ["a", "b", "c"]);
    assert.deepEqual(m.perClass[2], { name: "c", precision: 0, recall: 0, f1: 0, support: 0 });
  });
});

describe("top-k helpers", () => {
  const probs = Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.3, 0.2]);
  it("ranks and takes argmax", () => {
    assert.deepEqual(Array.from(argmaxRows(probs, 3)), [1, 0]);
    assert.deepEqual(topK(probs.subarray(0, 3), 2).map((t) => t.index), [1, 2]);
    close(topKAccuracy(probs, 3, [2, 2], 1), 0);
    close(topKAccuracy(probs, 3, [2, 2], 2), 0.5);
    close(topKAccuracy(probs, 3, [2, 2], 3), 1);
  });
});
