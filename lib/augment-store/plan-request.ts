import type Database from "better-sqlite3";
import { z } from "zod";
import { DEFAULT_PIPELINE, safeParsePipeline, type RebalanceTarget } from "../augment";
import { getClassSet } from "../dataset/class-sets";
import type { BuildPlanOptions } from "./build-plan";

/** Run seeds stay within a signed 32-bit integer: Prisma reads augment_runs.seed as Int. */
export const MAX_RUN_SEED = 0x7fffffff;

/** Largest target a request may ask for; far beyond any class of the real data (34k). */
export const MAX_TARGET = 1_000_000;

const targetShape = z.union([
  z.literal("median"),
  z.literal("largest"),
  z.number().int().min(0).max(MAX_TARGET),
  z.string().regex(/^\d+$/, 'target must be "median", "largest" or a whole number').transform(Number),
  z.object({ kind: z.literal("count"), n: z.number().int().min(0).max(MAX_TARGET) }),
  z.object({ kind: z.enum(["median", "largest"]) }),
], { error: `must be "median", "largest" or a whole number from 0 to ${MAX_TARGET}` });

/** What the API and the CLI accept; the pipeline is checked by lib/augment's own validator. */
export const augmentPlanRequest = z.object({
  classes: z.union([z.array(z.string()).max(1000), z.string()]).optional(),
  classSet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  target: targetShape,
  includeSynthetic: z.boolean().default(false),
  pipeline: z.unknown().optional(),
  seed: z.number().int().min(0).max(MAX_RUN_SEED).default(1),
});

export type PlanRequestResult =
  | { ok: true; options: BuildPlanOptions & { seed: number }; classSet: string | null }
  | { ok: false; message: string; errors: string[] };

/**
 * Checks a plan request and resolves its class names (label or slug) and class set, so bad
 * input is refused naming what is wrong: `unknown class "foo"`, `steps[0]: unknown operation
 * "blur" (...)`, `salt-pepper.amount must be <= 0.5`.
 */
export function parsePlanRequest(db: Database.Database, input: unknown): PlanRequestResult {
  const shape = augmentPlanRequest.safeParse(input ?? {});
  if (!shape.success) {
    const errors = shape.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
    return fail(errors);
  }
  const req = shape.data;
  const errors: string[] = [];

  let pipeline = DEFAULT_PIPELINE;
  if (req.pipeline !== undefined) {
    const checked = safeParsePipeline(req.pipeline);
    if (checked.success) pipeline = checked.data;
    else errors.push(...checked.errors.map((e) => `pipeline.${e}`));
  }

  let classSet: string | null = null;
  let reference: string[] | undefined;
  let chosen: string[] = [];
  if (req.classSet !== undefined) {
    const set = getClassSet({ db, ref: typeof req.classSet === "string" && /^\d+$/.test(req.classSet) ? Number(req.classSet) : req.classSet });
    if (!set) errors.push(`unknown class set ${JSON.stringify(req.classSet)}`);
    else {
      classSet = set.name;
      reference = set.classes;
      chosen = set.classes;
    }
  }
  const named = typeof req.classes === "string" ? splitList(req.classes) : (req.classes ?? []);
  if (named.length > 0) {
    const resolved = resolveLabels(db, named);
    errors.push(...resolved.unknown.map((name) => `unknown class ${JSON.stringify(name)}`));
    // With a class set, named classes narrow it: the set stays the reference for median/largest.
    chosen = classSet ? resolved.labels.filter((l) => reference!.includes(l)) : resolved.labels;
    if (classSet) for (const l of resolved.labels) if (!reference!.includes(l)) errors.push(`class ${JSON.stringify(l)} is not in class set "${classSet}"`);
  }
  if (named.length === 0 && req.classSet === undefined) errors.push("choose at least one class (classes) or a class set (classSet)");
  if (errors.length > 0) return fail(errors);
  return {
    ok: true,
    options: { classes: chosen, reference, target: toTarget(req.target), includeSynthetic: req.includeSynthetic, pipeline, seed: req.seed },
    classSet,
  };
}

function toTarget(target: z.infer<typeof targetShape>): RebalanceTarget {
  if (typeof target === "number") return { kind: "count", n: target };
  if (target === "median" || target === "largest") return { kind: target };
  return target;
}

/** "7,9, times" -> ["7", "9", "times"]; a lone "," is the comma class. */
export function splitList(text: string): string[] {
  if (text.trim() === ",") return [","];
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Labels for names typed as the label itself or its slug ("times" for ×). */
function resolveLabels(db: Database.Database, names: readonly string[]): { labels: string[]; unknown: string[] } {
  const byName = db.prepare(`SELECT name FROM classes WHERE name = ?`).pluck();
  const bySlug = db.prepare(`SELECT name FROM classes WHERE slug = ?`).pluck();
  const labels: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const label = (byName.get(name) ?? bySlug.get(name)) as string | undefined;
    if (label === undefined) unknown.push(name);
    else if (!labels.includes(label)) labels.push(label);
  }
  return { labels, unknown };
}

function fail(errors: string[]): PlanRequestResult {
  return { ok: false, message: errors.join("; "), errors };
}
