import { getSqlite } from "@/lib/db";
import { undoRequestSchema } from "@/lib/dataset/curation-requests";
import { undoLabelChange } from "@/lib/dataset/undo-label-change";
import { invalid, readJson, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** Undoes one change group: `{ groupId }`, or the newest not yet undone with an empty body. */
export async function POST(request: Request) {
  const parsed = undoRequestSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  return respond(() => undoLabelChange({ db: getSqlite(), groupId: parsed.data?.groupId }));
}
