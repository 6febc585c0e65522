import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveSplits, storedInkSplit, type SplitSample } from "../../../lib/dataset/resolve-splits";
import { assignSplit, contentHash } from "../../../lib/dataset/split";

/** 40 writers with 3..12 symbols each, plus 30 Kaggle-style samples without a writer. */
function makeSamples(): SplitSample[] {
  const samples: SplitSample[] = [];
  let id = 1;
  for (let w = 0; w < 40; w++) {
    const writer = `HAMEX:w${w}`;
    for (let i = 0; i < 3 + (w % 10); i++) {
      const hash = contentHash(Buffer.from(`${writer}/${i}`));
      samples.push({ id: id++, hash, writer, split: storedInkSplit(writer, hash) });
    }
  }
  for (let i = 0; i < 30; i++) {
    const hash = contentHash(Buffer.from(`kaggle/${i}`));
    samples.push({ id: id++, hash, writer: null, split: assignSplit(hash) });
  }
  return samples;
}

function sidesOfWriters(result: { train: SplitSample[]; val: SplitSample[]; test: SplitSample[] }): Map<string, Set<string>> {
  const sides = new Map<string, Set<string>>();
  for (const side of ["train", "val", "test"] as const) {
    for (const s of result[side]) if (s.writer) sides.set(s.writer, (sides.get(s.writer) ?? new Set()).add(side));
  }
  return sides;
}

describe("resolveSplits", () => {
  const samples = makeSamples();

  it("by-writer puts no writer on two sides and keeps every sample", () => {
    for (const seed of [0, 1, 7]) {
      const result = resolveSplits(samples, "by-writer", seed);
      for (const [writer, sides] of sidesOfWriters(result)) assert.equal(sides.size, 1, `${writer} is on ${[...sides].join(" and ")}`);
      const ids = [...result.train, ...result.val, ...result.test].map((s) => s.id).sort((a, b) => a - b);
      assert.deepEqual(ids, samples.map((s) => s.id));
      assert.equal(result.mode, "by-writer");
      assert.equal(result.writers, 40);
      assert.equal(result.withoutWriter, 30);
    }
  });

  it("by-writer aims at 80/10/10 by sample count and depends only on the samples and the seed", () => {
    const a = resolveSplits(samples, "by-writer", 3);
    const b = resolveSplits([...samples].reverse(), "by-writer", 3);
    const ids = (r: typeof a) => ({ train: r.train.map((s) => s.id).sort(), val: r.val.map((s) => s.id).sort(), test: r.test.map((s) => s.id).sort() });
    assert.deepEqual(ids(b), ids(a));
    assert.ok(Math.abs(a.train.length / samples.length - 0.8) < 0.06, `train share ${a.train.length / samples.length}`);
    assert.notDeepEqual(ids(resolveSplits(samples, "by-writer", 4)), ids(a), "another seed gives another split");
  });

  it("stored mode returns the stored splits; InkML's stored split is already writer-disjoint", () => {
    const result = resolveSplits(samples, "stored");
    for (const side of ["train", "val", "test"] as const) assert.ok(result[side].every((s) => s.split === side));
    for (const [, sides] of sidesOfWriters(result)) assert.equal(sides.size, 1);
    assert.throws(() => resolveSplits([{ id: 1, hash: "ab", writer: null, split: "holdout" }], "stored"), /unknown split/);
  });
});
