import type Database from "better-sqlite3";
import { initEngine } from "../ml/backend";
import { createModel } from "../ml/create-model";
import { argmaxRows, predict } from "../ml/evaluate";
import { parseModelConfig, type ModelConfig } from "../ml/model-config";
import { train } from "../ml/train";
import { CANONICAL_PIXELS } from "../images/canonical-form";
import { groupKFold } from "../ink/writer-split";
import { sqlTimestamp } from "../db/timestamp";
import { CurationInputError } from "../dataset/curation-errors";
import { requireModel } from "./evaluation-store";
import { findLabelIssues } from "./confident-learning";

export interface CrossValidationSummary {
  modelId: number;
  k: number;
  epochs: number;
  /** Training samples with a label the model knows (augmented ones included, they only train). */
  samples: number;
  /** Samples ranked (augmented variants are never suspects: their label follows their parent). */
  ranked: number;
  grouping: "writer" | "content";
  foldAccuracy: number[];
  /** Out-of-fold accuracy over the ranked samples. */
  oofAccuracy: number;
  thresholds: Record<string, number>;
  issues: number;
  /** Suspects not stored because a person already kept that sample's label. */
  alreadyKept: number;
  cancelled: boolean;
}

interface TrainRow {
  id: number;
  label: string;
  canonical: Buffer;
  writer: string | null;
  parentId: number | null;
  source: string;
}

/**
 * Label-error search for a model's run: k models (the run's config, fewer epochs) each train on
 * k-1 folds of the TRAIN snapshot and predict the held-out fold, giving out-of-fold
 * probabilities for every sample; confident learning then ranks the suspects, which replace the
 * model's open label issues. Folds keep a writer (when known) and a sample with its augmented
 * variants inside one fold, so no model has seen the hand or image it is asked about.
 */
export async function crossValidateModel(options: {
  db: Database.Database;
  modelId: number;
  k?: number;
  epochs?: number;
  jobId?: number | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
  log?: (message: string) => void;
}): Promise<CrossValidationSummary> {
  const { db } = options;
  const model = requireModel(db, options.modelId);
  const classes = JSON.parse(model.classes) as string[];
  const index = new Map(classes.map((c, i) => [c, i]));
  const base = parseModelConfig(JSON.parse(model.config));
  const epochs = options.epochs ?? Math.min(base.epochs, 3);
  const config: ModelConfig = { ...base, epochs, earlyStopping: undefined };

  const rows = (db
    .prepare(
      `SELECT s.id, s.label, s.canonical, s.writer, s.parentId, s.source FROM run_samples rs JOIN samples s ON s.id = rs.sampleId
       WHERE rs.runId = ? AND rs.split = 'train' ORDER BY s.id`,
    )
    .all(model.runId) as TrainRow[]).filter((r) => index.has(r.label));
  const n = rows.length;
  const hasWriters = rows.some((r) => r.writer !== null);
  const items = rows.map((r) => ({ id: String(r.parentId ?? r.id), writer: r.writer ?? `\u0001sample:${r.parentId ?? r.id}` }));
  const groups = new Set(items.map((i) => i.writer)).size;
  const k = Math.min(options.k ?? 3, groups);
  if (k < 2) throw new CurationInputError(`the run's train split has ${groups} group(s) of samples; cross-validation needs at least 2`, "k");
  const folds = groupKFold(items, k, base.seed);

  const x = new Uint8Array(n * CANONICAL_PIXELS);
  const labels = new Int32Array(n);
  rows.forEach((r, i) => {
    x.set(r.canonical, i * CANONICAL_PIXELS);
    labels[i] = index.get(r.label)!;
  });
  const numClasses = classes.length;
  const oof = new Float32Array(n * numClasses);
  const engine = await initEngine();
  const foldAccuracy: number[] = [];
  let cancelled = false;
  for (let f = 0; f < k; f++) {
    const trainIdx: number[] = [];
    const heldIdx: number[] = [];
    folds.forEach((fold, i) => (fold === f ? heldIdx : trainIdx).push(i));
    const net = createModel({ ...config, seed: base.seed + f }, numClasses);
    try {
      const result = await train(net, { train: gather(x, labels, trainIdx), numClasses }, { ...config, seed: base.seed + f }, {
        signal: options.signal,
        threads: engine.name === "wasm" ? 2 : 1,
        onBatchEnd: (b) => {
          const within = (b.epoch + (b.batch + 1) / b.batchesPerEpoch) / epochs;
          options.onProgress?.((f + within) / k, `fold ${f + 1}/${k}: epoch ${b.epoch + 1}/${epochs}, loss ${b.loss.toFixed(3)}`);
        },
      });
      if (result.stopReason === "cancelled") {
        cancelled = true;
        break;
      }
      const held = gather(x, labels, heldIdx);
      const probs = await predict(net, held.x);
      const pred = argmaxRows(probs, numClasses);
      let correct = 0;
      heldIdx.forEach((row, j) => {
        oof.set(probs.subarray(j * numClasses, (j + 1) * numClasses), row * numClasses);
        if (pred[j] === labels[row]) correct++;
      });
      foldAccuracy.push(heldIdx.length ? correct / heldIdx.length : 0);
      options.log?.(`fold ${f + 1}/${k}: ${trainIdx.length} train, ${heldIdx.length} held out, accuracy ${(foldAccuracy[f]! * 100).toFixed(1)}%`);
    } finally {
      net.dispose();
    }
  }
  const summaryBase = { modelId: model.id, k, epochs, samples: n, grouping: hasWriters ? ("writer" as const) : ("content" as const), foldAccuracy };
  if (cancelled) return { ...summaryBase, ranked: 0, oofAccuracy: 0, thresholds: {}, issues: 0, alreadyKept: 0, cancelled: true };

  // Rank originals only: an augmented variant's label follows its parent's.
  const ranked = rows.flatMap((r, i) => (r.source === "augmented" ? [] : [i]));
  const rankedProbs = new Float32Array(ranked.length * numClasses);
  const rankedLabels = new Int32Array(ranked.length);
  ranked.forEach((row, j) => {
    rankedProbs.set(oof.subarray(row * numClasses, (row + 1) * numClasses), j * numClasses);
    rankedLabels[j] = labels[row]!;
  });
  const found = findLabelIssues({ probs: rankedProbs, labels: rankedLabels, numClasses });
  const oofPred = argmaxRows(rankedProbs, numClasses);
  const oofAccuracy = ranked.length ? oofPred.reduce((s, p, j) => s + (p === rankedLabels[j] ? 1 : 0), 0) / ranked.length : 0;

  const { stored, alreadyKept } = db.transaction(() => {
    db.prepare(`DELETE FROM label_issues WHERE modelId = ? AND status = 'open'`).run(model.id);
    const isKept = db.prepare(`SELECT 1 FROM label_issues WHERE sampleId = ? AND givenLabel = ? AND status = 'kept' LIMIT 1`).pluck();
    const insert = db.prepare(
      `INSERT INTO label_issues (modelId, sampleId, givenLabel, suggestedLabel, selfConfidence, probs, rank, status, jobId, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    );
    const now = sqlTimestamp();
    let stored = 0;
    let alreadyKept = 0;
    for (const issue of found.issues) {
      const row = rows[ranked[issue.index]!]!;
      if (isKept.get(row.id, row.label)) {
        alreadyKept++;
        continue;
      }
      const p = rankedProbs.subarray(issue.index * numClasses, (issue.index + 1) * numClasses);
      const probs = Object.fromEntries(classes.map((c, j) => [c, Math.round(p[j]! * 1e4) / 1e4]));
      insert.run(model.id, row.id, row.label, classes[issue.suggested]!, issue.selfConfidence, JSON.stringify(probs), ++stored, options.jobId ?? null, now);
    }
    return { stored, alreadyKept };
  })();
  return {
    ...summaryBase,
    ranked: ranked.length,
    oofAccuracy,
    thresholds: Object.fromEntries(classes.map((c, j) => [c, Number.isFinite(found.thresholds[j]!) ? Math.round(found.thresholds[j]! * 1e4) / 1e4 : null])) as Record<string, number>,
    issues: stored,
    alreadyKept,
    cancelled: false,
  };
}

function gather(x: Uint8Array, labels: Int32Array, idx: readonly number[]) {
  const gx = new Uint8Array(idx.length * CANONICAL_PIXELS);
  const gl = new Int32Array(idx.length);
  idx.forEach((row, j) => {
    gx.set(x.subarray(row * CANONICAL_PIXELS, (row + 1) * CANONICAL_PIXELS), j * CANONICAL_PIXELS);
    gl[j] = labels[row]!;
  });
  return { x: gx, labels: gl };
}
