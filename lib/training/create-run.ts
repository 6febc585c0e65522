import type Database from "better-sqlite3";
import { enqueueJob } from "../jobs/queue";
import { sqlTimestamp } from "../db/timestamp";
import { resolveTrainingClasses } from "./resolve-classes";
import type { TrainRequest } from "./train-request";

export interface RunRow {
  id: number;
  jobId: number | null;
  sweepId: number | null;
  status: string;
  classes: string;
  classSet: string | null;
  config: string;
  splitMode: string;
  augment: string | null;
  engine: string | null;
  threads: number | null;
  trainCount: number;
  valCount: number;
  testCount: number;
  epochsRun: number;
  progress: number;
  samplesPerSec: number | null;
  etaSeconds: number | null;
  durationMs: number | null;
  valAccuracy: number | null;
  testAccuracy: number | null;
  macroF1: number | null;
  stopReason: string | null;
  error: string | null;
  modelId: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Records a run for a validated request (status queued); classes are resolved now, so a bad set fails here. */
export function createTrainingRun(db: Database.Database, request: TrainRequest): RunRow {
  const { classes, classSet } = resolveTrainingClasses(db, request);
  return db
    .prepare(
      `INSERT INTO training_runs (sweepId, status, classes, classSet, config, splitMode, augment, trainCount, valCount, testCount, epochsRun, progress, createdAt)
       VALUES (?, 'queued', ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?) RETURNING *`,
    )
    .get(
      request.sweepId ?? null,
      JSON.stringify(classes),
      classSet,
      JSON.stringify(request.config),
      request.splitMode,
      request.augmentOnTheFly ? JSON.stringify({ pipeline: "default" }) : null,
      sqlTimestamp(),
    ) as RunRow;
}

/** Creates the run and queues its "train" job in one transaction. */
export function enqueueTraining(db: Database.Database, request: TrainRequest): { runId: number; jobId: number } {
  return db.transaction(() => {
    const run = createTrainingRun(db, request);
    const job = enqueueJob(db, { type: "train", payload: { runId: run.id, autoPromote: request.autoPromote }, maxAttempts: 2 });
    db.prepare(`UPDATE training_runs SET jobId = ? WHERE id = ?`).run(job.id, run.id);
    return { runId: run.id, jobId: job.id };
  })();
}

export function getRun(db: Database.Database, id: number): RunRow | null {
  return (db.prepare(`SELECT * FROM training_runs WHERE id = ?`).get(id) as RunRow | undefined) ?? null;
}

export function getRunEpochs(db: Database.Database, runId: number) {
  return db.prepare(`SELECT epoch, loss, acc, valLoss, valAcc, samplesPerSec, seconds FROM run_epochs WHERE runId = ? ORDER BY epoch`).all(runId) as {
    epoch: number; loss: number; acc: number; valLoss: number | null; valAcc: number | null; samplesPerSec: number; seconds: number;
  }[];
}

export function listRuns(db: Database.Database, options: { sweepId?: number; limit?: number } = {}): RunRow[] {
  const where = options.sweepId ? `WHERE sweepId = ?` : "";
  const args: unknown[] = options.sweepId ? [options.sweepId] : [];
  return db.prepare(`SELECT * FROM training_runs ${where} ORDER BY id DESC LIMIT ?`).all(...args, options.limit ?? 100) as RunRow[];
}
