import { getSqlite } from "@/lib/db";
import { listSamples } from "@/lib/dataset/list-samples";
import { parseRelabelRequest } from "@/lib/dataset/curation-requests";
import { relabelMatching, relabelSamples } from "@/lib/dataset/relabel-samples";
import { parseSampleQuery } from "@/lib/dataset/sample-query";
import { badRequest, readJson, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/** `?label=&source=&split=&conflict=&relabelled=&model=&misclassified=&q=&page=&pageSize=&sort=` -> `{ total, items }`. */
export async function GET(request: Request) {
  const parsed = parseSampleQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(parsed.message);
  return respond(() => listSamples({ db: getSqlite(), ...parsed.query }));
}

/**
 * `{ ids, label }` or `{ filter, label }` -> `{ updated, groupId }`. Derived samples follow their
 * parent; everything happens in one transaction, so an unknown id (404) changes nothing.
 */
export async function PATCH(request: Request) {
  const parsed = parseRelabelRequest(await readJson(request));
  if (!parsed.ok) return badRequest(parsed.message);
  const body = parsed.data;
  return respond(() => {
    const db = getSqlite();
    const result =
      "ids" in body
        ? relabelSamples({ db, ids: body.ids, label: body.label, reason: body.reason })
        : relabelMatching({ db, filter: body.filter, label: body.label, reason: body.reason });
    return { updated: result.updated, groupId: result.groupId, changes: result.changes.length <= 1000 ? result.changes : undefined };
  });
}
