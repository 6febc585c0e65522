import type Database from "better-sqlite3";
import {
  applyRecipe,
  createRng,
  deriveSeed,
  getOperation,
  pipelineNeedsStrokes,
  recipeNeedsStrokes,
  sampleRecipe,
  type Pipeline,
  type Recipe,
} from "../augment";

export interface GalleryRow {
  /** "original", "pipeline" (every step, as a run draws them) or an operation name. */
  key: string;
  title: string;
  /** The step's parameter ranges as given, for the caption. */
  params?: Record<string, unknown>;
  items: { sampleId: number; label: string; pixels: Uint8Array; recipe: Recipe | null }[];
  /** Why examples are missing: a stroke-width recipe met parents without strokes. */
  note?: string;
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
 * so the effect of each range can be judged before anything is generated. With a stroke-width
 * step the originals are ink samples, as a run would take, when the classes have any; a parent
 * without strokes is left out of the rows that redraw from strokes, with a note saying so.
 */
export function previewGallery(db: Database.Database, options: GalleryOptions): GalleryRow[] {
  const perRow = options.perRow ?? 6;
  const parents = pickParents(db, options.classes, perRow, options.seed, pipelineNeedsStrokes(options.pipeline));
  const row = (key: string, title: string, pipeline: Pipeline | null, params?: Record<string, unknown>): GalleryRow => {
    const items: GalleryRow["items"] = [];
    let withoutStrokes = 0;
    parents.forEach((p, i) => {
      const recipe = pipeline ? sampleRecipe(pipeline, deriveSeed(options.seed, i)) : null;
      if (recipe && !p.strokes && recipeNeedsStrokes(recipe)) {
        withoutStrokes++;
        return;
      }
      const pixels = recipe ? applyRecipe(p.canonical, recipe, { strokes: p.strokes }) : p.canonical;
      items.push({ sampleId: p.id, label: p.label, pixels, recipe });
    });
    // Parents are ink samples whenever the classes have any, so this means they have none.
    const note = withoutStrokes > 0 ? "no ink samples among these train originals; stroke-width applies only to samples with strokes" : undefined;
    return { key, title, ...(params ? { params } : {}), items, ...(note ? { note } : {}) };
  };
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

function pickParents(db: Database.Database, classes: readonly string[], n: number, seed: number, preferInk: boolean) {
  const filter = classes.length > 0 ? `AND label IN (${classes.map(() => "?").join(",")})` : "";
  const candidates = (extra: string) =>
    db.prepare(`SELECT id FROM samples WHERE split = 'train' AND source <> 'augmented' ${filter} ${extra} ORDER BY id`).pluck().all(...classes) as number[];
  let ids = preferInk ? candidates("AND strokes IS NOT NULL") : [];
  // No ink sample in these classes: show the images anyway, so the pixel steps can still be judged.
  if (ids.length === 0) ids = candidates("");
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
  const get = db.prepare(`SELECT id, label, canonical${preferInk ? ", strokes" : ""} FROM samples WHERE id = ?`);
  return picked.map((id) => {
    const r = get.get(id) as { id: number; label: string; canonical: Buffer; strokes?: string | null };
    return { id: r.id, label: r.label, canonical: new Uint8Array(r.canonical), strokes: r.strokes ?? null };
  });
}
