import { getSqlite } from "@/lib/db";
import { deleteClassSet, getClassSet, updateClassSet } from "@/lib/dataset/class-sets";
import { NotFoundError } from "@/lib/dataset/curation-errors";
import { classSetPatchSchema } from "@/lib/dataset/curation-requests";
import { badRequest, invalid, parseId, readJson, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Params) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("id: must be a positive integer");
  return respond(() => {
    const set = getClassSet({ db: getSqlite(), ref: id });
    if (!set) throw new NotFoundError(`no class set ${id}`);
    return set;
  });
}

/** `{ name?, classes? }` -> the updated set. */
export async function PATCH(request: Request, { params }: Params) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("id: must be a positive integer");
  const parsed = classSetPatchSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  return respond(() => updateClassSet({ db: getSqlite(), id, ...parsed.data }));
}

export async function DELETE(_request: Request, { params }: Params) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("id: must be a positive integer");
  return respond(() => {
    deleteClassSet({ db: getSqlite(), id });
    return { deleted: id };
  });
}
