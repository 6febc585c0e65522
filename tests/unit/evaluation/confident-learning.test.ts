import { createRng } from "../../../lib/util/prng";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findLabelIssues } from "../../../lib/evaluation/confident-learning";

/** Seeded PRNG so the simulated model and the flips are the same on every run. */

/**
 * A simulated out-of-fold model on a separable problem: it puts most of its mass on the TRUE
 * class (it never saw the sample, so it was not taught the flipped label), with noise and a few
 * genuinely hard samples.
 */
function simulate(options: { n: number; k: number; flipRate: number; seed: number }) {
  const random = createRng(options.seed);
  const { n, k } = options;
  const truth = Array.from({ length: n }, (_, i) => i % k);
  const labels = Int32Array.from(truth);
  const flipped = new Set<number>();
  const flips = Math.round(n * options.flipRate);
  while (flipped.size < flips) {
    const i = Math.floor(random() * n);
    if (flipped.has(i)) continue;
    flipped.add(i);
    labels[i] = (truth[i]! + 1 + Math.floor(random() * (k - 1))) % k;
  }
  const probs = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const hard = random() < 0.1;
    const peak = hard ? 0.35 + random() * 0.3 : 0.75 + random() * 0.24;
    let rest = 1 - peak;
    for (let j = 0; j < k; j++) {
      if (j === truth[i]) continue;
      const share = j === k - 1 || (j === k - 2 && truth[i] === k - 1) ? rest : rest * random();
      probs[i * k + j] = share;
      rest -= share;
    }
    probs[i * k + truth[i]!] = peak;
  }
  return { probs, labels, flipped, truth };
}

describe("findLabelIssues (confident learning)", () => {
  it("ranks most of 5% flipped labels at the top of a separable 3-class set", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { probs, labels, flipped, truth } = simulate({ n: 600, k: 3, flipRate: 0.05, seed });
      const { issues } = findLabelIssues({ probs, labels, numClasses: 3 });
      const top = issues.slice(0, 2 * flipped.size);
      const found = top.filter((i) => flipped.has(i.index));
      assert.ok(found.length >= 0.8 * flipped.size, `seed ${seed}: ${found.length} of ${flipped.size} flipped samples in the top ${2 * flipped.size}`);
      // The suggestion is the class the sample really belongs to (bar a hard sample or two).
      const right = found.filter((i) => i.suggested === truth[i.index]).length;
      assert.ok(right >= 0.9 * found.length, `seed ${seed}: ${right} of ${found.length} suggestions right`);
    }
  });

  it("the strict confident-joint rule finds fewer but only confident suspects", () => {
    const { probs, labels, flipped } = simulate({ n: 600, k: 3, flipRate: 0.05, seed: 2 });
    const strict = findLabelIssues({ probs, labels, numClasses: 3, filterBy: "confident-joint" });
    const pruned = findLabelIssues({ probs, labels, numClasses: 3 });
    const hits = (r: typeof strict) => r.issues.slice(0, 2 * flipped.size).filter((i) => flipped.has(i.index)).length;
    assert.ok(hits(strict) >= 0.5 * flipped.size);
    assert.ok(hits(pruned) >= hits(strict));
    for (const i of strict.issues) assert.ok(i.selfConfidence < strict.thresholds[i.given]! && i.suggestedConfidence >= strict.thresholds[i.suggested]!);
  });

  it("computes thresholds as mean self-confidence per given class and fills the confident joint", () => {
    // given:      0    0    0    1    1
    const probs = [0.9, 0.1, 0.8, 0.2, 0.1, 0.9, 0.2, 0.8, 0.7, 0.3];
    const labels = [0, 0, 0, 1, 1];
    const r = findLabelIssues({ probs, labels, numClasses: 2 });
    assert.ok(Math.abs(r.thresholds[0]! - (0.9 + 0.8 + 0.1) / 3) < 1e-9);
    assert.ok(Math.abs(r.thresholds[1]! - (0.8 + 0.3) / 2) < 1e-9);
    // Sample 2 (given 0, p = 0.1/0.9) and sample 4 (given 1, p = 0.7/0.3) look mislabelled.
    assert.deepEqual(r.issues.map((i) => [i.index, i.given, i.suggested]), [[2, 0, 1], [4, 1, 0]]);
    assert.deepEqual(r.confidentJoint, [[2, 1], [1, 1]]);
  });

  it("ranks by self-confidence ascending and never suggests an empty class", () => {
    const probs = [0.05, 0.95, 0, 0.3, 0.7, 0, 0.9, 0.1, 0, 0.9, 0.1, 0, 0.2, 0.4, 0.4];
    const labels = [0, 0, 0, 0, 1];
    const r = findLabelIssues({ probs, labels, numClasses: 3 });
    assert.equal(r.thresholds[2], Infinity);
    assert.deepEqual(r.issues.map((i) => i.index), [0, 1]);
    assert.ok(r.issues.every((i) => i.suggested !== 2));
  });

  it("rejects mismatched shapes and labels out of range", () => {
    assert.throws(() => findLabelIssues({ probs: [0.5, 0.5], labels: [0, 1], numClasses: 2 }), /2 probabilities/);
    assert.throws(() => findLabelIssues({ probs: [0.5, 0.5], labels: [2], numClasses: 2 }), /outside/);
  });
});
