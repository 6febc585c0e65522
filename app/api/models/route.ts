import { getSqlite } from "@/lib/db";
import { listModels } from "@/lib/training/models";

export async function GET() {
  const items = listModels(getSqlite()).map((m) => ({ ...m, classes: JSON.parse(m.classes) as string[], config: JSON.parse(m.config), isCurrent: m.isCurrent === 1 }));
  return Response.json({ items });
}
