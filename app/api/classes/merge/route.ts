import { getSqlite } from "@/lib/db";
import { mergeClassesSchema } from "@/lib/dataset/curation-requests";
import { mergeClasses } from "@/lib/dataset/manage-classes";
import { invalid, readJson, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** `{ from, into }` (class names) -> `{ updated, groupId }`; `from` is removed. */
export async function POST(request: Request) {
  const parsed = mergeClassesSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  return respond(() => {
    const result = mergeClasses({ db: getSqlite(), ...parsed.data });
    return { updated: result.updated, groupId: result.groupId };
  });
}
