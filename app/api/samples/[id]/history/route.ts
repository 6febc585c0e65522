import { getSqlite } from "@/lib/db";
import { getSampleHistory } from "@/lib/dataset/sample-history";
import { badRequest, parseId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** A sample's label history, newest first: `{ sampleId, label, items }`. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("id: must be a positive integer");
  return respond(() => getSampleHistory({ db: getSqlite(), id }));
}
