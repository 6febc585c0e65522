import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planRebalance, type RebalanceClassInput } from "../../../lib/augment/plan-rebalance";

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

const classes: RebalanceClassInput[] = [
  { label: "7", current: 1000, sources: ids(1, 700) },
  { label: "x", current: 100, sources: ids(2000, 70) },
  { label: "√", current: 30, sources: ids(3000, 21) },
  { label: "∫", current: 10, sources: [] },
  { label: "π", current: 400, sources: ids(4000, 280) },
];

function spread(counts: number[]): number {
  return Math.max(...counts) - Math.min(...counts);
}

describe("planRebalance", () => {
  it("hits a count target exactly and spreads evenly over the sources", () => {
    const plan = planRebalance({ classes, target: { kind: "count", n: 500 }, chosen: ["x", "√"] });
    for (const c of plan.classes) {
      assert.equal(c.current + c.toGenerate, 500, c.label);
      const total = c.assignments.reduce((s, a) => s + a.count, 0);
      assert.equal(total, c.toGenerate);
      // Every source is used here (more to generate than sources), so include all of them.
      assert.equal(c.assignments.length, c.sourceCount);
      assert.ok(spread(c.assignments.map((a) => a.count)) <= 1, c.label);
    }
    assert.deepEqual(plan.total, { current: 130, target: 1000, toGenerate: 870 });
  });

  it("assigns round-robin from the lowest id when there are fewer to make than sources", () => {
    const plan = planRebalance({ classes, target: { kind: "count", n: 105 }, chosen: ["x"] });
    assert.deepEqual(plan.classes[0]!.assignments, ids(2000, 5).map((sourceId) => ({ sourceId, count: 1 })));
  });

  it("is deterministic regardless of source order", () => {
    const shuffled = classes.map((c) => ({ ...c, sources: [...c.sources].reverse() }));
    const options = { target: { kind: "median" } as const, chosen: ["x", "√"] };
    assert.deepEqual(planRebalance({ classes: shuffled, ...options }), planRebalance({ classes, ...options }));
  });

  it("resolves median and largest over all classes, not just the chosen ones", () => {
    const median = planRebalance({ classes, target: { kind: "median" }, chosen: ["√"] });
    assert.equal(median.classes[0]!.target, 100);
    const largest = planRebalance({ classes, target: { kind: "largest" }, chosen: ["x"] });
    assert.equal(largest.classes[0]!.target, 1000);
    assert.equal(largest.classes[0]!.toGenerate, 900);
  });

  it("never removes samples from a class above the target", () => {
    const plan = planRebalance({ classes, target: { kind: "median" }, chosen: ["7"] });
    assert.equal(plan.classes[0]!.toGenerate, 0);
    assert.deepEqual(plan.classes[0]!.assignments, []);
  });

  it("warns about a class with no train originals and generates nothing for it", () => {
    const plan = planRebalance({ classes, target: { kind: "count", n: 100 }, chosen: ["∫", "x"] });
    const integral = plan.classes.find((c) => c.label === "∫")!;
    assert.equal(integral.toGenerate, 0);
    assert.equal(integral.wanted, 90);
    assert.match(integral.warning ?? "", /no train originals/);
    assert.ok(plan.warnings.some((w) => w.includes('"∫"')));
    assert.equal(plan.total.toGenerate, 0);
  });

  it("never uses val, test or augmented samples as sources unless synthetic ones are allowed", () => {
    const mixed: RebalanceClassInput[] = [
      {
        label: "y",
        current: 10,
        sources: [
          { id: 1, split: "train", source: "kaggle" },
          { id: 2, split: "val", source: "kaggle" },
          { id: 3, split: "test", source: "canvas" },
          { id: 4, split: "train", source: "augmented" },
          { id: 5, split: "val", source: "augmented" },
          { id: 6, split: "train", source: "canvas" },
        ],
      },
    ];
    const plan = planRebalance({ classes: mixed, target: { kind: "count", n: 20 }, chosen: ["y"] });
    assert.deepEqual(plan.classes[0]!.assignments, [
      { sourceId: 1, count: 5 },
      { sourceId: 6, count: 5 },
    ]);
    const withSynthetic = planRebalance({ classes: mixed, target: { kind: "count", n: 19 }, chosen: ["y"], includeSynthetic: true });
    assert.deepEqual(
      withSynthetic.classes[0]!.assignments.map((a) => a.sourceId),
      [1, 4, 6],
    );
    assert.equal(withSynthetic.classes[0]!.toGenerate, 9);
  });

  it("warns about chosen labels that are not in the dataset", () => {
    const plan = planRebalance({ classes, target: { kind: "count", n: 10 }, chosen: ["?"] });
    assert.deepEqual(plan.classes, []);
    assert.match(plan.warnings[0] ?? "", /"\?" is not in the dataset/);
  });

  it("rejects a negative or fractional target", () => {
    assert.throws(() => planRebalance({ classes, target: { kind: "count", n: -1 }, chosen: ["x"] }), /target/);
    assert.throws(() => planRebalance({ classes, target: { kind: "count", n: 2.5 }, chosen: ["x"] }), /target/);
  });
});
