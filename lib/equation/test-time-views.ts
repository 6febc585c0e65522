import { rotationAffine, warpAffine, zoomAffine, type Affine } from "../augment/affine";
import { CANONICAL_PIXELS } from "../images/canonical-form";
import type { SymbolClassifier } from "./classify";

/**
 * Small rotations and a zoom-out, the kind of variation the training augmentation showed the
 * model: a symbol written a few degrees off or a little smaller reads the same.
 */
export const DEFAULT_VIEWS: readonly Affine[] = [rotationAffine({ degrees: -6 }), rotationAffine({ degrees: 6 }), zoomAffine({ factor: 0.9 })];

export interface TestTimeViewOptions {
  /**
   * When set, crops are first read alone, and only those whose best class is under this
   * probability are read again in their views (a second, smaller batch): a crop the model is
   * sure of keeps its single reading, and a line of clear symbols costs one view per crop.
   */
  sureAt?: number;
}

/**
 * The classifier, reading each crop as the mean of its probabilities over the crop and a few
 * views of it: all in one batch (one forward pass, like the plain classifier), or with `sureAt`
 * the views only for crops the model is unsure of.
 */
export function withTestTimeViews(classifier: SymbolClassifier, views: readonly Affine[] = DEFAULT_VIEWS, options: TestTimeViewOptions = {}): SymbolClassifier {
  const k = classifier.classes.length;
  const copies = views.length + 1;
  /** The crops' views, view by view: view v of crop i at (v * n + i). */
  const viewBatch = (images: Uint8Array, n: number) => {
    const batch = new Uint8Array(n * views.length * CANONICAL_PIXELS);
    for (let v = 0; v < views.length; v++) {
      for (let i = 0; i < n; i++) {
        const crop = images.subarray(i * CANONICAL_PIXELS, (i + 1) * CANONICAL_PIXELS);
        warpAffine(crop, views[v]!, batch.subarray((v * n + i) * CANONICAL_PIXELS, (v * n + i + 1) * CANONICAL_PIXELS));
      }
    }
    return batch;
  };
  return {
    classes: classifier.classes,
    strokeWidth: classifier.strokeWidth,
    async predict(images: Uint8Array) {
      const n = images.length / CANONICAL_PIXELS;
      if (options.sureAt === undefined) {
        const batch = new Uint8Array(images.length * copies);
        batch.set(images, 0);
        batch.set(viewBatch(images, n), images.length);
        return meanOverCopies(await classifier.predict(batch), n, k, copies);
      }
      const plain = await classifier.predict(images);
      const unsure: number[] = [];
      for (let i = 0; i < n; i++) if (Math.max(...plain.subarray(i * k, (i + 1) * k)) < options.sureAt) unsure.push(i);
      if (unsure.length === 0) return plain;
      const u = unsure.length;
      const viewed = await classifier.predict(viewBatch(gather(images, unsure, CANONICAL_PIXELS, new Uint8Array(u * CANONICAL_PIXELS)), u));
      // Laid out copy by copy as in the one-batch read: the unsure crops' own rows, then their views.
      const rows = gather(plain, unsure, k, new Float32Array(u * k * copies));
      rows.set(viewed, u * k);
      const means = meanOverCopies(rows, u, k, copies);
      const out = plain.slice();
      unsure.forEach((i, j) => out.set(means.subarray(j * k, (j + 1) * k), i * k));
      return out;
    },
  };
}

/** The rows (of `size` values) at the given indices, packed at the start of `into`. */
function gather<T extends Uint8Array | Float32Array>(values: T, indices: readonly number[], size: number, into: T): T {
  indices.forEach((i, j) => into.set(values.subarray(i * size, (i + 1) * size), j * size));
  return into;
}

/** Per crop, the mean of its rows over the copies laid out copy by copy. */
function meanOverCopies(probs: Float32Array, n: number, k: number, copies: number): Float32Array {
  const mean = new Float32Array(n * k);
  for (let c = 0; c < copies; c++) for (let j = 0; j < n * k; j++) mean[j]! += probs[c * n * k + j]! / copies;
  return mean;
}
