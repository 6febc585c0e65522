import { getSqlite } from "@/lib/db";
import { AugmentRunBusyError, AugmentRunNotFoundError, getAugmentRun, listAugmentRuns, removeAugmentRun } from "@/lib/augment-store/augment-runs";

async function runId(params: Promise<{ id: string }>): Promise<number | null> {
  const id = Number((await params).id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** One run: status, counts, and its plan summary. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = await runId(params);
  if (id === null) return Response.json({ message: "run id must be a positive integer" }, { status: 400 });
  const db = getSqlite();
  if (!getAugmentRun(db, id)) return Response.json({ message: `no augment run ${id}` }, { status: 404 });
  const view = listAugmentRuns(db, { limit: 1_000_000 }).find((r) => r.id === id);
  return Response.json(view);
}

/** Removes the run's generated samples as one unit; the run stays listed as "removed". */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = await runId(params);
  if (id === null) return Response.json({ message: "run id must be a positive integer" }, { status: 400 });
  try {
    const { removed, run } = removeAugmentRun(getSqlite(), id);
    return Response.json({ id, removed, status: run.status });
  } catch (err) {
    if (err instanceof AugmentRunNotFoundError) return Response.json({ message: err.message }, { status: 404 });
    if (err instanceof AugmentRunBusyError) return Response.json({ message: err.message }, { status: 409 });
    throw err;
  }
}
