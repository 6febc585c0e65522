import { rotationAffine, warpAffine, zoomAffine, type Affine } from "../augment/affine";
import { CANONICAL_PIXELS } from "../images/canonical-form";
import type { SymbolClassifier } from "./classify";

/**
 * Small rotations and a zoom-out, the kind of variation the training augmentation showed the
 * model: a symbol written a few degrees off or a little smaller reads the same.
 */
export const DEFAULT_VIEWS: readonly Affine[] = [rotationAffine({ degrees: -6 }), rotationAffine({ degrees: 6 }), zoomAffine({ factor: 0.9 })];

/**
 * The classifier, reading each crop as the mean of its probabilities over the crop and a few
 * views of it, all in the same single batch (one forward pass, like the plain classifier).
 */
export function withTestTimeViews(classifier: SymbolClassifier, views: readonly Affine[] = DEFAULT_VIEWS): SymbolClassifier {
  return {
    classes: classifier.classes,
    strokeWidth: classifier.strokeWidth,
    async predict(images: Uint8Array) {
      const n = images.length / CANONICAL_PIXELS;
      const copies = views.length + 1;
      const batch = new Uint8Array(images.length * copies);
      batch.set(images, 0);
      for (let v = 0; v < views.length; v++) {
        for (let i = 0; i < n; i++) {
          const crop = images.subarray(i * CANONICAL_PIXELS, (i + 1) * CANONICAL_PIXELS);
          warpAffine(crop, views[v]!, batch.subarray(((v + 1) * n + i) * CANONICAL_PIXELS, ((v + 1) * n + i + 1) * CANONICAL_PIXELS));
        }
      }
      const probs = await classifier.predict(batch);
      const k = classifier.classes.length;
      const mean = new Float32Array(n * k);
      for (let c = 0; c < copies; c++) for (let j = 0; j < n * k; j++) mean[j]! += probs[c * n * k + j]! / copies;
      return mean;
    },
  };
}
