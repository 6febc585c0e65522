import fs from "node:fs";
import { getSqlite } from "@/lib/db";
import { getModel } from "@/lib/training/models";
import { vizFile } from "@/lib/evaluation/viz-files";
import { badRequest, parseId } from "../../../../_lib/respond";

export const dynamic = "force-dynamic";

/** A rendered filter or activation image (PNG) or its manifest (JSON) from the model's viz/ folder. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; name: string }> }) {
  const { id: raw, name } = await params;
  const id = parseId(raw);
  if (id === null) return badRequest("model id must be a positive integer");
  const model = getModel(getSqlite(), id);
  if (!model) return Response.json({ message: `no model ${id}` }, { status: 404 });
  const file = vizFile(model.dir, name);
  if (!file) return Response.json({ message: `model ${id} has no rendered ${name} yet` }, { status: 404 });
  const type = name.endsWith(".png") ? "image/png" : "application/json";
  return new Response(new Uint8Array(fs.readFileSync(file)), { headers: { "content-type": type, "cache-control": "no-cache" } });
}
