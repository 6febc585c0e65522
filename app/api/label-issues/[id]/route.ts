import { getSqlite } from "@/lib/db";
import { resolveLabelIssue } from "@/lib/evaluation/label-issues";
import { labelIssueActionSchema } from "@/lib/evaluation/evaluation-requests";
import { badRequest, invalid, parseId, readJson, respond } from "../../_lib/respond";

/**
 * `{ action: "accept" }` relabels the sample to the suggestion (origin "suggestion", undoable like
 * any relabel); `{ action: "keep" }` confirms the given label. Unknown issue -> 404.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("label issue id must be a positive integer");
  const body = labelIssueActionSchema.safeParse(await readJson(request));
  if (!body.success) return invalid(body.error);
  return respond(() => resolveLabelIssue(getSqlite(), { id, action: body.data.action }));
}
