import { getSqlite } from "@/lib/db";
import { promoteModel } from "@/lib/training/models";

/** Makes this model the current one (used by the solver and the evaluation). */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ message: "model id must be a positive integer" }, { status: 400 });
  if (!promoteModel(getSqlite(), id)) return Response.json({ message: `no model ${id}` }, { status: 404 });
  return Response.json({ id, isCurrent: true });
}
