import { getSqlite } from "@/lib/db";
import { getJob, requestCancel } from "@/lib/jobs/queue";
import { toJobView } from "@/lib/jobs/job-view";

async function jobId(params: Promise<{ id: string }>): Promise<number | null> {
  const id = Number((await params).id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Status, progress, result and error of one job. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = await jobId(params);
  if (id === null) return Response.json({ message: "job id must be a positive integer" }, { status: 400 });
  const job = getJob(getSqlite(), id);
  if (!job) return Response.json({ message: `no job ${id}` }, { status: 404 });
  return Response.json(toJobView(job));
}

/** Cancels a job: at once when queued, at its next heartbeat when running. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = await jobId(params);
  if (id === null) return Response.json({ message: "job id must be a positive integer" }, { status: 400 });
  const job = requestCancel(getSqlite(), id);
  if (!job) return Response.json({ message: `no job ${id}` }, { status: 404 });
  return Response.json(toJobView(job));
}
