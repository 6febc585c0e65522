import fs from "node:fs";
import { PermanentJobError, type JobContext } from "../jobs/job-context";
import { importDataset } from "./import-dataset";
import { ImportInputError } from "./import-types";
import { importJobPayload } from "./import-job-payload";

/** The worker's "import" job: an import with its progress written to the job row. */
export async function runImportJob(payload: unknown, ctx: JobContext): Promise<unknown> {
  const parsed = importJobPayload.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`invalid import job: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const p = parsed.data;
  try {
    const summary = await importDataset({
      db: ctx.db,
      path: p.path,
      source: p.source,
      sourceLabel: p.sourceLabel,
      strokeWidth: p.strokeWidth,
      junk: p.junk,
      signal: ctx.signal,
      onProgress: (pr) =>
        ctx.progress(pr.fraction, `${pr.processed} files: ${pr.imported} new, ${pr.duplicates} duplicates, ${pr.rejected} rejected (import #${pr.batchId})`),
    });
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error("stopped");
    if (p.removeWhenDone) fs.rmSync(p.path, { force: true, recursive: true });
    return summary;
  } catch (err) {
    if (err instanceof ImportInputError) throw new PermanentJobError(err.message);
    throw err;
  }
}
