import * as tf from "@tensorflow/tfjs";
import { sqrtQuotas } from "./epoch-order";

/**
 * Log of (true share / share as sampled) per class. A model trained on a resampled epoch learns
 * posteriors under the sampled class prior; adding these to its logits turns them back into
 * posteriors under the data's own prior (Bayes' rule), so resampling shapes the features without
 * leaving rare classes over-predicted. Classes absent from the data get 0.
 */
export function sqrtSamplingLogShift(labels: Int32Array, numClasses: number): Float32Array {
  const counts = new Array<number>(numClasses).fill(0);
  for (const l of labels) counts[l]!++;
  const quotas = sqrtQuotas(counts, labels.length);
  return Float32Array.from(counts, (n, c) => (n > 0 && quotas[c]! > 0 ? Math.log(n / quotas[c]!) : 0));
}

/**
 * Adds shift to the bias of the model's softmax output layer: softmax(z + shift) is the
 * prior-corrected posterior, and the saved model stays a plain tfjs model for every consumer.
 */
export function shiftOutputLogits(model: tf.LayersModel, shift: Float32Array): void {
  const output = model.layers[model.layers.length - 1];
  const config = output?.getConfig() as { activation?: string; useBias?: boolean } | undefined;
  if (!output || config?.activation !== "softmax" || config.useBias === false) {
    throw new Error("prior correction needs a softmax output layer with a bias");
  }
  const [kernel, bias] = output.getWeights();
  if (!kernel || !bias || bias.shape[0] !== shift.length) throw new Error(`output bias does not match ${shift.length} classes`);
  const shifted = tf.tidy(() => tf.add(bias, tf.tensor1d(shift)));
  output.setWeights([kernel, shifted]);
  shifted.dispose();
}
