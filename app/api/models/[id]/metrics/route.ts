import { getSqlite } from "@/lib/db";
import { countEvaluations, getLatestEvaluation, mostConfusedPairs, requireModel } from "@/lib/evaluation/evaluation-store";
import { searchObject, splitQuerySchema } from "@/lib/evaluation/evaluation-requests";
import { SPLIT_MODE_LABEL } from "@/lib/training/run-view";
import { badRequest, invalid, parseId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/**
 * `?split=test|val` -> the newest evaluation: accuracy, per-class precision/recall/F1/support,
 * macro and weighted averages, the confusion matrix (rows true, columns predicted, in `classes`
 * order) and the most-confused pairs. `evaluation` is null until the first evaluation finished.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return badRequest("model id must be a positive integer");
  const query = splitQuerySchema.safeParse(searchObject(new URL(request.url).searchParams));
  if (!query.success) return invalid(query.error);
  return respond(() => {
    const db = getSqlite();
    const model = requireModel(db, id);
    const evaluation = getLatestEvaluation(db, { modelId: id, split: query.data.split });
    return {
      modelId: id,
      split: query.data.split,
      splitMode: model.splitMode,
      splitModeLabel: SPLIT_MODE_LABEL[model.splitMode] ?? model.splitMode,
      classes: JSON.parse(model.classes) as string[],
      evaluations: countEvaluations(db, id),
      evaluation: evaluation && {
        id: evaluation.id,
        createdAt: evaluation.createdAt,
        accuracy: evaluation.accuracy,
        total: evaluation.total,
        skipped: evaluation.metrics.skipped,
        relabelledSinceRun: evaluation.metrics.relabelledSinceRun,
        classes: evaluation.metrics.classes,
        perClass: evaluation.metrics.perClass,
        macro: evaluation.metrics.macro,
        weighted: evaluation.metrics.weighted,
        confusion: evaluation.metrics.confusion,
        mostConfused: mostConfusedPairs(evaluation.metrics),
      },
    };
  });
}
