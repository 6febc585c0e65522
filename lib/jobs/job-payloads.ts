import { z } from "zod";
import { importJobPayload } from "../dataset/import-job-payload";
import { augmentJobPayload } from "../augment-store/augment-job-payload";
import { trainRequestSchema } from "../training/train-request";
import { crossValidateJobPayload, evaluateJobPayload, visualizeJobPayload } from "../evaluation/job-payloads";

/**
 * Payload schemas by job type, checked where jobs enter (API, CLI) so a bad request is refused
 * with the field named instead of failing later in the worker. Kept apart from the handlers so
 * the web server does not load the worker's heavy modules (TensorFlow.js) to validate a request.
 */
export const JOB_PAYLOADS: Record<string, z.ZodType> = {
  import: importJobPayload,
  augment: augmentJobPayload,
  /** A train job is submitted as a training request; lib/jobs/submit-job.ts turns it into a run. */
  train: trainRequestSchema,
  evaluate: evaluateJobPayload,
  "cross-validate": crossValidateJobPayload,
  visualize: visualizeJobPayload,
};

export type JobRequestResult = { ok: true; type: string; payload: unknown } | { ok: false; message: string; errors: Record<string, string> };

export function validateJobRequest(type: unknown, params: unknown): JobRequestResult {
  if (typeof type !== "string" || !(type in JOB_PAYLOADS)) {
    return { ok: false, message: `unknown job type ${JSON.stringify(type)}; known: ${Object.keys(JOB_PAYLOADS).join(", ")}`, errors: { type: "unknown job type" } };
  }
  const parsed = JOB_PAYLOADS[type]!.safeParse(params ?? {});
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "params"] = issue.message;
    const message = Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join("; ");
    return { ok: false, message: `invalid ${type} params: ${message}`, errors };
  }
  return { ok: true, type, payload: parsed.data };
}
