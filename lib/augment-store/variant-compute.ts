import { applyRecipe, deriveSeed, sampleRecipe, type Pipeline } from "../augment";
import { CANONICAL_PIXELS } from "../images/canonical-form";
import { contentHash } from "../dataset/split";

/** One batch of variants to draw: work items with their parents' canonical bytes. */
export interface VariantRequest {
  pipeline: Pipeline;
  runSeed: number;
  items: { parentId: number; k: number }[];
  /** Parents by id; an item whose parent is missing (deleted since planning) is skipped. */
  parents: Record<number, Uint8Array>;
}

/** Outputs in item order: pixels packed back to back (transferable), "" hash for a skipped item. */
export interface VariantBatch {
  pixels: Uint8Array;
  hashes: string[];
  recipes: string[];
}

/**
 * The seed of variant `k` of a parent: depends on the run seed, the parent and k only, so a
 * parent's variants are the same whatever else the plan holds. `attempt` > 0 after a duplicate.
 */
export function variantSeed(runSeed: number, parentId: number, k: number, attempt: number): number {
  return deriveSeed(deriveSeed(deriveSeed(runSeed, parentId), k), attempt);
}

/** Draws and applies one variant: its recipe JSON, pixels and md5. */
export function computeVariant(pipeline: Pipeline, runSeed: number, parent: Uint8Array, parentId: number, k: number, attempt: number) {
  const recipe = sampleRecipe(pipeline, variantSeed(runSeed, parentId, k, attempt));
  const pixels = applyRecipe(parent, recipe);
  return { pixels, hash: contentHash(pixels), recipe: JSON.stringify(recipe) };
}

/** Pure and the same on any thread: the pool's threads and the inline path give identical bytes. */
export function computeVariants(request: VariantRequest): VariantBatch {
  const { items, parents } = request;
  const pixels = new Uint8Array(items.length * CANONICAL_PIXELS);
  const hashes: string[] = [];
  const recipes: string[] = [];
  items.forEach((item, i) => {
    const parent = parents[item.parentId];
    if (!parent) {
      hashes.push("");
      recipes.push("");
      return;
    }
    const out = computeVariant(request.pipeline, request.runSeed, parent, item.parentId, item.k, 0);
    pixels.set(out.pixels, i * CANONICAL_PIXELS);
    hashes.push(out.hash);
    recipes.push(out.recipe);
  });
  return { pixels, hashes, recipes };
}
