import { CANONICAL_PIXELS, type CanonicalImage } from "../images/canonical-form";
import type { LabelCandidate } from "./decode";

/**
 * What the solver needs from a model: its class labels (output index order) and a batched
 * forward pass. The server wraps the current tfjs model in one; tests inject a fake, so the
 * pipeline is testable without TensorFlow.
 */
export interface SymbolClassifier {
  /** Label of each output index. */
  readonly classes: readonly string[];
  /** Probabilities for n canonical images laid end to end (n * 2025 bytes): n x classes, row-major. */
  predict(images: Uint8Array): Promise<Float32Array>;
  /**
   * Stroke width (canonical pixels) of the images the model learned from; crops are redrawn at
   * it. Default TARGET_STROKE (1 px, the imported ink as rendered).
   */
  readonly strokeWidth?: number;
}

/** How many hypotheses per symbol the decoder may choose from. */
export const DEFAULT_TOP_K = 4;

/**
 * Classifies every crop in one forward pass (one batch is what keeps a 10-symbol equation
 * well under the latency goal: per-crop calls pay tfjs's dispatch overhead ten times) and
 * returns each crop's top-k labels, best first.
 */
export async function classifyCrops(
  classifier: SymbolClassifier,
  crops: readonly CanonicalImage[],
  topK: number = DEFAULT_TOP_K,
): Promise<LabelCandidate[][]> {
  if (crops.length === 0) return [];
  const batch = new Uint8Array(crops.length * CANONICAL_PIXELS);
  crops.forEach((crop, i) => {
    if (crop.length !== CANONICAL_PIXELS) throw new Error(`crop ${i} has ${crop.length} bytes, expected ${CANONICAL_PIXELS}`);
    batch.set(crop, i * CANONICAL_PIXELS);
  });
  const probs = await classifier.predict(batch);
  const k = classifier.classes.length;
  if (probs.length !== crops.length * k) {
    throw new Error(`classifier returned ${probs.length} values for ${crops.length} crops x ${k} classes`);
  }
  return crops.map((_, r) => rankRow(probs.subarray(r * k, (r + 1) * k), classifier.classes, topK));
}

function rankRow(row: Float32Array, classes: readonly string[], topK: number): LabelCandidate[] {
  const order = Array.from(row.keys()).sort((a, b) => row[b]! - row[a]! || a - b);
  return order.slice(0, Math.max(1, topK)).map((i) => ({ label: classes[i]!, p: row[i]! }));
}
