import fs from "node:fs";
import path from "node:path";
import { getSqlite } from "@/lib/db";
import { getModel } from "@/lib/training/models";
import { MODEL_JSON, WEIGHTS_BIN } from "@/lib/ml/model-files";

/**
 * Downloads a model's files. model.json names weights.bin relatively, so
 * `tf.loadLayersModel("/api/models/<id>/files/model.json")` loads the model straight from here.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; name: string }> }) {
  const { id: rawId, name } = await params;
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ message: "model id must be a positive integer" }, { status: 400 });
  if (name !== MODEL_JSON && name !== WEIGHTS_BIN) return Response.json({ message: `a model has ${MODEL_JSON} and ${WEIGHTS_BIN}` }, { status: 404 });
  const model = getModel(getSqlite(), id);
  if (!model) return Response.json({ message: `no model ${id}` }, { status: 404 });
  const file = path.join(model.dir, name);
  if (!fs.existsSync(file)) return Response.json({ message: `${name} of model ${id} is missing on disk` }, { status: 404 });
  return new Response(new Uint8Array(fs.readFileSync(file)), {
    headers: {
      "Content-Type": name === MODEL_JSON ? "application/json" : "application/octet-stream",
      "Content-Disposition": `attachment; filename="inkset-model-${id}-${name}"`,
    },
  });
}
