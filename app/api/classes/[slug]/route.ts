import { getSqlite } from "@/lib/db";
import { renameClassSchema } from "@/lib/dataset/curation-requests";
import { renameClass } from "@/lib/dataset/manage-classes";
import { invalid, readJson, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** Renames the class with this slug: `{ to }` -> `{ updated, groupId, class }`. */
export async function PATCH(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeURIComponent((await params).slug);
  const parsed = renameClassSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  return respond(() => {
    const db = getSqlite();
    const name = db.prepare(`SELECT name FROM classes WHERE slug = ?`).pluck().get(slug) as string | undefined;
    const result = renameClass({ db, from: name ?? slug, to: parsed.data.to });
    return { updated: result.updated, groupId: result.groupId, class: result.class };
  });
}
