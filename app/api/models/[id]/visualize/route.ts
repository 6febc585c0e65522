import { getSqlite } from "@/lib/db";
import { enqueueVisualization } from "@/lib/evaluation/enqueue-evaluation";
import { visualizeJobPayload } from "@/lib/evaluation/job-payloads";
import { badRequest, invalid, parseId, readJson, respond } from "../../../_lib/respond";

/**
 * `{ sampleId? }` -> 202 `{ jobId }`: the worker renders the first conv layer's filters (and the
 * sample's activation maps) into the model's viz/ folder, so the web server never loads TensorFlow.js.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("model id must be a positive integer");
  const body = visualizeJobPayload.safeParse({ ...(((await readJson(request)) as object | null) ?? {}), modelId: id });
  if (!body.success) return invalid(body.error);
  const db = getSqlite();
  if (body.data.sampleId !== undefined && !db.prepare(`SELECT 1 FROM samples WHERE id = ?`).get(body.data.sampleId)) {
    return Response.json({ message: `no sample ${body.data.sampleId}` }, { status: 404 });
  }
  return respond(() => ({ jobId: enqueueVisualization(db, body.data).id }), 202);
}
