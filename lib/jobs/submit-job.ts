import type Database from "better-sqlite3";
import { enqueueTraining } from "../training/create-run";
import type { TrainRequest } from "../training/train-request";
import { enqueueJob } from "./queue";

/**
 * Queues a validated job request (see validateJobRequest). Most types are queued as they are;
 * a "train" request first becomes a training run, whose id the job carries.
 */
export function submitJob(db: Database.Database, type: string, payload: unknown): { id: number; runId?: number } {
  if (type === "train") {
    const { jobId, runId } = enqueueTraining(db, payload as TrainRequest);
    return { id: jobId, runId };
  }
  return { id: enqueueJob(db, { type, payload }).id };
}
