import { runImportJob } from "../dataset/import-job";
import type { JobHandler } from "./job-context";

/** Every job type the worker runs. Each handler validates its own payload. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  import: runImportJob,
};
