import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import type { AugmentPlan } from "./build-plan";

/** planned -> running -> done; a stopped worker leaves "interrupted" (resumed on retry). */
export type AugmentRunStatus = "planned" | "running" | "interrupted" | "done" | "cancelled" | "failed" | "removed";

export interface AugmentRunRow {
  id: number;
  jobId: number | null;
  plan: string;
  pipeline: string;
  target: string;
  classes: string;
  seed: number;
  includeSynthetic: number;
  status: AugmentRunStatus;
  planned: number;
  generated: number;
  duplicates: number;
  cursor: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A run as the API and the page show it (no plan JSON; `samples` is what is stored now). */
export interface AugmentRunView {
  id: number;
  jobId: number | null;
  status: AugmentRunStatus;
  classes: string[];
  target: AugmentPlan["target"];
  seed: number;
  includeSynthetic: boolean;
  planned: number;
  generated: number;
  duplicates: number;
  /** Samples of this run still stored (fewer than generated when parents were deleted). */
  samples: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export class AugmentRunNotFoundError extends Error {}
/** The run is still generating; cancel its job first. */
export class AugmentRunBusyError extends Error {}

/** Stores a plan as a new run, ready for runAugmentPlan. */
export function createAugmentRun(db: Database.Database, plan: AugmentPlan, options: { jobId?: number | null } = {}): AugmentRunRow {
  return db
    .prepare(
      `INSERT INTO augment_runs (jobId, plan, pipeline, target, classes, seed, includeSynthetic, status, planned, generated, duplicates, cursor, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, 0, 0, 0, ?) RETURNING *`,
    )
    .get(
      options.jobId ?? null,
      JSON.stringify(plan.rebalance),
      JSON.stringify(plan.pipeline),
      JSON.stringify(plan.target),
      JSON.stringify(plan.classes),
      plan.seed,
      plan.includeSynthetic ? 1 : 0,
      plan.rebalance.total.toGenerate,
      sqlTimestamp(),
    ) as AugmentRunRow;
}

export function setAugmentRunJob(db: Database.Database, runId: number, jobId: number): void {
  db.prepare(`UPDATE augment_runs SET jobId = ? WHERE id = ?`).run(jobId, runId);
}

export function getAugmentRun(db: Database.Database, id: number): AugmentRunRow | null {
  return (db.prepare(`SELECT * FROM augment_runs WHERE id = ?`).get(id) as AugmentRunRow | undefined) ?? null;
}

/** The plan a run was created with, as runAugmentPlan takes it. */
export function planOfRun(run: AugmentRunRow): AugmentPlan {
  return {
    rebalance: JSON.parse(run.plan) as AugmentPlan["rebalance"],
    reference: [],
    classes: JSON.parse(run.classes) as string[],
    target: JSON.parse(run.target) as AugmentPlan["target"],
    includeSynthetic: run.includeSynthetic === 1,
    pipeline: JSON.parse(run.pipeline) as AugmentPlan["pipeline"],
    seed: run.seed,
  };
}

/** Recent runs, newest first. */
export function listAugmentRuns(db: Database.Database, options: { limit?: number } = {}): AugmentRunView[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.jobId, r.status, r.classes, r.target, r.seed, r.includeSynthetic, r.planned, r.generated, r.duplicates,
              r.error, r.createdAt, r.finishedAt,
              (SELECT COUNT(*) FROM samples s WHERE s.augmentRunId = r.id) AS samples
       FROM augment_runs r ORDER BY r.id DESC LIMIT ?`,
    )
    .all(options.limit ?? 50) as (Omit<AugmentRunRow, "plan" | "pipeline" | "cursor"> & { samples: number })[];
  return rows.map((r) => ({
    ...r,
    classes: JSON.parse(r.classes) as string[],
    target: JSON.parse(r.target) as AugmentPlan["target"],
    includeSynthetic: r.includeSynthetic === 1,
  }));
}

/** Deletes every sample of a run (and their predictions), without touching the run row. */
export function deleteRunSamples(db: Database.Database, runId: number): number {
  return db.transaction(() => {
    db.prepare(`DELETE FROM predictions WHERE sampleId IN (SELECT id FROM samples WHERE augmentRunId = ?)`).run(runId);
    // Children of these samples (a later run with includeSynthetic) go too, by ON DELETE CASCADE.
    return db.prepare(`DELETE FROM samples WHERE augmentRunId = ?`).run(runId).changes;
  })();
}

/**
 * Removes a generated batch as one unit: all its samples in one transaction. The run row stays,
 * marked "removed", as history. A running run is refused (cancel its job; the job then removes
 * what it had written).
 */
export function removeAugmentRun(db: Database.Database, id: number): { removed: number; run: AugmentRunRow } {
  return db.transaction(() => {
    const run = getAugmentRun(db, id);
    if (!run) throw new AugmentRunNotFoundError(`no augment run ${id}`);
    if (run.status === "running") throw new AugmentRunBusyError(`augment run ${id} is still running; cancel job ${run.jobId ?? "?"} first`);
    const removed = deleteRunSamples(db, id);
    const updated = db
      .prepare(`UPDATE augment_runs SET status = 'removed', finishedAt = COALESCE(finishedAt, ?) WHERE id = ? RETURNING *`)
      .get(sqlTimestamp(), id) as AugmentRunRow;
    return { removed, run: updated };
  })();
}
