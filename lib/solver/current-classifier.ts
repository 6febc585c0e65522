import type Database from "better-sqlite3";
import type * as tf from "@tensorflow/tfjs";
import type { SymbolClassifier } from "../equation/classify";
import { AUGMENTED_STROKE, TARGET_STROKE } from "../equation/stroke-thickness";
import { withTestTimeViews } from "../equation/test-time-views";
import { CANONICAL_PIXELS } from "../images/canonical-form";
import { initEngine, type EngineInfo } from "../ml/backend";
import { predict } from "../ml/evaluate";
import { loadModel } from "../ml/model-io";
import { getCurrentModel, getModel, type ModelRow } from "../training/models";

/**
 * A crop the model reads at this probability or more on its own is not read again in views.
 * On the val writers' benchmark 0.999 gave the same exact lines in every section but one (a
 * simulated photo of a system, 40 -> 39 of 60) and cut the 10-symbol line's classify time by
 * about half; 0.99 gained one composed line and lost three (one power, two photographed systems).
 */
const VIEWS_SURE_AT = 0.999;

/** The current model, loaded and ready to classify. */
export interface LoadedClassifier extends SymbolClassifier {
  modelId: number;
  modelName: string;
  engine: EngineInfo["name"];
  /** How long loading (engine, weights, warm-up) took, for the timing report. */
  loadMs: number;
}

interface Cache {
  key: string;
  loading: Promise<LoadedClassifier & { model: tf.LayersModel }>;
}

// On globalThis so Next's dev reloads of this module do not load the model again.
const holder = globalThis as unknown as { inksetSolverModel?: Cache };

/** The current model's row is read on every call (one indexed query): a promotion is picked up at once. */
export class NoModelError extends Error {
  constructor() {
    super("no current model: train a model first (Train page or `npm run train`)");
    this.name = "NoModelError";
  }
}

/**
 * The current model as a classifier, loaded once and kept in this process; loaded again when
 * another model becomes current (or its files move). Throws NoModelError before any model
 * has been trained and promoted.
 */
export async function getCurrentClassifier(db: Database.Database): Promise<LoadedClassifier> {
  const row = getCurrentModel(db);
  if (!row) throw new NoModelError();
  const key = `${row.id}:${row.dir}`;
  const cached = holder.inksetSolverModel;
  if (cached && cached.key === key) {
    try {
      return await cached.loading;
    } catch {
      // A failed load is retried on the next call rather than cached forever.
    }
  }
  const previous = cached;
  const loading = loadClassifier(row, trainedStrokeWidth(db, row.runId));
  holder.inksetSolverModel = { key, loading };
  loading.catch(() => {
    if (holder.inksetSolverModel?.loading === loading) holder.inksetSolverModel = undefined;
  });
  const loaded = await loading;
  // The model that was current until now is freed only once its successor is ready.
  if (previous && previous.key !== key) previous.loading.then((p) => p.model.dispose()).catch(() => undefined);
  return loaded;
}

/**
 * Any model of the database as a classifier, loaded afresh (not cached): for benchmarks that
 * compare a candidate with the current model. Throws when no model has that id.
 */
export async function loadClassifierForModel(db: Database.Database, modelId: number): Promise<LoadedClassifier> {
  const row = getModel(db, modelId);
  if (!row) throw new Error(`no model ${modelId}`);
  return loadClassifier(row, trainedStrokeWidth(db, row.runId));
}

/** Drops the cached model (tests). */
export function forgetCurrentClassifier(): void {
  holder.inksetSolverModel?.loading.then((p) => p.model.dispose()).catch(() => undefined);
  holder.inksetSolverModel = undefined;
}

/**
 * The stroke width the model learned from: its training run's on-the-fly augmentation (the
 * default pipeline thickens strokes by 0-1 px) makes 2 px crops read best; plain canonical
 * ink is 1 px.
 */
function trainedStrokeWidth(db: Database.Database, runId: number): number {
  const run = db.prepare(`SELECT augment FROM training_runs WHERE id = ?`).get(runId) as { augment: string | null } | undefined;
  return run?.augment ? AUGMENTED_STROKE : TARGET_STROKE;
}

async function loadClassifier(row: ModelRow, strokeWidth: number): Promise<LoadedClassifier & { model: tf.LayersModel }> {
  const start = performance.now();
  const engine = await initEngine();
  const model = await loadModel(row.dir);
  const classes = JSON.parse(row.classes) as string[];
  const outputs = model.outputs[0]!.shape[model.outputs[0]!.shape.length - 1];
  if (outputs !== classes.length) {
    model.dispose();
    throw new Error(`model ${row.id} has ${outputs} outputs but ${classes.length} classes`);
  }
  // The first forward pass compiles kernels (~100s of ms on wasm): pay it here, not on a request.
  await predict(model, new Uint8Array(CANONICAL_PIXELS * 4));
  return {
    model,
    classes,
    modelId: row.id,
    modelName: row.name,
    engine: engine.name,
    loadMs: performance.now() - start,
    strokeWidth,
    // Each crop the model is unsure of is read as the mean over itself and a few rotated and
    // zoomed views: on unseen CROHME writers' symbols that cut the error rate by about a sixth.
    predict: withTestTimeViews({ classes, strokeWidth, predict: (images) => predict(model, images) }, undefined, { sureAt: VIEWS_SURE_AT }).predict,
  };
}
