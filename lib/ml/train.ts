import * as tf from "@tensorflow/tfjs";
import { CANONICAL_PIXELS, CANONICAL_SIZE } from "../images/canonical-form";
import { getEngineName } from "./backend";
import { DataParallel } from "./data-parallel";
import type { ModelConfig } from "./model-config";
import { epochOrder, scheduledLearningRate } from "./epoch-order";
import { shiftOutputLogits, sqrtSamplingLogShift } from "./prior-correction";

/** Canonical images laid end to end (n * 2025 bytes) and their class indices. */
export interface SampleSet {
  x: Uint8Array;
  labels: Int32Array;
}

export interface TrainingData {
  train: SampleSet;
  val?: SampleSet;
  /** Defaults to the model's output width. */
  numClasses?: number;
}

export interface EpochLogs {
  loss: number;
  acc: number;
  valLoss?: number;
  valAcc?: number;
  /** Training samples per second of this epoch (forward, backward, update; validation excluded). */
  samplesPerSec: number;
  seconds: number;
}

export interface BatchLogs {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  /** Running means over the epoch so far. */
  loss: number;
  acc: number;
  samplesPerSec: number;
}

/** A callback may return "stop" (or true) to end training after the current step. */
type StopSignal = void | boolean | "stop";

export interface TrainHooks {
  onEpochEnd?: (epoch: number, logs: EpochLogs) => StopSignal | Promise<StopSignal>;
  onBatchEnd?: (logs: BatchLogs) => StopSignal | Promise<StopSignal>;
  /** Minimum time between two onBatchEnd calls; 500 ms by default. */
  batchThrottleMs?: number;
  signal?: AbortSignal;
  /**
   * Per-draw augmentation of a canonical image; draw is the image's position in the epoch's
   * order, so a sample drawn twice in one epoch gets two variants. Gets a view it must not
   * modify; returns a new 2025-byte image.
   */
  augment?: (pixels: Uint8Array, draw: number, epoch: number) => Uint8Array;
  /**
   * 2 splits each batch between this thread and a worker thread (data parallel: both compute
   * gradients on half the batch, the mean is applied here). The wasm backend uses one core per
   * thread, so this is how a second core helps. Falls back to 1 if the worker cannot start.
   */
  threads?: 1 | 2;
}

export interface TrainResult {
  history: EpochLogs[];
  epochsRun: number;
  /** Epoch (0-based) whose weights the model holds at the end when restoreBestWeights applied. */
  bestEpoch: number;
  stopReason: "completed" | "early-stopping" | "cancelled" | "callback";
  /** Threads actually used, and why not the requested number. */
  threads: number;
  threadsNote?: string;
}

const EPSILON = 1e-7;
const EVAL_BATCH = 256;

/**
 * Trains a model built by createModel with mini-batch SGD of the configured optimizer. Inputs
 * are scaled to [0,1]; batches are reshuffled each epoch from config.seed. The model is
 * compiled with the configured optimizer and loss so it can be saved or evaluated later; each
 * call starts a fresh optimizer. Resolves (never rejects) on cancellation or a stop request.
 */
export async function train(
  model: tf.LayersModel,
  data: TrainingData,
  config: ModelConfig,
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const numClasses = data.numClasses ?? outputWidth(model);
  checkSet(data.train, numClasses, "train");
  if (data.val) checkSet(data.val, numClasses, "val");
  const n = data.train.labels.length;
  if (n === 0) throw new Error("no training samples");

  const optimizer = makeOptimizer(config);
  model.compile({ optimizer, loss: config.loss, metrics: ["accuracy"] });
  const weights = classWeights(data.train.labels, numClasses, config.classWeights);
  // Validation (hence early stopping) scores the model as it will be saved: prior-corrected.
  const priorShift = config.sampling === "sqrt-balanced" ? sqrtSamplingLogShift(data.train.labels, numClasses) : null;
  const batchSize = Math.min(config.batchSize, n);
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const throttle = hooks.batchThrottleMs ?? 500;
  const history: EpochLogs[] = [];
  const patience = config.earlyStopping?.patience;
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] | null = null;
  let sinceBest = 0;
  let stopReason: TrainResult["stopReason"] = "completed";
  let lastYield = Date.now();
  let lastReport = 0;
  let parallel: DataParallel | null = null;
  let threadsNote: string | undefined;
  if ((hooks.threads ?? 1) > 1 && getEngineName() !== "wasm") {
    threadsNote = "a second thread only helps the single-threaded wasm engine";
  } else if ((hooks.threads ?? 1) > 1) {
    try {
      parallel = await DataParallel.start(model, getEngineName());
    } catch (error) {
      threadsNote = `second training thread unavailable: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  try {
    for (let epoch = 0; epoch < config.epochs && stopReason === "completed"; epoch++) {
      const order = epochOrder(data.train.labels, numClasses, config.sampling, config.seed + epoch);
      const start = performance.now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      for (let b = 0; b < batchesPerEpoch; b++) {
        if (hooks.signal?.aborted) {
          stopReason = "cancelled";
          break;
        }
        const idx = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
        if (config.lrSchedule !== "constant") {
          setLearningRate(optimizer, scheduledLearningRate(config.lrSchedule, config.learningRate, epoch * batchesPerEpoch + b, config.epochs * batchesPerEpoch));
        }
        const batch = makeBatch(data.train, idx, b * batchSize, weights, epoch, hooks.augment);
        const step = await trainStep(model, optimizer, batch, numClasses, parallel);
        lossSum += step.loss * idx.length;
        correct += step.correct;
        seen += idx.length;
        const now = Date.now();
        if (hooks.onBatchEnd && (now - lastReport >= throttle || b === batchesPerEpoch - 1)) {
          lastReport = now;
          const elapsed = (performance.now() - start) / 1000;
          const verdict = await hooks.onBatchEnd({
            epoch,
            batch: b,
            batchesPerEpoch,
            loss: lossSum / seen,
            acc: correct / seen,
            samplesPerSec: seen / Math.max(elapsed, 1e-9),
          });
          if (verdict === true || verdict === "stop") stopReason = "callback";
        }
        // Let timers and signal handlers run now and then: the step itself never yields.
        if (now - lastYield >= 200) {
          lastYield = now;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        if (stopReason !== "completed") break;
      }
      // A stop inside the epoch (cancel or a batch callback) leaves no partial epoch behind.
      if (stopReason !== "completed" || seen === 0) break;
      const seconds = (performance.now() - start) / 1000;
      const logs: EpochLogs = { loss: lossSum / seen, acc: correct / seen, samplesPerSec: seen / seconds, seconds };
      if (data.val && data.val.labels.length > 0) {
        const val = evaluateLoss(model, data.val, numClasses, priorShift);
        logs.valLoss = val.loss;
        logs.valAcc = val.acc;
      }
      history.push(logs);

      const monitored = logs.valLoss ?? logs.loss;
      if (patience !== undefined && config.earlyStopping) {
        if (monitored < best - config.earlyStopping.minDelta) {
          best = monitored;
          bestEpoch = epoch;
          sinceBest = 0;
          if (config.earlyStopping.restoreBestWeights) {
            bestWeights?.forEach((w) => w.dispose());
            bestWeights = model.getWeights().map((w) => w.clone());
          }
        } else if (++sinceBest >= patience) {
          stopReason = "early-stopping";
        }
      } else {
        bestEpoch = epoch;
      }
      const verdict = await hooks.onEpochEnd?.(epoch, logs);
      if (stopReason === "completed" && (verdict === true || verdict === "stop")) stopReason = "callback";
      if (hooks.signal?.aborted) stopReason = "cancelled";
    }
    if (bestWeights && bestEpoch !== history.length - 1) model.setWeights(bestWeights);
    else if (!bestWeights) bestEpoch = Math.max(0, history.length - 1);
    if (priorShift && history.length > 0) shiftOutputLogits(model, priorShift);
  } finally {
    bestWeights?.forEach((w) => w.dispose());
    await parallel?.close();
  }
  return { history, epochsRun: history.length, bestEpoch, stopReason, threads: parallel ? 2 : 1, threadsNote };
}

interface Batch {
  pixels: Float32Array;
  labels: Int32Array;
  sampleWeights: Float32Array | null;
}

/** The tf.Variables behind a model's trainable weights, in model.trainableWeights order. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/**
 * Gradients (in trainableVariables order) of the mean weighted cross-entropy over one batch,
 * with the model in training mode (dropout on). Shared by the main thread and train-thread.ts.
 */
export function batchGradients(
  model: tf.LayersModel,
  pixels: Float32Array,
  labels: Int32Array,
  sampleWeights: Float32Array | null,
  numClasses: number,
): { grads: tf.Tensor[]; loss: number; correct: number } {
  const n = labels.length;
  const vars = trainableVariables(model);
  let correct: tf.Tensor | null = null;
  const { value, grads } = tf.tidy(() => {
    const xs = tf.tensor4d(pixels, [n, CANONICAL_SIZE, CANONICAL_SIZE, 1]);
    const ys = tf.oneHot(tf.tensor1d(labels, "int32"), numClasses).toFloat() as tf.Tensor2D;
    const sw = sampleWeights ? tf.tensor1d(sampleWeights) : null;
    return tf.variableGrads(() => {
      const probs = model.apply(xs, { training: true }) as tf.Tensor2D;
      correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), tf.argMax(ys, 1)), "int32")));
      return weightedCrossEntropy(ys, probs, sw);
    }, vars);
  });
  const loss = value.dataSync()[0]!;
  value.dispose();
  const c = (correct as tf.Tensor | null)?.dataSync()[0] ?? 0;
  (correct as tf.Tensor | null)?.dispose();
  return { grads: vars.map((v) => grads[v.name]!), loss, correct: c };
}

async function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  batch: Batch,
  numClasses: number,
  parallel: DataParallel | null,
): Promise<{ loss: number; correct: number }> {
  const vars = trainableVariables(model);
  const n = batch.labels.length;
  // Split only batches big enough for both halves to keep XNNPACK busy.
  const split = parallel && n >= 16 ? Math.ceil(n / 2) : n;
  const remote = split < n ? parallel!.step(vars, sliceBatch(batch, split, n), numClasses) : null;
  const local = batchGradients(model, batch.pixels.subarray(0, split * CANONICAL_PIXELS), batch.labels.subarray(0, split),
    batch.sampleWeights?.subarray(0, split) ?? null, numClasses);
  if (!remote) {
    optimizer.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: local.grads[i]! })));
    tf.dispose(local.grads);
    return { loss: local.loss, correct: local.correct };
  }
  const other = await remote;
  // Both halves return the mean over their samples: weight them back to the mean over n.
  const wa = split / n;
  const wb = (n - split) / n;
  const named = tf.tidy(() =>
    vars.map((v, i) => ({
      name: v.name,
      tensor: tf.add(tf.mul(local.grads[i]!, wa), tf.mul(tf.tensor(other.grads[i]!, v.shape), wb)),
    })),
  );
  tf.dispose(local.grads);
  optimizer.applyGradients(named);
  tf.dispose(named.map((g) => g.tensor));
  return { loss: local.loss * wa + other.loss * wb, correct: local.correct + other.correct };
}

function sliceBatch(batch: Batch, from: number, to: number): Batch {
  return {
    pixels: batch.pixels.slice(from * CANONICAL_PIXELS, to * CANONICAL_PIXELS),
    labels: batch.labels.slice(from, to),
    sampleWeights: batch.sampleWeights?.slice(from, to) ?? null,
  };
}

/** Mean over the batch of w_i * CE_i, as Keras applies class_weight (no renormalisation). */
function weightedCrossEntropy(ys: tf.Tensor2D, probs: tf.Tensor2D, sw: tf.Tensor1D | null): tf.Scalar {
  return tf.tidy(() => {
    const perSample = tf.neg(tf.sum(tf.mul(ys, tf.log(tf.clipByValue(probs, EPSILON, 1 - EPSILON))), 1));
    return tf.mean(sw ? tf.mul(perSample, sw) : perSample) as tf.Scalar;
  });
}

function makeBatch(
  set: SampleSet,
  idx: Int32Array,
  /** Position of idx[0] in the epoch's order: the augmentation key, unique even for repeats. */
  firstDraw: number,
  weights: Float32Array | null,
  epoch: number,
  augment: TrainHooks["augment"],
): Batch {
  const pixels = new Float32Array(idx.length * CANONICAL_PIXELS);
  const labels = new Int32Array(idx.length);
  const sampleWeights = weights ? new Float32Array(idx.length) : null;
  for (let i = 0; i < idx.length; i++) {
    const s = idx[i]!;
    let img = set.x.subarray(s * CANONICAL_PIXELS, (s + 1) * CANONICAL_PIXELS);
    if (augment) {
      img = augment(img, firstDraw + i, epoch);
      if (img.length !== CANONICAL_PIXELS) throw new Error(`augment returned ${img.length} bytes for sample ${s}`);
    }
    const off = i * CANONICAL_PIXELS;
    for (let p = 0; p < CANONICAL_PIXELS; p++) pixels[off + p] = img[p]! / 255;
    labels[i] = set.labels[s]!;
    if (sampleWeights) sampleWeights[i] = weights![labels[i]!]!;
  }
  return { pixels, labels, sampleWeights };
}

/**
 * Unweighted mean cross-entropy and accuracy over a whole set, in inference mode; with logShift,
 * of the probabilities softmax(logits + logShift) the prior-corrected model will give.
 */
export function evaluateLoss(model: tf.LayersModel, set: SampleSet, numClasses: number, logShift: Float32Array | null = null): { loss: number; acc: number } {
  const n = set.labels.length;
  let lossSum = 0;
  let correct = 0;
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  // p * e^shift, renormalised, is softmax(logits + shift): built once, applied per batch.
  const priorWeights = logShift ? tf.exp(tf.tensor1d(logShift)) : null;
  for (let start = 0; start < n; start += EVAL_BATCH) {
    const idx = all.subarray(start, Math.min(n, start + EVAL_BATCH));
    const batch = makeBatch(set, idx, start, null, 0, undefined);
    const [l, c] = tf.tidy(() => {
      const xs = tf.tensor4d(batch.pixels, [idx.length, CANONICAL_SIZE, CANONICAL_SIZE, 1]);
      const ys = tf.oneHot(tf.tensor1d(batch.labels, "int32"), numClasses);
      const raw = model.predict(xs) as tf.Tensor2D;
      const weighted = priorWeights ? tf.mul(raw, priorWeights) : raw;
      const probs = priorWeights ? tf.div(weighted, tf.sum(weighted, 1, true)) : raw;
      const loss = tf.sum(tf.neg(tf.sum(tf.mul(ys, tf.log(tf.clipByValue(probs, EPSILON, 1 - EPSILON))), 1)));
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), tf.argMax(ys, 1)), "int32"));
      return [loss.dataSync()[0]!, hits.dataSync()[0]!];
    });
    lossSum += l;
    correct += c;
  }
  priorWeights?.dispose();
  return { loss: lossSum / Math.max(1, n), acc: correct / Math.max(1, n) };
}

/** sklearn's "balanced": n / (k * count_c); classes absent from the data weigh 0. */
export function classWeights(labels: Int32Array, numClasses: number, mode: ModelConfig["classWeights"]): Float32Array | null {
  if (mode === "none") return null;
  const counts = new Float64Array(numClasses);
  for (const l of labels) counts[l]!++;
  const present = counts.filter((c) => c > 0).length;
  const w = new Float32Array(numClasses);
  for (let c = 0; c < numClasses; c++) w[c] = counts[c]! > 0 ? labels.length / (present * counts[c]!) : 0;
  return w;
}

/**
 * SGD caches its rate in a scalar and must be told; Adam and RMSProp read the field each step.
 * Duck-typed: tfjs optimizers answer instanceof for each other's classes.
 */
function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (r: number) => void };
  if (typeof o.setLearningRate === "function") o.setLearningRate(rate);
  else o.learningRate = rate;
}

export function makeOptimizer(config: Pick<ModelConfig, "optimizer" | "learningRate">): tf.Optimizer {
  switch (config.optimizer) {
    case "adam":
      // Keras' epsilon; tfjs defaults to 1e-8.
      return tf.train.adam(config.learningRate, 0.9, 0.999, 1e-7);
    case "rmsprop":
      return tf.train.rmsprop(config.learningRate, 0.9, 0, 1e-7);
    case "sgd":
      return tf.train.sgd(config.learningRate);
  }
}


function outputWidth(model: tf.LayersModel): number {
  const shape = model.outputs[0]!.shape;
  const k = shape[shape.length - 1];
  if (typeof k !== "number") throw new Error("cannot read the number of classes from the model");
  return k;
}

function checkSet(set: SampleSet, numClasses: number, name: string): void {
  if (set.x.length !== set.labels.length * CANONICAL_PIXELS) {
    throw new Error(`${name}: ${set.x.length} pixel bytes for ${set.labels.length} labels (expected ${CANONICAL_PIXELS} each)`);
  }
  for (const l of set.labels) {
    if (l < 0 || l >= numClasses) throw new Error(`${name}: label ${l} outside 0..${numClasses - 1}`);
  }
}
