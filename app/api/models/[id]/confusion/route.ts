import { getSqlite } from "@/lib/db";
import { listCellSamples } from "@/lib/evaluation/evaluation-store";
import { confusionQuerySchema, searchObject } from "@/lib/evaluation/evaluation-requests";
import { badRequest, invalid, parseId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/**
 * `?true=9&pred=7[&split=test|val]` -> the samples of that confusion cell in the newest
 * evaluation: id, trueLabel, predicted, confidence, top3, and the label they have now.
 * Unknown model or class -> 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("model id must be a positive integer");
  const query = confusionQuerySchema.safeParse(searchObject(new URL(request.url).searchParams));
  if (!query.success) return invalid(query.error);
  const { true: trueLabel, pred, split } = query.data;
  return respond(() => ({ modelId: id, split, trueLabel, predLabel: pred, ...listCellSamples(getSqlite(), { modelId: id, split, trueLabel, predLabel: pred }) }));
}
