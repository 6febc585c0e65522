import { z } from "zod";

/** The "augment" job runs a stored plan: POST /api/augment/runs creates the run first. */
export const augmentJobPayload = z.object({
  runId: z.number().int().positive("runId must be a positive integer"),
});
export type AugmentJobPayload = z.infer<typeof augmentJobPayload>;
