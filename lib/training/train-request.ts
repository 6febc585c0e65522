import { z } from "zod";
import { checkedModelConfigSchema } from "../ml/model-config";
import { SPLIT_MODES } from "../dataset/resolve-splits";

/**
 * What a person asks for when they press Train (UI, API or CLI). Either explicit classes or a
 * class set; neither means every class that has training samples.
 */
export const trainRequestSchema = z
  .object({
    classes: z.array(z.string().min(1)).min(2, "choose at least two classes").max(200).optional(),
    classSet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
    splitMode: z.enum(SPLIT_MODES).default("stored"),
    /** Apply lib/augment's default pipeline to every training image, freshly drawn each epoch. */
    augmentOnTheFly: z.boolean().default(false),
    config: checkedModelConfigSchema.default(checkedModelConfigSchema.parse({})),
    /** Promote the new model to current when it beats the current one on the same val set. */
    autoPromote: z.boolean().default(true),
    sweepId: z.number().int().positive().optional(),
  })
  .refine((r) => !(r.classes && r.classSet !== undefined), { message: "give classes or classSet, not both", path: ["classSet"] });

export type TrainRequest = z.infer<typeof trainRequestSchema>;
export type TrainRequestInput = z.input<typeof trainRequestSchema>;

/** Payload of a "train" job: the run it trains (the request is stored on the run). */
export const trainJobPayload = z.object({ runId: z.number().int().positive(), autoPromote: z.boolean().default(true) });

/** Flattens zod issues to { "config.dropout": "…" } so a form or an API client sees the field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "params"] = issue.message;
  return out;
}
