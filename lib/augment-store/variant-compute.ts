import { applyRecipe, deriveSeed, recipeNeedsStrokes, sampleRecipe, type Pipeline } from "../augment";
import { CANONICAL_PIXELS } from "../images/canonical-form";
import type { Stroke } from "../ink/ink-document";
import { parseStrokesJson, type StrokesJson } from "../ink/stroke-json";
import { contentHash } from "../dataset/split";

/** One batch of variants to draw: work items with their parents' canonical bytes. */
export interface VariantRequest {
  pipeline: Pipeline;
  runSeed: number;
  items: { parentId: number; k: number }[];
  /** Parents by id; an item whose parent is missing (deleted since planning) is skipped. */
  parents: Record<number, Uint8Array>;
  /**
   * Parents' strokes JSON by id, sent only when the pipeline redraws from strokes (stroke-width),
   * so image-only runs post nothing more to the threads than before.
   */
  strokes?: Record<number, StrokesJson>;
}

/** Outputs in item order: pixels packed back to back (transferable), "" hash for a skipped item. */
export interface VariantBatch {
  pixels: Uint8Array;
  hashes: string[];
  recipes: string[];
}

/** A parent as computeVariant takes it: canonical bytes, and strokes when it is ink-born. */
export interface VariantParent {
  id: number;
  canonical: Uint8Array;
  strokes?: StrokesJson | readonly Stroke[] | null;
}

/**
 * The seed of variant `k` of a parent: depends on the run seed, the parent and k only, so a
 * parent's variants are the same whatever else the plan holds. `attempt` > 0 after a duplicate.
 */
export function variantSeed(runSeed: number, parentId: number, k: number, attempt: number): number {
  return deriveSeed(deriveSeed(deriveSeed(runSeed, parentId), k), attempt);
}

/**
 * Draws and applies one variant: its recipe JSON, pixels and md5; null when the recipe redraws
 * from strokes and the parent has none (the plan leaves such parents out; this only happens
 * when a parent's strokes were removed after planning).
 */
export function computeVariant(pipeline: Pipeline, runSeed: number, parent: VariantParent, k: number, attempt: number) {
  const recipe = sampleRecipe(pipeline, variantSeed(runSeed, parent.id, k, attempt));
  if (!parent.strokes && recipeNeedsStrokes(recipe)) return null;
  const pixels = applyRecipe(parent.canonical, recipe, { strokes: parent.strokes });
  return { pixels, hash: contentHash(pixels), recipe: JSON.stringify(recipe) };
}

/** Pure and the same on any thread: the pool's threads and the inline path give identical bytes. */
export function computeVariants(request: VariantRequest): VariantBatch {
  const { items, parents } = request;
  const pixels = new Uint8Array(items.length * CANONICAL_PIXELS);
  const hashes: string[] = [];
  const recipes: string[] = [];
  // Items come grouped by parent: parse each parent's strokes once, not once per variant.
  const parsed = new Map<number, readonly Stroke[]>();
  const strokesOf = (id: number): readonly Stroke[] | null => {
    const json = request.strokes?.[id];
    if (json === undefined) return null;
    let strokes = parsed.get(id);
    if (!strokes) parsed.set(id, (strokes = parseStrokesJson(json)));
    return strokes;
  };
  items.forEach((item, i) => {
    const canonical = parents[item.parentId];
    const out = canonical && computeVariant(request.pipeline, request.runSeed, { id: item.parentId, canonical, strokes: strokesOf(item.parentId) }, item.k, 0);
    if (!out) {
      hashes.push("");
      recipes.push("");
      return;
    }
    pixels.set(out.pixels, i * CANONICAL_PIXELS);
    hashes.push(out.hash);
    recipes.push(out.recipe);
  });
  return { pixels, hashes, recipes };
}
