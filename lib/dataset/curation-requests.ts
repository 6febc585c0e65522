import { z } from "zod";
import { MAX_DRAW_POINTS, MAX_DRAW_STROKES } from "./drawing-strokes";
import { sampleFilterSchema } from "./sample-query";

/**
 * Request bodies of the curation API, validated in route handlers before lib/ is called.
 * Query-string flags arrive as "1"/"0"; in JSON bodies they may also be booleans.
 */
const MAX_RELABEL_IDS = 100_000;

export const relabelRequestSchema = z.union([
  z.object({
    ids: z.array(z.number().int().positive(), { error: "must be an array of sample ids" }).min(1, "select at least one sample").max(MAX_RELABEL_IDS),
    label: z.string({ error: "is required" }).trim().min(1, "is required"),
    reason: z.string().max(500).optional(),
  }),
  z.object({
    /** "Select all matching": the samples page's filter instead of ids. */
    filter: sampleFilterSchema,
    label: z.string({ error: "is required" }).trim().min(1, "is required"),
    reason: z.string().max(500).optional(),
  }),
]);

/** Relabel body with field-named errors: a union's own error would not say which field is wrong. */
export function parseRelabelRequest(body: unknown): { ok: true; data: z.infer<typeof relabelRequestSchema> } | { ok: false; message: string } {
  const obj = (body ?? {}) as Record<string, unknown>;
  if (typeof body !== "object" || body === null) return { ok: false, message: "body: must be a JSON object with ids and label" };
  const single = "filter" in obj && !("ids" in obj) ? relabelRequestSchema.options[1] : relabelRequestSchema.options[0];
  const parsed = single.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path.join(".") || "body"}: ${issue.message}` };
  }
  return { ok: true, data: parsed.data };
}

export const undoRequestSchema = z.object({ groupId: z.string().min(1).optional() }).nullable();

export const addClassSchema = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(32),
  slug: z.string().trim().min(1).max(40).optional(),
});

export const renameClassSchema = z.object({ to: z.string({ error: "is required" }).trim().min(1, "is required").max(32) });

export const mergeClassesSchema = z.object({
  from: z.string({ error: "is required" }).min(1, "is required"),
  into: z.string({ error: "is required" }).min(1, "is required"),
});

export const classSetSchema = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(80),
  classes: z.array(z.string().min(1), { error: "must be an array of class names" }).min(2, "needs at least two classes").max(500),
});

export const classSetPatchSchema = classSetSchema.partial();

const point = z.tuple([z.number().finite(), z.number().finite()]);

export const drawingSchema = z.object({
  label: z.string({ error: "is required" }).trim().min(1, "is required"),
  strokes: z
    .array(z.array(point).min(1, "a stroke needs at least one point"), { error: "must be an array of strokes of [x, y] points" })
    .min(1, "draw something first")
    .max(MAX_DRAW_STROKES)
    .refine((s) => s.reduce((n, st) => n + st.length, 0) <= MAX_DRAW_POINTS, `at most ${MAX_DRAW_POINTS} points`),
  /** data:image/png;base64,... of the drawing as the person saw it. */
  png: z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, "must be a data:image/png;base64 URL")
    .max(3_000_000)
    .optional(),
});
