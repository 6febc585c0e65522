import { getSqlite } from "@/lib/db";
import { enqueueEvaluation } from "@/lib/evaluation/enqueue-evaluation";
import { badRequest, parseId, respond } from "../../../_lib/respond";

/** Re-evaluates a model (after relabels): 202 `{ jobId }`; unknown model -> 404. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("model id must be a positive integer");
  return respond(() => ({ jobId: enqueueEvaluation(getSqlite(), id).id }), 202);
}
