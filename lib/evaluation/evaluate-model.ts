import type Database from "better-sqlite3";
import { initEngine } from "../ml/backend";
import { argmaxRows, computeMetrics, predict, topK } from "../ml/evaluate";
import { loadModel } from "../ml/model-io";
import { sqlTimestamp } from "../db/timestamp";
import { NotFoundError } from "../dataset/curation-errors";
import { getModel } from "../training/models";
import { loadCurrentSplit } from "./load-current-split";
import type { EvaluationMetrics, EvaluationSamples, EvaluationSplit } from "./evaluation-store";

export interface EvaluateModelResult {
  modelId: number;
  evaluations: { id: number; split: EvaluationSplit; accuracy: number; total: number; skipped: number; relabelledSinceRun: number }[];
  predictions: number;
}

const SPLITS: readonly EvaluationSplit[] = ["test", "val"];

/**
 * Scores a model on its run's test and val snapshot samples with their current labels, stores
 * the top-3 prediction of every sample (replacing the model's earlier ones) and one evaluation
 * row per split, in one transaction so the page never shows predictions of one pass with the
 * metrics of another.
 */
export async function evaluateModel(options: {
  db: Database.Database;
  modelId: number;
  jobId?: number | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
}): Promise<EvaluateModelResult> {
  const { db, modelId } = options;
  const model = getModel(db, modelId);
  if (!model) throw new NotFoundError(`no model ${modelId}`);
  const classes = JSON.parse(model.classes) as string[];
  await initEngine();
  const net = await loadModel(model.dir);
  try {
    const passes: { split: EvaluationSplit; data: ReturnType<typeof loadCurrentSplit>; probs: Float32Array; pred: Int32Array; metrics: ReturnType<typeof computeMetrics> }[] = [];
    for (const [i, split] of SPLITS.entries()) {
      options.signal?.throwIfAborted();
      options.onProgress?.(i / SPLITS.length, `predicting the ${split} split`);
      const data = loadCurrentSplit(db, { runId: model.runId, split, classes });
      const probs = await predict(net, data.x);
      const pred = argmaxRows(probs, classes.length);
      const metrics = computeMetrics(data.labels, pred, classes);
      passes.push({ split, data, probs, pred, metrics });
    }
    options.signal?.throwIfAborted();
    const k = classes.length;
    const now = sqlTimestamp();
    return db.transaction(() => {
      db.prepare(`DELETE FROM predictions WHERE modelId = ?`).run(modelId);
      const insertPrediction = db.prepare(
        `INSERT INTO predictions (modelId, sampleId, label, confidence, top3, createdAt) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(modelId, sampleId) DO UPDATE SET label = excluded.label, confidence = excluded.confidence, top3 = excluded.top3, createdAt = excluded.createdAt`,
      );
      const insertEvaluation = db.prepare(
        `INSERT INTO evaluations (modelId, split, metrics, samples, accuracy, total, jobId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      );
      let predictions = 0;
      const evaluations: EvaluateModelResult["evaluations"] = [];
      for (const { split, data, probs, pred, metrics } of passes) {
        for (let r = 0; r < data.labels.length; r++) {
          const top = topK(probs.subarray(r * k, (r + 1) * k), Math.min(3, k)).map((t) => [classes[t.index]!, round(t.probability)]);
          insertPrediction.run(modelId, data.sampleIds[r]!, classes[pred[r]!]!, probs[r * k + pred[r]!]!, JSON.stringify(top), now);
          predictions++;
        }
        const stored: EvaluationMetrics = { ...metrics, classes, skipped: data.skipped, relabelledSinceRun: data.relabelledSinceRun };
        const samples: EvaluationSamples = { ids: [...data.sampleIds], trueIdx: [...data.labels], predIdx: [...pred] };
        const row = insertEvaluation.get(modelId, split, JSON.stringify(stored), JSON.stringify(samples), metrics.accuracy, metrics.total, options.jobId ?? null, now) as { id: number };
        evaluations.push({ id: row.id, split, accuracy: metrics.accuracy, total: metrics.total, skipped: data.skipped, relabelledSinceRun: data.relabelledSinceRun });
      }
      return { modelId, evaluations, predictions };
    })();
  } finally {
    net.dispose();
  }
}

const round = (p: number) => Math.round(p * 1e5) / 1e5;
