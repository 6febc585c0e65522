import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { EXPORT_HEIGHT, EXPORT_STROKE_WIDTH, renderStoredExpression } from "@/lib/dataset/expression-image";
import { MAX_STROKE_WIDTH } from "@/lib/ink/rasterize";

const query = z.object({
  strokeWidth: z.coerce.number().int().min(1).max(MAX_STROKE_WIDTH).default(EXPORT_STROKE_WIDTH),
  height: z.coerce.number().int().min(16).max(2048).default(EXPORT_HEIGHT),
});

/** The expression as the export renders it (PNG, dark ink on white), `?strokeWidth=&height=`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ message: "expression id must be a positive integer" }, { status: 400 });
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json({ message: q.error.issues[0]?.message ?? "invalid query" }, { status: 400 });
  const row = await getPrisma().expression.findUnique({ where: { id } });
  if (!row) return Response.json({ message: `no expression ${id}` }, { status: 404 });
  const { png } = await renderStoredExpression(row, q.data);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "no-cache" } });
}
