import { z } from "zod";

/** Payloads of the evaluation jobs; zod only, so the web server validates without loading TensorFlow.js. */
export const evaluateJobPayload = z.object({ modelId: z.number().int().positive() });

export const crossValidateJobPayload = z.object({
  modelId: z.number().int().positive(),
  /** Folds: 3 to 5 (each fold trains one model). */
  k: z.number().int().min(3).max(5).default(3),
  /** Epochs per fold model; defaults to the run's epochs capped at 3. */
  epochs: z.number().int().min(1).max(50).optional(),
});

export const visualizeJobPayload = z.object({
  modelId: z.number().int().positive(),
  /** Also render this sample's activation maps (the filters are always rendered). */
  sampleId: z.number().int().positive().optional(),
});

export type EvaluateJobPayload = z.infer<typeof evaluateJobPayload>;
export type CrossValidateJobPayload = z.infer<typeof crossValidateJobPayload>;
export type VisualizeJobPayload = z.infer<typeof visualizeJobPayload>;
