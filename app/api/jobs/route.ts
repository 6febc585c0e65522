import { getSqlite } from "@/lib/db";
import { listJobs } from "@/lib/jobs/queue";
import { submitJob } from "@/lib/jobs/submit-job";
import { TrainingInputError } from "@/lib/training/resolve-classes";
import { validateJobRequest } from "@/lib/jobs/job-payloads";
import { toJobView } from "@/lib/jobs/job-view";

/** Recent jobs, newest first. `?type=import` filters. */
export async function GET(request: Request) {
  const type = new URL(request.url).searchParams.get("type") ?? undefined;
  return Response.json({ items: listJobs(getSqlite(), { type, limit: 100 }).map(toJobView) });
}

/** Queues a job: `{ "type": "import", "params": { "path": "…" } }` -> 202 `{ id }`. */
export async function POST(request: Request) {
  let body: { type?: unknown; params?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return Response.json({ message: "body must be JSON: { type, params }" }, { status: 400 });
  }
  const checked = validateJobRequest(body?.type, body?.params);
  if (!checked.ok) return Response.json({ message: checked.message, errors: checked.errors }, { status: 400 });
  try {
    const job = submitJob(getSqlite(), checked.type, checked.payload);
    return Response.json({ ...job, status: "queued" }, { status: 202 });
  } catch (err) {
    if (err instanceof TrainingInputError) return Response.json({ message: err.message, errors: { [err.field]: err.message } }, { status: 400 });
    throw err;
  }
}
