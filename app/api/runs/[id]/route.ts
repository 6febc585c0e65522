import { getSqlite } from "@/lib/db";
import { getRunView } from "@/lib/training/run-view";

/** A training run with its per-epoch curves, progress and ETA (polled by the run page). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ message: "run id must be a positive integer" }, { status: 400 });
  const run = getRunView(getSqlite(), id);
  if (!run) return Response.json({ message: `no training run ${id}` }, { status: 404 });
  return Response.json(run);
}
