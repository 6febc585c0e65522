import type Database from "better-sqlite3";
import type { Metrics } from "../ml/evaluate";
import { NotFoundError } from "../dataset/curation-errors";
import { getModel, type ModelRow } from "../training/models";

export type EvaluationSplit = "test" | "val";
export const EVALUATION_SPLITS: readonly EvaluationSplit[] = ["test", "val"];

/** What an evaluation stores: lib/ml's metrics plus the class order and what was left out. */
export interface EvaluationMetrics extends Metrics {
  classes: string[];
  skipped: number;
  relabelledSinceRun: number;
}

/** Which sample fell in which cell: aligned arrays of sample id, true and predicted class index. */
export interface EvaluationSamples {
  ids: number[];
  trueIdx: number[];
  predIdx: number[];
}

export interface EvaluationView {
  id: number;
  modelId: number;
  split: EvaluationSplit;
  accuracy: number;
  total: number;
  jobId: number | null;
  createdAt: string;
  metrics: EvaluationMetrics;
}

interface EvaluationRow {
  id: number;
  modelId: number;
  split: EvaluationSplit;
  metrics: string;
  samples: string;
  accuracy: number;
  total: number;
  jobId: number | null;
  createdAt: string;
}

function latestRow(db: Database.Database, modelId: number, split: EvaluationSplit): EvaluationRow | null {
  return (db.prepare(`SELECT * FROM evaluations WHERE modelId = ? AND split = ? ORDER BY id DESC LIMIT 1`).get(modelId, split) as EvaluationRow | undefined) ?? null;
}

/** The newest evaluation of a model on a split, or null before the first one finished. */
export function getLatestEvaluation(db: Database.Database, options: { modelId: number; split: EvaluationSplit }): EvaluationView | null {
  const row = latestRow(db, options.modelId, options.split);
  if (!row) return null;
  const { samples: _samples, metrics, ...rest } = row;
  return { ...rest, metrics: JSON.parse(metrics) as EvaluationMetrics };
}

/** The per-sample cells of the newest evaluation, for cell lookups and model comparison. */
export function getLatestEvaluationSamples(db: Database.Database, options: { modelId: number; split: EvaluationSplit }): (EvaluationSamples & { classes: string[] }) | null {
  const row = latestRow(db, options.modelId, options.split);
  if (!row) return null;
  return { ...(JSON.parse(row.samples) as EvaluationSamples), classes: (JSON.parse(row.metrics) as EvaluationMetrics).classes };
}

/** How many evaluations a model has had (the page says "evaluated N times"). */
export function countEvaluations(db: Database.Database, modelId: number): number {
  return db.prepare(`SELECT COUNT(*) FROM evaluations WHERE modelId = ? AND split = 'test'`).pluck().get(modelId) as number;
}

/** The model or a NotFoundError (HTTP 404). */
export function requireModel(db: Database.Database, modelId: number): ModelRow {
  const model = getModel(db, modelId);
  if (!model) throw new NotFoundError(`no model ${modelId}`);
  return model;
}

export interface CellSample {
  id: number;
  /** The label the evaluation scored against. */
  trueLabel: string;
  predicted: string;
  confidence: number | null;
  /** The sample's label now (differs from trueLabel once someone relabelled it). */
  label: string;
  relabelled: boolean;
  top3: [string, number][];
}

/**
 * Exactly the samples of one confusion cell of the newest evaluation (true class t read as p),
 * least confident first, with their labels as they are now. Unknown model or class -> NotFoundError.
 */
export function listCellSamples(db: Database.Database, options: { modelId: number; split: EvaluationSplit; trueLabel: string; predLabel: string }): { items: CellSample[]; evaluationId: number | null } {
  const model = requireModel(db, options.modelId);
  const classes = JSON.parse(model.classes) as string[];
  for (const c of [options.trueLabel, options.predLabel]) {
    if (!classes.includes(c)) throw new NotFoundError(`model ${model.id} has no class "${c}"; its classes are ${classes.join(" ")}`);
  }
  const row = latestRow(db, model.id, options.split);
  if (!row) return { items: [], evaluationId: null };
  const samples = JSON.parse(row.samples) as EvaluationSamples;
  const evaluated = (JSON.parse(row.metrics) as EvaluationMetrics).classes;
  const t = evaluated.indexOf(options.trueLabel);
  const p = evaluated.indexOf(options.predLabel);
  const ids: number[] = [];
  for (let i = 0; i < samples.ids.length; i++) if (samples.trueIdx[i] === t && samples.predIdx[i] === p) ids.push(samples.ids[i]!);
  if (ids.length === 0) return { items: [], evaluationId: row.id };
  const rows = db
    .prepare(
      `SELECT s.id, s.label, s.relabelled, p.label AS predicted, p.confidence, p.top3
       FROM samples s LEFT JOIN predictions p ON p.modelId = ? AND p.sampleId = s.id
       WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(model.id, JSON.stringify(ids)) as { id: number; label: string; relabelled: number; predicted: string | null; confidence: number | null; top3: string | null }[];
  const items = rows
    .map((r) => ({
      id: r.id,
      trueLabel: options.trueLabel,
      predicted: options.predLabel,
      // A newer prediction row exists only after a re-evaluation; the cell is the evaluation's.
      confidence: r.predicted === options.predLabel ? r.confidence : null,
      label: r.label,
      relabelled: r.relabelled === 1,
      top3: r.top3 ? (JSON.parse(r.top3) as [string, number][]) : [],
    }))
    .sort((a, b) => (a.confidence ?? 0) - (b.confidence ?? 0) || a.id - b.id);
  return { items, evaluationId: row.id };
}

export interface ConfusedPair {
  trueLabel: string;
  predLabel: string;
  count: number;
  /** Share of the true class's samples read as predLabel. */
  rate: number;
  /** The opposite direction's count (predLabel read as trueLabel). */
  reverse: number;
}

/** Off-diagonal cells, largest first ("9 read as 7: 4 of 12"). */
export function mostConfusedPairs(metrics: Pick<EvaluationMetrics, "classes" | "confusion">, limit = 10): ConfusedPair[] {
  const { classes, confusion } = metrics;
  const pairs: ConfusedPair[] = [];
  confusion.forEach((row, t) => {
    const support = row.reduce((s, v) => s + v, 0);
    row.forEach((count, p) => {
      if (t !== p && count > 0) {
        pairs.push({ trueLabel: classes[t]!, predLabel: classes[p]!, count, rate: support ? count / support : 0, reverse: confusion[p]![t]! });
      }
    });
  });
  return pairs.sort((a, b) => b.count - a.count || b.rate - a.rate || a.trueLabel.localeCompare(b.trueLabel)).slice(0, limit);
}
