import { getSqlite } from "@/lib/db";
import { compareModels } from "@/lib/evaluation/compare-models";
import { compareQuerySchema, searchObject } from "@/lib/evaluation/evaluation-requests";
import { invalid, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** `?a=&b=[&split=]` -> accuracy and per-class F1 of both, and the b - a confusion difference on the samples both scored. */
export async function GET(request: Request) {
  const query = compareQuerySchema.safeParse(searchObject(new URL(request.url).searchParams));
  if (!query.success) return invalid(query.error);
  return respond(() => compareModels(getSqlite(), query.data));
}
