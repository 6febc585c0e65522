import { z } from "zod";
import { EVALUATION_SPLITS } from "./evaluation-store";
import { LABEL_ISSUE_STATUSES } from "./label-issues";

/** Query strings and bodies of the evaluation API, validated in the route handlers. */
export const splitQuerySchema = z.object({ split: z.enum(EVALUATION_SPLITS).default("test") });

export const confusionQuerySchema = z.object({
  true: z.string({ error: "is required (a class name)" }).min(1, "is required (a class name)"),
  pred: z.string({ error: "is required (a class name)" }).min(1, "is required (a class name)"),
  split: z.enum(EVALUATION_SPLITS).default("test"),
});

export const labelIssueQuerySchema = z.object({ status: z.enum(LABEL_ISSUE_STATUSES).optional() });

export const labelIssueActionSchema = z.object({ action: z.enum(["accept", "keep"], { error: 'must be "accept" or "keep"' }) });

export const compareQuerySchema = z.object({
  a: z.coerce.number({ error: "must be a model id" }).int().positive("must be a model id"),
  b: z.coerce.number({ error: "must be a model id" }).int().positive("must be a model id"),
  split: z.enum(EVALUATION_SPLITS).default("test"),
});

/** URLSearchParams -> plain object (first value of each key) for zod. */
export function searchObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}
