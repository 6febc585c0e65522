import { getSqlite } from "@/lib/db";
import { createClassSet, listClassSets } from "@/lib/dataset/class-sets";
import { classSetSchema } from "@/lib/dataset/curation-requests";
import { invalid, readJson, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  return respond(() => ({ items: listClassSets({ db: getSqlite() }) }));
}

/** `{ name, classes }` -> the new set (201). */
export async function POST(request: Request) {
  const parsed = classSetSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  return respond(() => createClassSet({ db: getSqlite(), ...parsed.data }), 201);
}
