import { assertCanonical } from "../images/canonical-form";
import type { Stroke } from "../ink/ink-document";
import { parseStrokesJson, type StrokesJson } from "../ink/stroke-json";
import { composeAffine, warpAffine, type Affine } from "./affine";
import { createRng, deriveSeed } from "./prng";
import type { Recipe } from "./recipe-types";
import { getOperation } from "./registry";

/** Seed stream for randomness inside operations; sampleRecipe draws parameters from another. */
export const APPLY_STREAM = 1;

/** Thrown when a recipe starts with a stroke operation and the sample has no strokes. */
export class MissingStrokesError extends Error {
  constructor(op: string) {
    super(`${op} redraws the sample from its strokes, and this sample has none (only ink samples have strokes)`);
    this.name = "MissingStrokesError";
  }
}

export interface ApplyRecipeOptions {
  /**
   * The parent's strokes (samples.strokes, as JSON or parsed); needed when the recipe starts
   * with a stroke operation, which then replaces `pixels` by a fresh rendering of them.
   */
  strokes?: StrokesJson | readonly Stroke[] | null;
}

/**
 * Applies a recipe to a canonical image and returns a new buffer; the input is not touched.
 * A leading stroke operation (stroke-width) first redraws the image from `options.strokes`;
 * without strokes it throws MissingStrokesError rather than run the pixel steps alone.
 * Neighbouring geometric steps (rotate, shift, zoom), and an elastic step right after them,
 * are composed and resampled once: one bilinear pass blurs one-pixel strokes less than one
 * per step, and each pass is a large share of the pipeline's time.
 * Expects a recipe from sampleRecipe or parseRecipe (every parameter present).
 */
export function applyRecipe(pixels: Uint8Array, recipe: Recipe, options: ApplyRecipeOptions = {}): Uint8Array {
  assertCanonical(pixels);
  const image = Uint8Array.from(pixels);
  const rng = createRng(deriveSeed(recipe.seed, APPLY_STREAM));
  let pending: Affine | null = null;
  for (let index = 0; index < recipe.ops.length; index++) {
    const step = recipe.ops[index]!;
    const op = getOperation(step.op);
    if (op.input === "strokes") {
      if (index > 0) throw new Error(`${op.name} must be the first operation of a recipe`);
      const { strokes } = options;
      if (strokes === undefined || strokes === null) throw new MissingStrokesError(op.name);
      image.set(op.render(typeof strokes === "string" ? parseStrokesJson(strokes) : strokes, step.params));
      continue;
    }
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
