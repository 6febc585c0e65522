import type Database from "better-sqlite3";
import { enqueueJob } from "../jobs/queue";
import { createAugmentRun, setAugmentRunJob } from "./augment-runs";
import type { AugmentPlan } from "./build-plan";

/** Stores the plan as a run and queues the "augment" job that generates it, in one transaction. */
export function startAugmentRun(db: Database.Database, plan: AugmentPlan): { runId: number; jobId: number } {
  return db.transaction(() => {
    const run = createAugmentRun(db, plan);
    // One attempt more than usual: an interrupted run resumes from its cursor, so retries are cheap.
    const job = enqueueJob(db, { type: "augment", payload: { runId: run.id }, maxAttempts: 4 });
    setAugmentRunJob(db, run.id, job.id);
    return { runId: run.id, jobId: job.id };
  })();
}
