import { getSqlite } from "@/lib/db";
import { drawingSchema } from "@/lib/dataset/curation-requests";
import { saveDrawing } from "@/lib/dataset/save-drawing";
import { invalid, readJson, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/** `{ label, strokes: [[[x, y], ...], ...], png? }` -> the stored canvas sample (201). */
export async function POST(request: Request) {
  const parsed = drawingSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  const { label, strokes, png } = parsed.data;
  return respond(
    () => saveDrawing({ db: getSqlite(), label, strokes, png: png ? Buffer.from(png.slice(png.indexOf(",") + 1), "base64") : null }),
    201,
  );
}
