import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildRebalancePlan, getAugmentRun, startAugmentRun } from "../../../lib/augment-store";
import { runAugmentJob } from "../../../lib/augment-store/augment-job";
import type { JobContext } from "../../../lib/jobs/job-context";
import { claimJob, getJob } from "../../../lib/jobs/queue";
import { createTempDb } from "../../helpers/temp-db";
import { importShipped, runSamples } from "./fixtures";

let t: ReturnType<typeof createTempDb>;
before(async () => {
  t = createTempDb();
  await importShipped(t.db, t.dir, ["7", "9"]);
});
after(() => t.cleanup());

/** Claims the run's job and runs the handler, aborting after `stopAfter` progress reports. */
async function runJob(stopAfter: number, onStop: () => void) {
  const job = claimJob(t.db, { workerId: "test", types: ["augment"] })!;
  const controller = new AbortController();
  let reports = 0;
  const ctx: JobContext = {
    db: t.db,
    job,
    signal: controller.signal,
    progress: () => {
      if (++reports === stopAfter) {
        onStop();
        controller.abort(new Error("stopped"));
      }
    },
    log: () => {},
  };
  return runAugmentJob(JSON.parse(job.payload), ctx);
}

describe("the augment job", () => {
  it("resumes after a worker shutdown and removes everything on cancel", async () => {
    const plan = buildRebalancePlan(t.db, { classes: ["7", "9"], target: { kind: "count", n: 1500 }, seed: 4 });
    const { runId, jobId } = startAugmentRun(t.db, plan);

    // Shutdown: the run keeps its committed chunks and the next attempt finishes the rest.
    await assert.rejects(runJob(2, () => {}), /stopped/);
    assert.equal(getAugmentRun(t.db, runId)!.status, "interrupted");
    const partial = runSamples(t.db, runId).length;
    assert.ok(partial > 0 && partial < plan.rebalance.total.toGenerate);
    t.db.prepare(`UPDATE jobs SET status = 'queued', lockedBy = NULL WHERE id = ?`).run(jobId);
    const result = (await runJob(-1, () => {})) as { generated: number };
    assert.equal(result.generated, plan.rebalance.total.toGenerate);
    assert.equal(runSamples(t.db, runId).length, plan.rebalance.total.toGenerate);
    assert.equal(getAugmentRun(t.db, runId)!.status, "done");

    // Cancel: a second run stopped half way leaves no sample behind.
    const second = startAugmentRun(t.db, buildRebalancePlan(t.db, { classes: ["7"], target: { kind: "count", n: 4000 }, seed: 5 }));
    await assert.rejects(
      runJob(2, () => t.db.prepare(`UPDATE jobs SET cancelRequested = 1 WHERE id = ?`).run(second.jobId)),
      /stopped/,
    );
    assert.equal(getAugmentRun(t.db, second.runId)!.status, "cancelled");
    assert.equal(runSamples(t.db, second.runId).length, 0);
    assert.equal(getJob(t.db, second.jobId)!.cancelRequested, 1);
  });
});
