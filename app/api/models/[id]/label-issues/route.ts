import { getSqlite } from "@/lib/db";
import { listLabelIssues } from "@/lib/evaluation/label-issues";
import { enqueueCrossValidation, latestModelJob } from "@/lib/evaluation/enqueue-evaluation";
import { labelIssueQuerySchema, searchObject } from "@/lib/evaluation/evaluation-requests";
import { crossValidateJobPayload } from "@/lib/evaluation/job-payloads";
import { toJobView } from "@/lib/jobs/job-view";
import { badRequest, invalid, parseId, readJson, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** `?status=open|accepted|kept` -> ranked label issues with probabilities, counts, and the newest cross-validation job. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("model id must be a positive integer");
  const query = labelIssueQuerySchema.safeParse(searchObject(new URL(request.url).searchParams));
  if (!query.success) return invalid(query.error);
  return respond(() => {
    const db = getSqlite();
    const issues = listLabelIssues(db, { modelId: id, status: query.data.status });
    const job = latestModelJob(db, { type: "cross-validate", modelId: id });
    return { modelId: id, ...issues, crossValidation: job && toJobView(job) };
  });
}

/** `{ k?: 3..5, epochs? }` -> 202 `{ jobId }`: queues a cross-validation that replaces the open issues. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("model id must be a positive integer");
  const body = crossValidateJobPayload.safeParse({ ...(((await readJson(request)) as object | null) ?? {}), modelId: id });
  if (!body.success) return invalid(body.error);
  return respond(() => ({ jobId: enqueueCrossValidation(getSqlite(), body.data).id }), 202);
}
