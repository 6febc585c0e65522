/**
 * The one sample form everything downstream uses (training, augmentation, evaluation, the
 * equation solver): 45x45, 8-bit grayscale, row-major, white strokes (255) on black (0).
 * 45x45 is the Kaggle symbol size; white-on-black is what the earlier Keras work settled on.
 */
export const CANONICAL_SIZE = 45;
export const CANONICAL_PIXELS = CANONICAL_SIZE * CANONICAL_SIZE;

/** A canonical image: exactly CANONICAL_PIXELS bytes, 0 = background, 255 = ink. */
export type CanonicalImage = Uint8Array;

export function isCanonical(pixels: Uint8Array): boolean {
  return pixels.length === CANONICAL_PIXELS;
}

export function assertCanonical(pixels: Uint8Array): asserts pixels is CanonicalImage {
  if (!isCanonical(pixels)) {
    throw new Error(`expected ${CANONICAL_PIXELS} bytes (45x45 grayscale), got ${pixels.length}`);
  }
}
