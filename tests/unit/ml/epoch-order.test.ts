import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { epochOrder, scheduledLearningRate, sqrtQuotas } from "../../../lib/ml/epoch-order";

/** 400 samples of class 0, 100 of class 1, 25 of class 2, interleaved. */
function imbalanced(): Int32Array {
  const labels: number[] = [];
  for (let i = 0; i < 400; i++) labels.push(0);
  for (let i = 0; i < 100; i++) labels.push(1);
  for (let i = 0; i < 25; i++) labels.push(2);
  return Int32Array.from(labels);
}

function countByClass(order: Int32Array, labels: Int32Array, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const i of order) counts[labels[i]!]!++;
  return counts;
}

describe("epoch order", () => {
  it("shuffle visits every sample exactly once", () => {
    const labels = imbalanced();
    const order = epochOrder(labels, 3, "shuffle", 7);
    assert.deepEqual(Array.from(order).sort((a, b) => a - b), Array.from({ length: labels.length }, (_, i) => i));
    assert.notDeepEqual(Array.from(order.subarray(0, 20)), Array.from({ length: 20 }, (_, i) => i));
  });

  it("sqrt quotas are proportional to the square root of each class and sum to the total", () => {
    // sqrt: 20, 10, 5 -> 4/7, 2/7, 1/7 of 525.
    assert.deepEqual(sqrtQuotas([400, 100, 25], 525), [300, 150, 75]);
    const q = sqrtQuotas([5101, 159, 0, 125], 5385);
    assert.equal(q.reduce((a, b) => a + b, 0), 5385);
    assert.equal(q[2], 0, "an absent class gets no draws");
  });

  it("sqrt-balanced keeps the epoch length and draws rare classes more often", () => {
    const labels = imbalanced();
    const order = epochOrder(labels, 3, "sqrt-balanced", 3);
    assert.equal(order.length, labels.length);
    assert.deepEqual(countByClass(order, labels, 3), [300, 150, 75]);
    // The rare class is repeated evenly: each of its 25 samples exactly 3 times.
    const rare = new Map<number, number>();
    for (const i of order) if (labels[i] === 2) rare.set(i, (rare.get(i) ?? 0) + 1);
    assert.equal(rare.size, 25);
    assert.ok([...rare.values()].every((n) => n === 3));
    // The common class contributes a subset, different from one epoch to the next.
    const common = (seed: number) => new Set(Array.from(epochOrder(labels, 3, "sqrt-balanced", seed)).filter((i) => labels[i] === 0));
    assert.equal(common(3).size, 300);
    assert.notDeepEqual([...common(3)].sort(), [...common(4)].sort());
  });

  it("is reproducible from the seed", () => {
    const labels = imbalanced();
    assert.deepEqual(epochOrder(labels, 3, "sqrt-balanced", 11), epochOrder(labels, 3, "sqrt-balanced", 11));
    assert.notDeepEqual(epochOrder(labels, 3, "sqrt-balanced", 11), epochOrder(labels, 3, "sqrt-balanced", 12));
  });
});

describe("learning-rate schedule", () => {
  it("constant stays at the base rate", () => {
    assert.equal(scheduledLearningRate("constant", 0.001, 50, 100), 0.001);
  });

  it("cosine starts at the base rate, halves midway and ends at zero", () => {
    assert.equal(scheduledLearningRate("cosine", 0.001, 0, 100), 0.001);
    assert.ok(Math.abs(scheduledLearningRate("cosine", 0.001, 50, 100) - 0.0005) < 1e-12);
    assert.ok(scheduledLearningRate("cosine", 0.001, 100, 100) < 1e-12);
    assert.ok(scheduledLearningRate("cosine", 0.001, 30, 100) > scheduledLearningRate("cosine", 0.001, 31, 100));
  });
});
