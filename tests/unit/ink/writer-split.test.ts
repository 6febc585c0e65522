import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deriveWriterKey } from "../../../lib/ink/writer-key";
import { groupKFold, splitByWriter, type WriterItem } from "../../../lib/ink/writer-split";

/** 40 writers with 1..9 items each, plus 6 items without a writer. */
function makeItems(): WriterItem[] {
  const items: WriterItem[] = [];
  for (let w = 0; w < 40; w++) {
    for (let i = 0; i < 1 + ((w * 7) % 9); i++) items.push({ id: `w${w}-${i}`, writer: `corpus:writer${w}` });
  }
  for (let i = 0; i < 6; i++) items.push({ id: `anon-${i}`, writer: null });
  return items;
}

const RATIOS = { train: 0.8, val: 0.1, test: 0.1 };

describe("splitByWriter", () => {
  const items = makeItems();
  const split = splitByWriter(items, RATIOS, 7);

  it("puts no writer on two sides", () => {
    const sideOf = new Map<string, string>();
    for (const [side, members] of Object.entries(split)) {
      for (const item of members) {
        if (item.writer === null) continue;
        const seen = sideOf.get(item.writer);
        assert.ok(seen === undefined || seen === side, `${item.writer} is in ${seen} and ${side}`);
        sideOf.set(item.writer, side);
      }
    }
  });

  it("keeps every item exactly once and lands near the ratios", () => {
    const all = [...split.train, ...split.val, ...split.test].map((i) => i.id).sort();
    assert.deepEqual(all, items.map((i) => i.id).sort());
    assert.ok(Math.abs(split.train.length / items.length - 0.8) < 0.06, `train ${split.train.length}/${items.length}`);
    assert.ok(split.val.length > 0 && split.test.length > 0);
  });

  it("is deterministic for a seed and independent of the input order", () => {
    const ids = (s: typeof split) => ({ train: s.train.map((i) => i.id).sort(), val: s.val.map((i) => i.id).sort() });
    assert.deepEqual(ids(splitByWriter(items, RATIOS, 7)), ids(split));
    assert.deepEqual(ids(splitByWriter([...items].reverse(), RATIOS, 7)), ids(split));
    assert.notDeepEqual(ids(splitByWriter(items, RATIOS, 8)), ids(split));
  });

  it("treats each writerless item as its own writer", () => {
    const anon = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, writer: null }));
    const result = splitByWriter(anon, RATIOS, 1);
    assert.deepEqual([result.train.length, result.val.length, result.test.length], [24, 3, 3]);
  });

  it("rejects unusable ratios", () => {
    assert.throws(() => splitByWriter(items, { train: 0, val: 0, test: 0 }, 1), RangeError);
    assert.throws(() => splitByWriter(items, { train: -1, val: 1, test: 1 }, 1), RangeError);
  });
});

describe("groupKFold", () => {
  const items = makeItems();
  const folds = groupKFold(items, 5, 3);

  it("keeps each writer inside one fold and uses every fold", () => {
    assert.equal(folds.length, items.length);
    const foldOf = new Map<string, number>();
    items.forEach((item, i) => {
      const fold = folds[i]!;
      assert.ok(Number.isInteger(fold) && fold >= 0 && fold < 5);
      if (item.writer === null) return;
      assert.equal(foldOf.get(item.writer) ?? fold, fold, `${item.writer} spans folds`);
      foldOf.set(item.writer, fold);
    });
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 9, `fold sizes ${sizes}`);
  });

  it("is deterministic and rejects impossible k", () => {
    assert.deepEqual(groupKFold(items, 5, 3), folds);
    assert.throws(() => groupKFold(items, 1, 3), RangeError);
    assert.throws(() => groupKFold(items.slice(0, 2), 3, 3), RangeError);
  });
});

describe("deriveWriterKey", () => {
  it("scopes writers by corpus and falls back to the MathBrush session", () => {
    assert.equal(deriveWriterKey({ corpus: "HAMEX", writer: "depart001", fileName: "x.inkml" }), "HAMEX:depart001");
    assert.equal(
      deriveWriterKey({ corpus: "MathBrush", writer: null, fileName: "2009210-947-0.inkml" }),
      "MathBrush:session 2009210-947",
    );
    assert.equal(deriveWriterKey({ corpus: "other", writer: " ", fileName: "sample.inkml" }), null);
  });
});
