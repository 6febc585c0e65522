import type Database from "better-sqlite3";
import type { JobRow } from "./queue";

export interface JobContext {
  db: Database.Database;
  job: JobRow;
  /** Aborted when the job is cancelled or the worker is asked to stop. */
  signal: AbortSignal;
  /** Records progress (0..1) and a short message; written to the job row with the next heartbeat. */
  progress(fraction: number, message?: string): void;
  log(message: string): void;
}

/** A job type's work. What it returns is stored as the job's result (JSON). */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<unknown>;

/** Thrown by a handler to fail its job without retrying (bad input will not get better). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
