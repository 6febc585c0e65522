import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildRebalancePlan, parsePlanRequest, removeAugmentRun, runAugmentPlan } from "../../../lib/augment-store";
import { createTempDb } from "../../helpers/temp-db";
import { importShipped, trainCount } from "./fixtures";

let t: ReturnType<typeof createTempDb>;
before(async () => {
  t = createTempDb();
  await importShipped(t.db, t.dir, ["7", "9", "pi", "div"]);
});
after(() => t.cleanup());

const sourcesOf = (plan: ReturnType<typeof buildRebalancePlan>) => plan.rebalance.classes.flatMap((c) => c.assignments.map((a) => a.sourceId));
const rowOf = (id: number) => t.db.prepare(`SELECT split, source, label FROM samples WHERE id = ?`).get(id) as { split: string; source: string; label: string };

describe("buildRebalancePlan", () => {
  it("counts the train split and draws only on train originals, never val, test or augmented", async () => {
    const splits = t.db.prepare(`SELECT split, COUNT(*) AS n FROM samples WHERE label = '7' GROUP BY split`).all() as { split: string; n: number }[];
    assert.ok(splits.some((s) => s.split !== "train" && s.n > 0), "the shipped 7s include val/test samples");
    const plan = buildRebalancePlan(t.db, { classes: ["7", "9"], target: { kind: "count", n: 200 } });
    assert.equal(plan.rebalance.classes[0]!.current, trainCount(t.db, "7"));
    const ids = sourcesOf(plan);
    const trainOriginals = t.db.prepare(`SELECT COUNT(*) FROM samples WHERE label IN ('7','9') AND split = 'train'`).pluck().get();
    assert.equal(ids.length, trainOriginals, "every train original is used once the target is far away");
    for (const id of ids) assert.deepEqual([rowOf(id).split, rowOf(id).source], ["train", "kaggle"]);

    // Augmented samples count towards `current` but are no sources unless asked for.
    const run = await runAugmentPlan(t.db, plan);
    const after = buildRebalancePlan(t.db, { classes: ["7"], target: { kind: "count", n: 400 } });
    assert.equal(after.rebalance.classes[0]!.current, 200);
    for (const id of sourcesOf(after)) assert.equal(rowOf(id).source, "kaggle");
    const synthetic = buildRebalancePlan(t.db, { classes: ["7"], target: { kind: "count", n: 400 }, includeSynthetic: true });
    const sources = sourcesOf(synthetic).map(rowOf);
    assert.ok(sources.some((s) => s.source === "augmented"));
    for (const s of sources) assert.equal(s.split, "train");
    removeAugmentRun(t.db, run.runId);
  });

  it("resolves median and largest over every class, or over the class set", () => {
    const counts = ["7", "9", "π", "÷"].map((l) => trainCount(t.db, l)).sort((a, b) => a - b);
    const largest = buildRebalancePlan(t.db, { classes: ["9"], target: { kind: "largest" } });
    assert.equal(largest.rebalance.classes[0]!.target, counts[3]);
    const scoped = buildRebalancePlan(t.db, { classes: ["9"], reference: ["9", "÷"], target: { kind: "largest" } });
    assert.equal(scoped.rebalance.classes[0]!.target, Math.max(trainCount(t.db, "9"), trainCount(t.db, "÷")));
    assert.deepEqual(scoped.reference.map((r) => r.label), ["9", "÷"]);
  });

  it("says so for a class with no train originals and generates nothing for it", async () => {
    t.db.prepare(`UPDATE samples SET split = 'val' WHERE label = '÷' AND split = 'train'`).run();
    const plan = buildRebalancePlan(t.db, { classes: ["÷", "π"], target: { kind: "count", n: 45 } });
    const div = plan.rebalance.classes.find((c) => c.label === "÷")!;
    assert.equal(div.toGenerate, 0);
    assert.match(div.warning ?? "", /"÷" has no train originals/);
    assert.ok(plan.rebalance.warnings.some((w) => w.includes("÷")));
    const run = await runAugmentPlan(t.db, plan);
    assert.deepEqual(Object.keys(run.perClass), ["π"]);
    assert.equal(t.db.prepare(`SELECT COUNT(*) FROM samples WHERE label = '÷' AND source = 'augmented'`).pluck().get(), 0);
    removeAugmentRun(t.db, run.runId);
  });
});

describe("parsePlanRequest", () => {
  const errorsOf = (input: unknown) => {
    const r = parsePlanRequest(t.db, input);
    assert.equal(r.ok, false);
    return r.ok ? [] : r.errors;
  };

  it("accepts labels or slugs and the three kinds of target", () => {
    const r = parsePlanRequest(t.db, { classes: "7,div", target: "60", seed: 9 });
    assert.ok(r.ok);
    assert.deepEqual(r.options.classes, ["7", "÷"]);
    assert.deepEqual(r.options.target, { kind: "count", n: 60 });
    const m = parsePlanRequest(t.db, { classes: ["π"], target: "median" });
    assert.ok(m.ok && m.options.target.kind === "median");
  });

  it("names an unknown operation, an out-of-range parameter, an unknown class and a bad target", () => {
    assert.match(errorsOf({ classes: ["7"], target: 10, pipeline: { steps: [{ op: "blur" }] } }).join(), /unknown operation "blur"/);
    assert.match(
      errorsOf({ classes: ["7"], target: 10, pipeline: { steps: [{ op: "salt-pepper", params: { amount: [0.01, 0.9] } }] } }).join(),
      /salt-pepper\.amount must be <= 0\.5/,
    );
    assert.match(errorsOf({ classes: ["7"], target: 10, pipeline: { steps: [{ op: "rotate", params: { angle: 3 } }] } }).join(), /rotate has no parameter "angle"/);
    assert.match(errorsOf({ classes: ["7", "nope"], target: 10 }).join(), /unknown class "nope"/);
    assert.match(errorsOf({ classes: ["7"], target: "biggest" }).join(), /target/);
    assert.match(errorsOf({ target: 10 }).join(), /choose at least one class/);
    assert.match(errorsOf({ classSet: "no such set", target: 10 }).join(), /unknown class set "no such set"/);
  });

  it("takes a class set as the chosen classes and the reference", () => {
    const r = parsePlanRequest(t.db, { classSet: "simple equations", target: "largest" });
    assert.ok(r.ok);
    assert.equal(r.classSet, "simple equations");
    assert.ok(r.options.classes.includes("7") && r.options.reference!.includes("x"));
  });
});
