import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type * as tf from "@tensorflow/tfjs";
import { initEngine } from "../ml/backend";
import { createModel } from "../ml/create-model";
import { argmaxRows, computeMetrics, predict, type Metrics } from "../ml/evaluate";
import { loadModel, saveModel } from "../ml/model-io";
import { parseModelConfig } from "../ml/model-config";
import { train, type EpochLogs } from "../ml/train";
import { applyRecipe, DEFAULT_PIPELINE, deriveSeed, sampleRecipe } from "../augment";
import { sqlTimestamp } from "../db/timestamp";
import type { SplitMode } from "../dataset/resolve-splits";
import { getRun } from "./create-run";
import { getCurrentModel, promoteModel } from "./models";
import { loadSnapshotSplit, takeSnapshot, type LoadedSplit } from "./snapshot";
import { TrainingInputError } from "./resolve-classes";

export interface RunTrainingOptions {
  db: Database.Database;
  runId: number;
  modelsDir: string;
  signal?: AbortSignal;
  autoPromote?: boolean;
  onProgress?: (fraction: number, message: string) => void;
  log?: (message: string) => void;
}

export interface TrainingSummary {
  runId: number;
  status: "succeeded" | "cancelled";
  modelId: number | null;
  engine: string;
  threads: number;
  classes: string[];
  splitMode: string;
  counts: { train: number; val: number; test: number };
  epochsRun: number;
  stopReason: string;
  samplesPerSec: number;
  durationMs: number;
  valAccuracy: number | null;
  testAccuracy: number | null;
  macroF1: number | null;
  weightedF1: number | null;
  promoted: boolean;
  promotionNote: string;
}

/** Progress rows are written at most this often: enough for live curves, light on SQLite. */
const PROGRESS_EVERY_MS = 1000;

/**
 * Trains one run end to end: freezes its dataset snapshot, trains with live progress written to
 * the database, evaluates on the test split, saves the model atomically and only then records
 * it (and maybe promotes it), so a crash can never leave a half-written model marked current.
 */
export async function runTraining(options: RunTrainingOptions): Promise<TrainingSummary> {
  const { db, runId } = options;
  const log = options.log ?? (() => {});
  const run = getRun(db, runId);
  if (!run) throw new TrainingInputError(`no training run ${runId}`, "runId");
  const started = Date.now();
  const classes = JSON.parse(run.classes) as string[];
  const config = parseModelConfig(JSON.parse(run.config));
  const splitMode = run.splitMode as SplitMode;

  db.prepare(`UPDATE training_runs SET status = 'running', startedAt = ?, error = NULL, progress = 0, epochsRun = 0 WHERE id = ?`).run(sqlTimestamp(), runId);
  db.prepare(`DELETE FROM run_epochs WHERE runId = ?`).run(runId);
  try {
    const engine = await initEngine();
    log(`engine: ${engine.name} (${engine.details})`);
    const counts = takeSnapshot(db, { runId, classes, splitMode, seed: config.seed });
    const trainSet = loadSnapshotSplit(db, { runId, split: "train", classes });
    const valSet = loadSnapshotSplit(db, { runId, split: "val", classes });
    const testSet = loadSnapshotSplit(db, { runId, split: "test", classes });
    const threads = engine.name === "wasm" ? 2 : 1;
    db.prepare(`UPDATE training_runs SET engine = ?, threads = ?, trainCount = ?, valCount = ?, testCount = ? WHERE id = ?`).run(
      engine.name, threads, trainSet.labels.length, valSet.labels.length, testSet.labels.length, runId,
    );
    log(`snapshot: ${counts.train} train, ${counts.val} val, ${counts.test} test samples over ${classes.length} classes (${splitMode} split)`);

    const model = createModel(config, classes.length);
    let lastWrite = 0;
    const totalSteps = config.epochs;
    const progressUpdate = db.prepare(`UPDATE training_runs SET progress = ?, samplesPerSec = ?, etaSeconds = ? WHERE id = ?`);
    const epochInsert = db.prepare(
      `INSERT OR REPLACE INTO run_epochs (runId, epoch, loss, acc, valLoss, valAcc, samplesPerSec, seconds, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const report = (fraction: number, samplesPerSec: number, message: string) => {
      const elapsed = (Date.now() - started) / 1000;
      const eta = fraction > 0.01 ? (elapsed / fraction) * (1 - fraction) : null;
      progressUpdate.run(fraction, samplesPerSec, eta, runId);
      options.onProgress?.(fraction, message);
    };
    const result = await train(model, { train: trainSet, val: valSet.labels.length > 0 ? valSet : undefined, numClasses: classes.length }, config, {
      signal: options.signal,
      threads,
      augment: run.augment ? onTheFlyAugment(config.seed) : undefined,
      onBatchEnd: (b) => {
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        const fraction = (b.epoch + (b.batch + 1) / b.batchesPerEpoch) / totalSteps;
        report(fraction, b.samplesPerSec, `epoch ${b.epoch + 1}/${totalSteps}, batch ${b.batch + 1}/${b.batchesPerEpoch}, loss ${b.loss.toFixed(3)}`);
      },
      onEpochEnd: (epoch, e: EpochLogs) => {
        epochInsert.run(runId, epoch, e.loss, e.acc, e.valLoss ?? null, e.valAcc ?? null, e.samplesPerSec, e.seconds, sqlTimestamp());
        db.prepare(`UPDATE training_runs SET epochsRun = ? WHERE id = ?`).run(epoch + 1, runId);
        log(`epoch ${epoch + 1}: loss ${e.loss.toFixed(4)} acc ${e.acc.toFixed(4)} val_loss ${e.valLoss?.toFixed(4) ?? "-"} val_acc ${e.valAcc?.toFixed(4) ?? "-"} (${e.samplesPerSec.toFixed(0)} samples/s)`);
        report((epoch + 1) / totalSteps, e.samplesPerSec, `epoch ${epoch + 1}/${totalSteps} done, val acc ${e.valAcc?.toFixed(3) ?? "-"}`);
      },
    });
    const samplesPerSec = mean(result.history.map((h) => h.samplesPerSec));
    const base = {
      runId, engine: engine.name, threads: result.threads, classes, splitMode, counts,
      epochsRun: result.epochsRun, stopReason: result.stopReason, samplesPerSec,
    };
    if (result.stopReason === "cancelled") {
      model.dispose();
      const durationMs = Date.now() - started;
      db.prepare(`UPDATE training_runs SET status = 'cancelled', stopReason = 'cancelled', durationMs = ?, finishedAt = ? WHERE id = ?`).run(durationMs, sqlTimestamp(), runId);
      return { ...base, status: "cancelled", modelId: null, durationMs, valAccuracy: null, testAccuracy: null, macroF1: null, weightedF1: null, promoted: false, promotionNote: "cancelled" };
    }

    options.onProgress?.(1, "evaluating on the test split");
    const valMetrics = valSet.labels.length > 0 ? await evaluateOn(model, valSet, classes) : null;
    const testMetrics = testSet.labels.length > 0 ? await evaluateOn(model, testSet, classes) : null;
    const dir = path.join(options.modelsDir, `run-${runId}`);
    await saveModel(model, dir, { metadata: { classes, config, runId, splitMode, engine: engine.name } });
    model.dispose();
    const sizeBytes = dirSize(dir);
    const durationMs = Date.now() - started;

    const modelId = db.transaction(() => {
      db.prepare(`DELETE FROM models WHERE runId = ?`).run(runId);
      const row = db
        .prepare(
          `INSERT INTO models (runId, name, dir, classes, config, engine, splitMode, valAccuracy, testAccuracy, macroF1, sizeBytes, isCurrent, createdAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING id`,
        )
        .get(
          runId, `run ${runId}`, dir, run.classes, JSON.stringify(config), engine.name, splitMode,
          valMetrics?.accuracy ?? null, testMetrics?.accuracy ?? null, testMetrics?.macro.f1 ?? null, sizeBytes, sqlTimestamp(),
        ) as { id: number };
      db.prepare(
        `UPDATE training_runs SET status = 'succeeded', modelId = ?, valAccuracy = ?, testAccuracy = ?, macroF1 = ?, stopReason = ?, samplesPerSec = ?,
           durationMs = ?, progress = 1, etaSeconds = 0, finishedAt = ? WHERE id = ?`,
      ).run(row.id, valMetrics?.accuracy ?? null, testMetrics?.accuracy ?? null, testMetrics?.macro.f1 ?? null, result.stopReason, samplesPerSec, durationMs, sqlTimestamp(), runId);
      return row.id;
    })();

    const { promoted, note } = options.autoPromote === false ? { promoted: false, note: "auto-promotion off" } : await maybePromote(db, { modelId, classes: run.classes, valSet, valAccuracy: valMetrics?.accuracy ?? null });
    log(`model ${modelId} saved to ${dir}; ${note}`);
    return {
      ...base, status: "succeeded", modelId, durationMs,
      valAccuracy: valMetrics?.accuracy ?? null, testAccuracy: testMetrics?.accuracy ?? null,
      macroF1: testMetrics?.macro.f1 ?? null, weightedF1: testMetrics?.weighted.f1 ?? null,
      promoted, promotionNote: note,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    db.prepare(`UPDATE training_runs SET status = 'failed', error = ?, finishedAt = ? WHERE id = ?`).run(message, sqlTimestamp(), runId);
    throw err;
  }
}

/** Per-sample augmentation seeded by (run seed, epoch, index): reproducible, different every epoch. */
function onTheFlyAugment(seed: number) {
  return (pixels: Uint8Array, index: number, epoch: number) =>
    applyRecipe(pixels, sampleRecipe(DEFAULT_PIPELINE, deriveSeed(deriveSeed(seed, epoch), index) & 0x7fffffff));
}

export async function evaluateOn(model: tf.LayersModel, set: LoadedSplit, classes: string[]): Promise<Metrics> {
  const probs = await predict(model, set.x);
  return computeMetrics(set.labels, argmaxRows(probs, classes.length), classes);
}

/**
 * Promotes the new model when there is no current one, or when it beats the current one on this
 * run's own validation set (both models scored on the same samples). Models over different
 * class lists are not compared: a person promotes those by hand.
 */
async function maybePromote(
  db: Database.Database,
  options: { modelId: number; classes: string; valSet: LoadedSplit; valAccuracy: number | null },
): Promise<{ promoted: boolean; note: string }> {
  const current = getCurrentModel(db);
  if (!current) {
    promoteModel(db, options.modelId);
    return { promoted: true, note: "promoted: there was no current model" };
  }
  if (current.classes !== options.classes) return { promoted: false, note: `kept model ${current.id} current: it covers other classes` };
  if (options.valAccuracy === null || options.valSet.labels.length === 0) return { promoted: false, note: "no validation samples to compare on" };
  let currentAcc: number;
  try {
    const currentModel = await loadModel(current.dir);
    currentAcc = (await evaluateOn(currentModel, options.valSet, JSON.parse(current.classes) as string[])).accuracy;
    currentModel.dispose();
  } catch (err) {
    return { promoted: false, note: `could not score current model ${current.id}: ${(err as Error).message}` };
  }
  if (options.valAccuracy > currentAcc) {
    promoteModel(db, options.modelId);
    return { promoted: true, note: `promoted: val accuracy ${fmt(options.valAccuracy)} > ${fmt(currentAcc)} of model ${current.id} on the same val set` };
  }
  return { promoted: false, note: `kept model ${current.id}: its val accuracy ${fmt(currentAcc)} >= ${fmt(options.valAccuracy)} on the same val set` };
}

const fmt = (x: number) => `${(x * 100).toFixed(2)}%`;
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

function dirSize(dir: string): number {
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}
