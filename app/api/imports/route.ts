import path from "node:path";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { getPrisma, getSqlite } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/queue";
import { planImport } from "@/lib/dataset/import-dataset";
import { detectArchiveFormat } from "@/lib/dataset/read-archive";
import { ImportInputError, SAMPLE_SOURCES } from "@/lib/dataset/import-types";
import { saveUpload } from "@/lib/dataset/save-upload";
import { listImports } from "@/lib/dataset/list-imports";
import fs from "node:fs";
import { MAX_STROKE_WIDTH } from "@/lib/ink/rasterize";
import { isInkmlName } from "@/lib/dataset/read-inkml";

const strokeWidth = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_STROKE_WIDTH, `stroke width must be from 1 to ${MAX_STROKE_WIDTH}`)
  .optional();
const pathRequest = z.object({
  path: z.string().trim().min(1, "path is required"),
  source: z.enum(SAMPLE_SOURCES).optional(),
  strokeWidth,
  junk: z.boolean().default(false),
});

export async function GET() {
  return Response.json({ items: await listImports(getPrisma(), { take: 50 }) });
}

/**
 * Starts an import in the worker. JSON `{ path, strokeWidth?, junk? }` imports a folder, archive,
 * MNIST or InkML file on this machine; any other body is an uploaded .zip/.tar.gz or .inkml (name
 * in `?name=`, InkML pen width in `?strokeWidth=`, `?junk=1` for junk), streamed to disk first.
 * The path is checked here so a wrong one is refused at once with the reason.
 */
export async function POST(request: Request) {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/json")) {
    const parsed = pathRequest.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return Response.json({ message: parsed.error.issues[0]?.message ?? "invalid request" }, { status: 400 });
    const target = path.resolve(parsed.data.path);
    try {
      planImport(target, parsed.data.source);
    } catch (err) {
      if (err instanceof ImportInputError) return Response.json({ message: err.message }, { status: 400 });
      throw err;
    }
    const job = enqueueJob(getSqlite(), {
      type: "import",
      payload: { path: target, source: parsed.data.source, strokeWidth: parsed.data.strokeWidth, junk: parsed.data.junk, removeWhenDone: false },
    });
    return Response.json({ jobId: job.id }, { status: 202 });
  }

  const search = new URL(request.url).searchParams;
  const name = search.get("name") ?? "upload";
  const width = strokeWidth.safeParse(search.get("strokeWidth") || undefined);
  if (!width.success) return Response.json({ message: width.error.issues[0]?.message ?? "invalid stroke width" }, { status: 400 });
  if (!request.body) return Response.json({ message: "the upload is empty" }, { status: 400 });
  let file: string;
  try {
    file = await saveUpload({ dir: path.join(getEnv().dataDir, "imports"), name, body: request.body });
  } catch (err) {
    return Response.json({ message: (err as Error).message }, { status: 400 });
  }
  if (!detectArchiveFormat(file) && !isInkmlName(file)) {
    fs.rmSync(file, { force: true });
    return Response.json({ message: `${name} is not a .zip, .tar or .tar.gz archive or an .inkml file` }, { status: 400 });
  }
  const job = enqueueJob(getSqlite(), {
    type: "import",
    payload: { path: file, sourceLabel: `upload: ${name}`, strokeWidth: width.data, junk: search.get("junk") === "1", removeWhenDone: true },
  });
  return Response.json({ jobId: job.id }, { status: 202 });
}
