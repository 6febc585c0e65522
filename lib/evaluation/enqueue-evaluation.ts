import type Database from "better-sqlite3";
import { enqueueJob } from "../jobs/queue";
import type { JobRow } from "../jobs/queue";
import { requireModel } from "./evaluation-store";
import type { CrossValidateJobPayload, VisualizeJobPayload } from "./job-payloads";

/** Queues an "evaluate" job for a model (404 for an unknown model). */
export function enqueueEvaluation(db: Database.Database, modelId: number): JobRow {
  requireModel(db, modelId);
  return enqueueJob(db, { type: "evaluate", payload: { modelId } });
}

export function enqueueCrossValidation(db: Database.Database, payload: CrossValidateJobPayload): JobRow {
  requireModel(db, payload.modelId);
  return enqueueJob(db, { type: "cross-validate", payload, maxAttempts: 1 });
}

export function enqueueVisualization(db: Database.Database, payload: VisualizeJobPayload): JobRow {
  requireModel(db, payload.modelId);
  return enqueueJob(db, { type: "visualize", payload, maxAttempts: 1 });
}

/** The newest job of a type for a model (its payload names the model), for "running…" states on the pages. */
export function latestModelJob(db: Database.Database, options: { type: string; modelId: number }): JobRow | null {
  return (
    (db
      .prepare(`SELECT * FROM jobs WHERE type = ? AND json_extract(payload, '$.modelId') = ? ORDER BY id DESC LIMIT 1`)
      .get(options.type, options.modelId) as JobRow | undefined) ?? null
  );
}
