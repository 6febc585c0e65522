import { PermanentJobError, type JobContext, type JobHandler } from "../jobs/job-context";
import { CurationInputError, NotFoundError } from "../dataset/curation-errors";
import { evaluateModel } from "./evaluate-model";
import { crossValidateModel } from "./cross-validate";
import { visualizeModel } from "./visualize-model";
import { crossValidateJobPayload, evaluateJobPayload, visualizeJobPayload } from "./job-payloads";
import type { z } from "zod";

/** Parses the payload and turns input errors (unknown model, bad params) into failures without retry. */
function handler<S extends z.ZodType>(schema: S, run: (payload: z.infer<S>, ctx: JobContext) => Promise<unknown>): JobHandler {
  return async (payload, ctx) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`invalid ${ctx.job.type} job: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    try {
      return await run(parsed.data, ctx);
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof CurationInputError) throw new PermanentJobError(err.message);
      throw err;
    }
  };
}

/** "evaluate": predictions and metrics of a model on its run's test and val samples (labels as they are now). */
export const runEvaluateJob = handler(evaluateJobPayload, async ({ modelId }, ctx) => {
  const result = await evaluateModel({ db: ctx.db, modelId, jobId: ctx.job.id, signal: ctx.signal, onProgress: (f, m) => ctx.progress(f, m) });
  ctx.log(`model ${modelId} evaluated: ${result.evaluations.map((e) => `${e.split} ${(e.accuracy * 100).toFixed(1)}% of ${e.total}`).join(", ")}`);
  return result;
});

/** "cross-validate": k fold models, out-of-fold probabilities, confident-learning label issues. */
export const runCrossValidateJob = handler(crossValidateJobPayload, async ({ modelId, k, epochs }, ctx) =>
  crossValidateModel({ db: ctx.db, modelId, k, epochs, jobId: ctx.job.id, signal: ctx.signal, onProgress: (f, m) => ctx.progress(f, m), log: ctx.log }),
);

/** "visualize": first-layer filters and a sample's activation maps as cached PNGs. */
export const runVisualizeJob = handler(visualizeJobPayload, async ({ modelId, sampleId }, ctx) => visualizeModel({ db: ctx.db, modelId, sampleId }));
