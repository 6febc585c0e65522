import * as tf from "@tensorflow/tfjs";
import { CANONICAL_PIXELS, CANONICAL_SIZE } from "../images/canonical-form";

export interface PredictOptions {
  batchSize?: number;
}

/**
 * Class probabilities for canonical images laid end to end (n * 2025 bytes), in batches so
 * memory stays flat. Returns a row-major n x numClasses Float32Array.
 */
export async function predict(model: tf.LayersModel, images: Uint8Array, options: PredictOptions = {}): Promise<Float32Array> {
  if (images.length % CANONICAL_PIXELS !== 0) {
    throw new Error(`${images.length} bytes is not a whole number of ${CANONICAL_PIXELS}-byte images`);
  }
  const n = images.length / CANONICAL_PIXELS;
  const batch = options.batchSize ?? 256;
  const shape = model.outputs[0]!.shape;
  const k = shape[shape.length - 1] as number;
  const out = new Float32Array(n * k);
  for (let start = 0; start < n; start += batch) {
    const count = Math.min(batch, n - start);
    const pixels = new Float32Array(count * CANONICAL_PIXELS);
    const src = images.subarray(start * CANONICAL_PIXELS, (start + count) * CANONICAL_PIXELS);
    for (let i = 0; i < src.length; i++) pixels[i] = src[i]! / 255;
    const probs = tf.tidy(() => model.predict(tf.tensor4d(pixels, [count, CANONICAL_SIZE, CANONICAL_SIZE, 1])) as tf.Tensor);
    out.set(await probs.data(), start * k);
    probs.dispose();
  }
  return out;
}

/** Index of the largest value in each row of an n x k matrix. */
export function argmaxRows(probs: Float32Array, k: number): Int32Array {
  const n = probs.length / k;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[r * k + c]! > probs[r * k + best]!) best = c;
    out[r] = best;
  }
  return out;
}

/** The k most probable classes of one row, best first. */
export function topK(row: ArrayLike<number>, k: number): { index: number; probability: number }[] {
  return Array.from({ length: row.length }, (_, index) => ({ index, probability: row[index]! }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
}

/** Share of rows whose true class is among their k most probable. */
export function topKAccuracy(probs: Float32Array, numClasses: number, trueIdx: ArrayLike<number>, k: number): number {
  const n = trueIdx.length;
  if (n === 0) return 0;
  let hits = 0;
  for (let r = 0; r < n; r++) {
    const row = probs.subarray(r * numClasses, (r + 1) * numClasses);
    const t = trueIdx[r]!;
    // Rank = number of classes strictly more probable than the true one.
    let above = 0;
    for (let c = 0; c < numClasses; c++) if (row[c]! > row[t]!) above++;
    if (above < k) hits++;
  }
  return hits / n;
}

export interface ClassMetrics {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface AveragedMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface Metrics {
  accuracy: number;
  perClass: ClassMetrics[];
  macro: AveragedMetrics;
  /** Averages weighted by support, as sklearn's classification_report. */
  weighted: AveragedMetrics;
  /** confusion[t][p] = samples of true class t predicted as p. */
  confusion: number[][];
  total: number;
}

/**
 * Accuracy, per-class precision/recall/F1/support, macro and weighted averages and the
 * confusion matrix. A 0/0 ratio counts as 0 (sklearn's zero_division=0).
 */
export function computeMetrics(trueIdx: ArrayLike<number>, predIdx: ArrayLike<number>, classNames: readonly string[]): Metrics {
  if (trueIdx.length !== predIdx.length) throw new Error(`${trueIdx.length} true labels but ${predIdx.length} predictions`);
  const k = classNames.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  for (let i = 0; i < trueIdx.length; i++) {
    const t = trueIdx[i]!;
    const p = predIdx[i]!;
    if (t < 0 || t >= k || p < 0 || p >= k) throw new Error(`label out of range at ${i}: true ${t}, predicted ${p}`);
    confusion[t]![p]!++;
    if (t === p) correct++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const perClass = classNames.map((name, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((s, v) => s + v, 0);
    const predicted = confusion.reduce((s, row) => s + row[c]!, 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { name, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  const total = trueIdx.length;
  const mean = (key: keyof AveragedMetrics) => ratio(perClass.reduce((s, m) => s + m[key], 0), k);
  const weightedMean = (key: keyof AveragedMetrics) => ratio(perClass.reduce((s, m) => s + m[key] * m.support, 0), total);
  return {
    accuracy: ratio(correct, total),
    perClass,
    macro: { precision: mean("precision"), recall: mean("recall"), f1: mean("f1") },
    weighted: { precision: weightedMean("precision"), recall: weightedMean("recall"), f1: weightedMean("f1") },
    confusion,
    total,
  };
}
