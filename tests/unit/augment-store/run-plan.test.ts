import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { applyRecipe, parseRecipe } from "../../../lib/augment";
import { buildRebalancePlan, getAugmentRun, removeAugmentRun, runAugmentPlan } from "../../../lib/augment-store";
import { contentHash } from "../../../lib/dataset/split";
import { createTempDb } from "../../helpers/temp-db";
import { importShipped, runSamples, trainCount } from "./fixtures";

let t: ReturnType<typeof createTempDb>;
before(async () => {
  t = createTempDb();
  await importShipped(t.db, t.dir, ["7", "9", "pi"]);
});
after(() => t.cleanup());

describe("runAugmentPlan", () => {
  it("generates exactly the planned counts, each with parent, recipe, seed, split train and source augmented", async () => {
    const plan = buildRebalancePlan(t.db, { classes: ["7", "9"], target: { kind: "count", n: 60 }, seed: 11 });
    const before7 = trainCount(t.db, "7");
    const summary = await runAugmentPlan(t.db, plan, { chunkSize: 7 });
    assert.equal(summary.generated, plan.rebalance.total.toGenerate);
    assert.equal(summary.duplicates, 0);
    assert.equal(trainCount(t.db, "7"), 60);
    assert.equal(trainCount(t.db, "9"), 60);
    assert.deepEqual(summary.perClass, { "7": 60 - before7, "9": plan.rebalance.classes[1]!.toGenerate });

    const parent = t.db.prepare(`SELECT canonical, label, split, source FROM samples WHERE id = ?`);
    const rows = runSamples(t.db, summary.runId);
    assert.equal(rows.length, summary.generated);
    for (const row of rows) {
      assert.equal(row.source, "augmented");
      assert.equal(row.split, "train");
      const p = parent.get(row.parentId) as { canonical: Buffer; label: string; split: string; source: string };
      assert.equal(p.split, "train");
      assert.notEqual(p.source, "augmented");
      assert.equal(row.label, p.label);
      // The stored recipe (ops, params, seed) rebuilds the sample byte for byte from its parent.
      const recipe = parseRecipe(JSON.parse(row.recipe));
      assert.ok(recipe.ops.length > 0 && Number.isInteger(recipe.seed));
      const rebuilt = applyRecipe(new Uint8Array(p.canonical), recipe);
      assert.deepEqual(Buffer.from(rebuilt), row.canonical);
      assert.equal(row.hash, contentHash(rebuilt));
    }
    const run = getAugmentRun(t.db, summary.runId)!;
    assert.equal(run.status, "done");
    assert.equal(run.generated, summary.generated);
    assert.equal(run.cursor, plan.rebalance.total.toGenerate);
  });

  it("reproduces the same bytes from the same seed, and resumes an interrupted run to the same result", async () => {
    const plan = () => buildRebalancePlan(t.db, { classes: ["π"], target: { kind: "count", n: 80 }, seed: 5 });
    const first = await runAugmentPlan(t.db, plan());
    const bytes = runSamples(t.db, first.runId).map((r) => [r.parentId, r.hash]);
    removeAugmentRun(t.db, first.runId);

    // Abort after the first chunk, then resume with the same run id.
    const controller = new AbortController();
    const again = plan();
    await assert.rejects(
      runAugmentPlan(t.db, again, { chunkSize: 10, threads: 1, signal: controller.signal, onProgress: (p) => p.done >= 10 && controller.abort(new Error("stop")) }),
      /stop/,
    );
    const runId = (t.db.prepare(`SELECT MAX(id) FROM augment_runs`).pluck().get() as number);
    const interrupted = getAugmentRun(t.db, runId)!;
    assert.equal(interrupted.status, "interrupted");
    assert.equal(runSamples(t.db, runId).length, 10);
    const resumed = await runAugmentPlan(t.db, again, { runId });
    assert.equal(resumed.generated, first.generated);
    assert.deepEqual(runSamples(t.db, runId).map((r) => [r.parentId, r.hash]), bytes);
    removeAugmentRun(t.db, runId);

    // Worker threads and the calling thread draw the same bytes.
    const inline = await runAugmentPlan(t.db, plan(), { threads: 0 });
    assert.deepEqual(runSamples(t.db, inline.runId).map((r) => [r.parentId, r.hash]), bytes);
    removeAugmentRun(t.db, inline.runId);
  });

  it("removes a run's samples as one unit and nothing else", async () => {
    const originals = t.db.prepare(`SELECT COUNT(*) FROM samples WHERE source <> 'augmented'`).pluck().get();
    const a = await runAugmentPlan(t.db, buildRebalancePlan(t.db, { classes: ["π"], target: { kind: "count", n: 50 }, seed: 1 }));
    const b = await runAugmentPlan(t.db, buildRebalancePlan(t.db, { classes: ["π", "9"], target: { kind: "count", n: 90 }, seed: 2 }));
    const bIds = runSamples(t.db, b.runId).map((r) => r.id);
    assert.ok(a.generated > 0 && bIds.length > 0);
    const removed = removeAugmentRun(t.db, a.runId);
    assert.equal(removed.removed, a.generated);
    assert.equal(removed.run.status, "removed");
    assert.equal(runSamples(t.db, a.runId).length, 0);
    assert.deepEqual(runSamples(t.db, b.runId).map((r) => r.id), bIds);
    assert.equal(t.db.prepare(`SELECT COUNT(*) FROM samples WHERE source <> 'augmented'`).pluck().get(), originals);
    removeAugmentRun(t.db, b.runId);
    assert.throws(() => removeAugmentRun(t.db, 9999), /no augment run 9999/);
  });

  it("deleting a parent deletes its generated children", async () => {
    const run = await runAugmentPlan(t.db, buildRebalancePlan(t.db, { classes: ["7"], target: { kind: "count", n: 100 }, seed: 3 }));
    const rows = runSamples(t.db, run.runId);
    const parentId = rows[0]!.parentId;
    const children = rows.filter((r) => r.parentId === parentId).length;
    assert.ok(children >= 2);
    t.db.prepare(`DELETE FROM samples WHERE id = ?`).run(parentId);
    assert.equal(t.db.prepare(`SELECT COUNT(*) FROM samples WHERE parentId = ?`).pluck().get(parentId), 0);
    assert.equal(runSamples(t.db, run.runId).length, rows.length - children);
    removeAugmentRun(t.db, run.runId);
  });
});
