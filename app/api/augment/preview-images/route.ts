import { z } from "zod";
import { getSqlite } from "@/lib/db";
import { encodeCanonicalPng } from "@/lib/images/encode-png";
import { DEFAULT_PIPELINE, safeParsePipeline } from "@/lib/augment";
import { MAX_RUN_SEED } from "@/lib/augment-store/plan-request";
import { previewGallery } from "@/lib/augment-store/preview-gallery";

const body = z.object({
  pipeline: z.unknown().optional(),
  seed: z.number().int().min(0).max(MAX_RUN_SEED).default(1),
  classes: z.array(z.string()).max(1000).default([]),
  perRow: z.number().int().min(1).max(12).default(6),
  scale: z.number().int().min(1).max(4).default(2),
});

/**
 * Example outputs of a pipeline, as PNG data URLs: the same train originals unchanged, through
 * the whole pipeline and through each step alone (ink samples when the pipeline has a stroke-width
 * step; `note` says why a row has no examples). 400 names an unknown operation or parameter.
 */
export async function POST(request: Request) {
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
    return Response.json({ message: errors.join("; "), errors }, { status: 400 });
  }
  const req = parsed.data;
  let pipeline = DEFAULT_PIPELINE;
  if (req.pipeline !== undefined) {
    const checked = safeParsePipeline(req.pipeline);
    if (!checked.success) {
      const errors = checked.errors.map((e) => `pipeline.${e}`);
      return Response.json({ message: errors.join("; "), errors }, { status: 400 });
    }
    pipeline = checked.data;
  }
  const rows = previewGallery(getSqlite(), { pipeline, seed: req.seed, classes: req.classes, perRow: req.perRow });
  const encoded = await Promise.all(
    rows.map(async (row) => ({
      key: row.key,
      title: row.title,
      params: row.params ?? null,
      note: row.note ?? null,
      items: await Promise.all(
        row.items.map(async (item) => ({
          sampleId: item.sampleId,
          label: item.label,
          recipe: item.recipe,
          src: `data:image/png;base64,${(await encodeCanonicalPng(item.pixels, req.scale)).toString("base64")}`,
        })),
      ),
    })),
  );
  return Response.json({ rows: encoded });
}
