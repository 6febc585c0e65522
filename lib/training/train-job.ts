import { getEnv } from "../env";
import { PermanentJobError, type JobContext } from "../jobs/job-context";
import { sqlTimestamp } from "../db/timestamp";
import { enqueueJob } from "../jobs/queue";
import { runTraining } from "./run-training";
import { TrainingInputError } from "./resolve-classes";
import { trainJobPayload } from "./train-request";

/** The worker's "train" job: trains the run named in the payload. */
export async function runTrainJob(payload: unknown, ctx: JobContext): Promise<unknown> {
  const parsed = trainJobPayload.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`invalid train job: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  try {
    const summary = await runTraining({
      db: ctx.db,
      runId: parsed.data.runId,
      modelsDir: getEnv().modelsDir,
      signal: ctx.signal,
      autoPromote: parsed.data.autoPromote,
      onProgress: (f, m) => ctx.progress(f, m),
      log: ctx.log,
    });
    if (summary.status === "cancelled" && !(ctx.signal.reason instanceof Error && ctx.signal.reason.message === "cancelled")) {
      // Stopped by a worker shutdown rather than by the person: the job goes back to the queue.
      ctx.db.prepare(`UPDATE training_runs SET status = 'queued', error = ?, finishedAt = NULL WHERE id = ?`).run(
        `interrupted by a worker shutdown at ${sqlTimestamp()}; it restarts from the first epoch when the worker is back`,
        parsed.data.runId,
      );
    }
    // Every trained model is evaluated (per-sample predictions, confusion matrix) by its own job.
    if (summary.status === "succeeded" && summary.modelId !== null) enqueueJob(ctx.db, { type: "evaluate", payload: { modelId: summary.modelId } });
    return summary;
  } catch (err) {
    if (err instanceof TrainingInputError) throw new PermanentJobError(err.message);
    throw err;
  }
}
