import type Database from "better-sqlite3";
import { claimJob, completeJob, failJob, heartbeatJob, markJobCancelled, resetStaleJobs, type JobRow } from "./queue";
import { PermanentJobError, type JobHandler } from "./job-context";

export interface WorkerOptions {
  db: Database.Database;
  workerId: string;
  handlers: Record<string, JobHandler>;
  /** Aborting it stops claiming; the running job is stopped and left resumable. */
  signal: AbortSignal;
  pollMs?: number;
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this at start-up belongs to a dead worker. */
  staleMs?: number;
  log?: (message: string) => void;
}

/** The worker loop: reset jobs of dead workers, then claim, run and settle jobs until stopped. */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const { db, workerId, handlers, signal } = options;
  const log = options.log ?? ((m: string) => console.log(`[worker ${workerId}] ${m}`));
  const pollMs = options.pollMs ?? 500;
  const staleMs = options.staleMs ?? 30_000;
  const recover = () => {
    const reset = resetStaleJobs(db, { staleMs });
    if (reset.requeued + reset.failed > 0) log(`recovered jobs of a stopped worker: ${reset.requeued} requeued, ${reset.failed} failed`);
  };
  recover();
  const types = Object.keys(handlers);
  log(`ready; handles ${types.join(", ")}`);
  // Also while idle: a worker that died moments before this one started had a fresh heartbeat then.
  let lastRecovery = Date.now();
  while (!signal.aborted) {
    if (Date.now() - lastRecovery > staleMs) {
      recover();
      lastRecovery = Date.now();
    }
    const job = claimJob(db, { workerId, types });
    if (!job) {
      await sleep(pollMs, signal);
      continue;
    }
    await runOne(job, options, log);
  }
  log("stopped claiming jobs");
}

async function runOne(job: JobRow, options: WorkerOptions, log: (m: string) => void): Promise<void> {
  const { db, workerId } = options;
  const handler = options.handlers[job.type];
  const controller = new AbortController();
  let cancelled = false;
  const stopForShutdown = () => controller.abort(new Error("worker stopping"));
  options.signal.addEventListener("abort", stopForShutdown);
  let progress: number | undefined;
  let message: string | undefined;
  const beat = () => {
    const state = heartbeatJob(db, { id: job.id, workerId, progress, message });
    if (!state.owned || state.cancelRequested) {
      cancelled = state.cancelRequested;
      controller.abort(new Error(state.cancelRequested ? "cancelled" : "job taken over"));
    }
  };
  const timer = setInterval(beat, options.heartbeatMs ?? 2000);
  log(`job ${job.id} (${job.type}) started, attempt ${job.attempts}`);
  try {
    if (!handler) throw new PermanentJobError(`no handler for job type "${job.type}"`);
    const result = await handler(JSON.parse(job.payload), {
      db,
      job,
      signal: controller.signal,
      progress: (f, m) => {
        progress = Math.max(0, Math.min(1, f));
        if (m !== undefined) message = m;
      },
      log: (m) => log(`job ${job.id}: ${m}`),
    });
    beat();
    if (controller.signal.aborted) throw controller.signal.reason;
    completeJob(db, { id: job.id, workerId, result, message });
    log(`job ${job.id} succeeded`);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (cancelled) {
      markJobCancelled(db, { id: job.id, workerId });
      log(`job ${job.id} cancelled`);
    } else if (options.signal.aborted) {
      // Shutting down: hand the job back so the next worker resumes it rather than losing it.
      const status = failJob(db, { id: job.id, workerId, error: "interrupted by worker shutdown", retry: true });
      log(`job ${job.id} interrupted by shutdown -> ${status}`);
    } else {
      const retry = !(err instanceof PermanentJobError);
      const status = failJob(db, { id: job.id, workerId, error: reason, retry });
      log(`job ${job.id} failed: ${reason} -> ${status}`);
    }
  } finally {
    clearInterval(timer);
    options.signal.removeEventListener("abort", stopForShutdown);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
