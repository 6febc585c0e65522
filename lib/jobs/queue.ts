import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface JobRow {
  id: number;
  type: string;
  payload: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  result: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lockedBy: string | null;
  lockedAt: string | null;
  heartbeatAt: string | null;
  cancelRequested: number;
  runAt: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

const now = () => sqlTimestamp();

/** Adds a job; the worker picks it up on its next poll. */
export function enqueueJob(db: Database.Database, options: { type: string; payload?: unknown; maxAttempts?: number }): JobRow {
  const t = now();
  return db
    .prepare(
      `INSERT INTO jobs (type, payload, status, progress, attempts, maxAttempts, cancelRequested, runAt, createdAt, updatedAt)
       VALUES (?, ?, 'queued', 0, 0, ?, 0, ?, ?, ?) RETURNING *`,
    )
    .get(options.type, JSON.stringify(options.payload ?? {}), options.maxAttempts ?? 3, t, t, t) as JobRow;
}

/**
 * Claims the oldest queued job of the given types in one guarded statement, so two workers can
 * never both take it: the inner SELECT and the `status = 'queued'` guard run as one write.
 */
export function claimJob(db: Database.Database, options: { workerId: string; types?: string[] }): JobRow | null {
  const t = now();
  const types = options.types ?? [];
  const typeFilter = types.length > 0 ? `AND type IN (${types.map(() => "?").join(",")})` : "";
  const row = db
    .prepare(
      `UPDATE jobs SET status = 'running', lockedBy = ?, lockedAt = ?, heartbeatAt = ?, attempts = attempts + 1, updatedAt = ?
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND runAt <= ? ${typeFilter} ORDER BY runAt, id LIMIT 1)
         AND status = 'queued'
       RETURNING *`,
    )
    .get(options.workerId, t, t, t, t, ...types) as JobRow | undefined;
  return row ?? null;
}

/** Records liveness and progress; returns false when the job is no longer this worker's (or a cancel was asked). */
export function heartbeatJob(
  db: Database.Database,
  options: { id: number; workerId: string; progress?: number; message?: string },
): { owned: boolean; cancelRequested: boolean } {
  const t = now();
  const row = db
    .prepare(
      `UPDATE jobs SET heartbeatAt = ?, updatedAt = ?, progress = COALESCE(?, progress), message = COALESCE(?, message)
       WHERE id = ? AND status = 'running' AND lockedBy = ? RETURNING cancelRequested`,
    )
    .get(t, t, options.progress ?? null, options.message ?? null, options.id, options.workerId) as { cancelRequested: number } | undefined;
  return { owned: row !== undefined, cancelRequested: row?.cancelRequested === 1 };
}

export function completeJob(db: Database.Database, options: { id: number; workerId: string; result?: unknown; message?: string }): boolean {
  const t = now();
  return (
    db
      .prepare(
        `UPDATE jobs SET status = 'succeeded', progress = 1, result = ?, message = COALESCE(?, message), finishedAt = ?, updatedAt = ?, lockedBy = NULL, lockedAt = NULL
         WHERE id = ? AND status = 'running' AND lockedBy = ?`,
      )
      .run(JSON.stringify(options.result ?? null), options.message ?? null, t, t, options.id, options.workerId).changes === 1
  );
}

/** Fails a job, or puts it back in the queue while attempts remain and the error is retryable. */
export function failJob(db: Database.Database, options: { id: number; workerId: string; error: string; retry?: boolean }): JobStatus | null {
  const t = now();
  const row = db
    .prepare(
      `UPDATE jobs SET
         status = CASE WHEN ? AND attempts < maxAttempts THEN 'queued' ELSE 'failed' END,
         lastError = ?, message = ?, updatedAt = ?, lockedBy = NULL, lockedAt = NULL,
         finishedAt = CASE WHEN ? AND attempts < maxAttempts THEN NULL ELSE ? END
       WHERE id = ? AND status = 'running' AND lockedBy = ? RETURNING status`,
    )
    .get(options.retry ? 1 : 0, options.error, options.error, t, options.retry ? 1 : 0, t, options.id, options.workerId) as { status: JobStatus } | undefined;
  return row?.status ?? null;
}

export function markJobCancelled(db: Database.Database, options: { id: number; workerId: string }): boolean {
  const t = now();
  return (
    db
      .prepare(
        `UPDATE jobs SET status = 'cancelled', message = 'cancelled', finishedAt = ?, updatedAt = ?, lockedBy = NULL, lockedAt = NULL
         WHERE id = ? AND status = 'running' AND lockedBy = ?`,
      )
      .run(t, t, options.id, options.workerId).changes === 1
  );
}

/** Asks for a job to stop: a queued one is cancelled at once, a running one at its next heartbeat. */
export function requestCancel(db: Database.Database, id: number): JobRow | null {
  const t = now();
  db.prepare(`UPDATE jobs SET status = 'cancelled', finishedAt = ?, updatedAt = ?, message = 'cancelled before it started' WHERE id = ? AND status = 'queued'`).run(t, t, id);
  db.prepare(`UPDATE jobs SET cancelRequested = 1, updatedAt = ? WHERE id = ? AND status = 'running'`).run(t, id);
  return getJob(db, id);
}

export function getJob(db: Database.Database, id: number): JobRow | null {
  return (db.prepare(`SELECT * FROM jobs WHERE id = ?`).get(id) as JobRow | undefined) ?? null;
}

export function listJobs(db: Database.Database, options: { limit?: number; type?: string } = {}): JobRow[] {
  const filter = options.type ? `WHERE type = ?` : "";
  const args: unknown[] = options.type ? [options.type] : [];
  return db.prepare(`SELECT * FROM jobs ${filter} ORDER BY id DESC LIMIT ?`).all(...args, options.limit ?? 50) as JobRow[];
}

/**
 * Resets jobs whose worker died: a running job whose heartbeat is older than `staleMs` goes back
 * to the queue while it has attempts left, else it fails with the reason. Run at worker start-up.
 */
export function resetStaleJobs(db: Database.Database, options: { staleMs: number }): { requeued: number; failed: number } {
  const t = now();
  const cutoff = sqlTimestamp(new Date(Date.now() - options.staleMs));
  const reason = "the worker running this job stopped (crashed or was killed) before it finished";
  const requeued = db
    .prepare(
      `UPDATE jobs SET status = 'queued', lockedBy = NULL, lockedAt = NULL, lastError = ?, message = 'requeued after a worker stopped', updatedAt = ?
       WHERE status = 'running' AND COALESCE(heartbeatAt, lockedAt) < ? AND attempts < maxAttempts AND cancelRequested = 0`,
    )
    .run(reason, t, cutoff).changes;
  const failed = db
    .prepare(
      `UPDATE jobs SET status = CASE WHEN cancelRequested = 1 THEN 'cancelled' ELSE 'failed' END, lockedBy = NULL, lockedAt = NULL,
         lastError = ?, message = ?, finishedAt = ?, updatedAt = ?
       WHERE status = 'running' AND COALESCE(heartbeatAt, lockedAt) < ?`,
    )
    .run(reason, reason, t, t, cutoff).changes;
  return { requeued, failed };
}
