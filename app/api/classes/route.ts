import { getPrisma, getSqlite } from "@/lib/db";
import { getClassCounts } from "@/lib/dataset/class-counts";
import { addClassSchema } from "@/lib/dataset/curation-requests";
import { addClass } from "@/lib/dataset/manage-classes";
import { invalid, readJson, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/** Every class with its sample count, by source and by split. */
export async function GET() {
  return respond(async () => ({ items: await getClassCounts(getPrisma()) }));
}

/** `{ name, slug? }` -> the new class (201). */
export async function POST(request: Request) {
  const parsed = addClassSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  return respond(() => addClass({ db: getSqlite(), ...parsed.data }), 201);
}
