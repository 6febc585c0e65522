import { runImportJob } from "../dataset/import-job";
import { runAugmentJob } from "../augment-store/augment-job";
import { runTrainJob } from "../training/train-job";
import { runCrossValidateJob, runEvaluateJob, runVisualizeJob } from "../evaluation/evaluation-jobs";
import type { JobHandler } from "./job-context";

/** Every job type the worker runs. Each handler validates its own payload. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  import: runImportJob,
  augment: runAugmentJob,
  train: runTrainJob,
  evaluate: runEvaluateJob,
  "cross-validate": runCrossValidateJob,
  visualize: runVisualizeJob,
};
