import { PermanentJobError, type JobContext } from "../jobs/job-context";
import { augmentJobPayload } from "./augment-job-payload";
import { deleteRunSamples, getAugmentRun, planOfRun } from "./augment-runs";
import { runAugmentPlan } from "./run-plan";
import { sqlTimestamp } from "../db/timestamp";

/**
 * The worker's "augment" job. Worker shutdown and retryable errors leave the run
 * "interrupted" with its samples, and the retry resumes from the run's cursor; a cancel, a
 * permanent error or the last failed attempt removes the partial batch and marks the run
 * cancelled or failed, so a run's samples are either complete, resumable or gone.
 */
export async function runAugmentJob(payload: unknown, ctx: JobContext): Promise<unknown> {
  const parsed = augmentJobPayload.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`invalid augment job: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const { db } = ctx;
  const run = getAugmentRun(db, parsed.data.runId);
  if (!run) throw new PermanentJobError(`no augment run ${parsed.data.runId}`);
  if (run.status === "removed" || run.status === "cancelled") return { runId: run.id, skipped: `run is ${run.status}` };
  if (run.status === "done") return { runId: run.id, generated: run.generated, duplicates: run.duplicates };
  try {
    const summary = await runAugmentPlan(db, planOfRun(run), {
      runId: run.id,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p.fraction, `${p.generated} of ${p.total} generated (run #${p.runId})`),
    });
    return summary;
  } catch (err) {
    const cancelled = (db.prepare(`SELECT cancelRequested FROM jobs WHERE id = ?`).pluck().get(ctx.job.id) as number | undefined) === 1;
    const lastAttempt = err instanceof PermanentJobError || ctx.job.attempts >= ctx.job.maxAttempts;
    // The queue requeues this job only while attempts remain; otherwise it ends here, so clean up.
    if (cancelled || lastAttempt) {
      const removed = deleteRunSamples(db, run.id);
      const reason = err instanceof Error ? err.message : String(err);
      db.prepare(`UPDATE augment_runs SET status = ?, error = ?, finishedAt = ? WHERE id = ?`).run(
        cancelled ? "cancelled" : "failed",
        cancelled ? `cancelled; ${removed} partial samples removed` : reason,
        sqlTimestamp(),
        run.id,
      );
      ctx.log(`run ${run.id} ${cancelled ? "cancelled" : "failed"}: removed ${removed} partial samples`);
    }
    throw err;
  }
}
