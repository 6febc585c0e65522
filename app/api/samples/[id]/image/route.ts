import { getPrisma } from "@/lib/db";
import { encodeCanonicalPng } from "@/lib/images/encode-png";
import { z } from "zod";

const query = z.object({ scale: z.coerce.number().int().min(1).max(8).default(1) });

/** The canonical 45x45 image as PNG. Immutable per content hash, so browsers cache it for good. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ message: "sample id must be a positive integer" }, { status: 400 });
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json({ message: "scale must be an integer from 1 to 8" }, { status: 400 });
  const sample = await getPrisma().sample.findUnique({ where: { id }, select: { hash: true, canonical: true } });
  if (!sample) return Response.json({ message: `no sample ${id}` }, { status: 404 });
  const etag = `"${sample.hash}-${q.data.scale}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=31536000, immutable" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const png = await encodeCanonicalPng(new Uint8Array(sample.canonical), q.data.scale);
  return new Response(new Uint8Array(png), { headers: { ...headers, "Content-Type": "image/png" } });
}
