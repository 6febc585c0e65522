import { getSqlite } from "@/lib/db";
import { getSweepView } from "@/lib/training/sweep-view";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ message: "sweep id must be a positive integer" }, { status: 400 });
  const sweep = getSweepView(getSqlite(), id);
  if (!sweep) return Response.json({ message: `no sweep ${id}` }, { status: 404 });
  return Response.json(sweep);
}
