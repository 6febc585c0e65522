import { assertCanonical } from "../images/canonical-form";
import { composeAffine, warpAffine, type Affine } from "./affine";
import { createRng, deriveSeed } from "./prng";
import type { Recipe } from "./recipe-types";
import { getOperation } from "./registry";

/** Seed stream for randomness inside operations; sampleRecipe draws parameters from another. */
export const APPLY_STREAM = 1;

/**
 * Applies a recipe to a canonical image and returns a new buffer; the input is not touched.
 * Neighbouring geometric steps (rotate, shift, zoom), and an elastic step right after them,
 * are composed and resampled once: one bilinear pass blurs one-pixel strokes less than one
 * per step, and each pass is a large share of the pipeline's time.
 * Expects a recipe from sampleRecipe or parseRecipe (every parameter present).
 */
export function applyRecipe(pixels: Uint8Array, recipe: Recipe): Uint8Array {
  assertCanonical(pixels);
  const image = Uint8Array.from(pixels);
  const rng = createRng(deriveSeed(recipe.seed, APPLY_STREAM));
  let pending: Affine | null = null;
  for (const step of recipe.ops) {
    const op = getOperation(step.op);
    if (op.toAffine) {
      const next = op.toAffine(step.params);
      pending = pending ? composeAffine(pending, next) : next;
      continue;
    }
    if (pending && op.applyAfterAffine) {
      op.applyAfterAffine(image, step.params, rng, pending, image);
      pending = null;
      continue;
    }
    if (pending) warpUnlessIdentity(image, pending);
    pending = null;
    op.apply(image, step.params, rng, image);
  }
  if (pending) warpUnlessIdentity(image, pending);
  return image;
}

function warpUnlessIdentity(image: Uint8Array, m: Affine): void {
  if (m.a === 1 && m.b === 0 && m.c === 0 && m.d === 1 && m.tx === 0 && m.ty === 0) return;
  warpAffine(image, m, image);
}
