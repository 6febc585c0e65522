import { z } from "zod";
import { MAX_STROKE_WIDTH } from "../ink/rasterize";
import { SAMPLE_SOURCES } from "./import-types";

export const importJobPayload = z.object({
  path: z.string().min(1, "path is required"),
  source: z.enum(SAMPLE_SOURCES).optional(),
  /** Name shown for the import, e.g. the uploaded file's own name. */
  sourceLabel: z.string().optional(),
  /** Pen width InkML symbols are rendered with (1 = Kaggle style); ignored for images. */
  strokeWidth: z.number().int().min(1).max(MAX_STROKE_WIDTH).optional(),
  /** InkML only: also store junk (strokes cut from symbols, pairs of neighbours); see lib/ink/junk-ink.ts. */
  junk: z.boolean().default(false),
  /** Delete the file when the import has finished (uploads copied into data/imports). */
  removeWhenDone: z.boolean().default(false),
});
export type ImportJobPayload = z.infer<typeof importJobPayload>;
