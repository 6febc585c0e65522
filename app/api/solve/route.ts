import { z } from "zod";
import { getSqlite } from "@/lib/db";
import { MAX_SOLVE_BYTES, SolveInputError, tooLarge } from "@/lib/solver/check-image";
import { solveUpload } from "@/lib/solver/solve-upload";
import { JUNK_LABEL } from "@/lib/dataset/class-names";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Room for the multipart boundaries and the corrections field around a 10 MB image. */
const MULTIPART_OVERHEAD = 64 * 1024;

const correctionsSchema = z
  .array(
    z.object({
      index: z.number().int().min(0).max(999),
      label: z.string().min(1).max(32).refine((l) => l !== JUNK_LABEL, "junk is not a symbol to solve with"),
    }),
  )
  .max(200);

/**
 * Solves a handwritten equation. Body: multipart/form-data with `image` (PNG or JPEG, or an
 * InkML file of digital ink) and optionally `corrections` (JSON `[{ index, label }]`), or the
 * raw bytes with `?corrections=` in the query. `?crops=1` adds each symbol's 45x45 crop.
 * Corrected crops are saved as samples (source "equation") unless `save=0`.
 * 400 empty, blank or non-image; 413 over 10 MB or 40 megapixels (refused before decoding);
 * 409 when no model has been trained yet.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.startsWith("multipart/form-data");
  const limit = MAX_SOLVE_BYTES + (multipart ? MULTIPART_OVERHEAD : 0);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return errorResponse(tooLarge(declared));

  try {
    const body = await readCapped(request, limit);
    let bytes: Uint8Array = body;
    let rawCorrections: string | null = url.searchParams.get("corrections");
    let save = url.searchParams.get("save") !== "0";
    if (multipart) {
      let form: FormData;
      try {
        form = await new Response(Buffer.from(body), { headers: { "content-type": contentType } }).formData();
      } catch {
        throw new SolveInputError("malformed multipart body: send the image in a field named `image`");
      }
      const image = form.get("image");
      if (!(image instanceof Blob)) throw new SolveInputError("no `image` file in the form");
      if (image.size > MAX_SOLVE_BYTES) throw tooLarge(image.size);
      bytes = new Uint8Array(await image.arrayBuffer());
      const field = form.get("corrections");
      if (typeof field === "string" && field.trim() !== "") rawCorrections = field;
      if (form.get("save") === "0") save = false;
    }
    let corrections: z.infer<typeof correctionsSchema> = [];
    if (rawCorrections) {
      let json: unknown;
      try {
        json = JSON.parse(rawCorrections);
      } catch {
        throw new SolveInputError("corrections: must be JSON [{ index, label }]");
      }
      const parsed = correctionsSchema.safeParse(json);
      if (!parsed.success) throw new SolveInputError(`corrections: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      corrections = parsed.data;
    }
    const result = await solveUpload({
      db: getSqlite(),
      bytes,
      corrections,
      saveCorrections: save,
      includeCrops: url.searchParams.get("crops") === "1",
    });
    return Response.json(result);
  } catch (err) {
    if (err instanceof SolveInputError) return errorResponse(err);
    throw err;
  }
}

function errorResponse(err: SolveInputError): Response {
  return Response.json({ message: err.message }, { status: err.status });
}

/** The body, read up to `limit` bytes; a longer body is refused as soon as it passes the limit. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
