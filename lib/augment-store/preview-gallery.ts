import type Database from "better-sqlite3";
import { applyRecipe, createRng, deriveSeed, getOperation, sampleRecipe, type Pipeline, type Recipe } from "../augment";

export interface GalleryRow {
  /** "original", "pipeline" (every step, as a run draws them) or an operation name. */
  key: string;
  title: string;
  /** The step's parameter ranges as given, for the caption. */
  params?: Record<string, unknown>;
  items: { sampleId: number; label: string; pixels: Uint8Array; recipe: Recipe | null }[];
}

export interface GalleryOptions {
  pipeline: Pipeline;
  seed: number;
  /** Parents are drawn from these classes' train originals (every class when empty). */
  classes: readonly string[];
  perRow?: number;
}

/**
 * Example outputs for a pipeline: the same few train originals unchanged, through the whole
 * pipeline, and through each step alone (always applied, parameters drawn from its ranges),
 * so the effect of each range can be judged before anything is generated.
 */
export function previewGallery(db: Database.Database, options: GalleryOptions): GalleryRow[] {
  const perRow = options.perRow ?? 6;
  const parents = pickParents(db, options.classes, perRow, options.seed);
  const row = (key: string, title: string, pipeline: Pipeline | null, params?: Record<string, unknown>): GalleryRow => ({
    key,
    title,
    ...(params ? { params } : {}),
    items: parents.map((p, i) => {
      const recipe = pipeline ? sampleRecipe(pipeline, deriveSeed(options.seed, i)) : null;
      return { sampleId: p.id, label: p.label, pixels: recipe ? applyRecipe(p.canonical, recipe) : p.canonical, recipe };
    }),
  });
  return [
    row("original", "Original", null),
    row("pipeline", "Whole pipeline", options.pipeline),
    ...options.pipeline.steps.map((step, index) =>
      row(`${index}:${step.op}`, getOperation(step.op).description, { steps: [{ op: step.op, ...(step.params ? { params: step.params } : {}) }] }, {
        op: step.op,
        ...step.params,
        ...(step.probability !== undefined && step.probability < 1 ? { probability: step.probability } : {}),
      }),
    ),
  ];
}

function pickParents(db: Database.Database, classes: readonly string[], n: number, seed: number) {
  const filter = classes.length > 0 ? `AND label IN (${classes.map(() => "?").join(",")})` : "";
  const ids = db.prepare(`SELECT id FROM samples WHERE split = 'train' AND source <> 'augmented' ${filter} ORDER BY id`).pluck().all(...classes) as number[];
  // A seeded partial shuffle: the same parents for the same seed, so only the parameters change the picture.
  const rng = createRng(deriveSeed(seed, 7));
  const picked: number[] = [];
  const pool = [...ids];
  while (picked.length < n && pool.length > 0) {
    const i = Math.floor(rng() * pool.length);
    picked.push(pool[i]!);
    pool[i] = pool[pool.length - 1]!;
    pool.pop();
  }
  const get = db.prepare(`SELECT id, label, canonical FROM samples WHERE id = ?`);
  return picked.map((id) => {
    const r = get.get(id) as { id: number; label: string; canonical: Buffer };
    return { id: r.id, label: r.label, canonical: new Uint8Array(r.canonical) };
  });
}
