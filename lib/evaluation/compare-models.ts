import type Database from "better-sqlite3";
import { computeMetrics } from "../ml/evaluate";
import { getLatestEvaluation, getLatestEvaluationSamples, requireModel, type EvaluationSplit } from "./evaluation-store";

export interface ModelComparison {
  split: EvaluationSplit;
  a: { id: number; accuracy: number | null; total: number; evaluatedAt: string | null };
  b: { id: number; accuracy: number | null; total: number; evaluatedAt: string | null };
  /** Union of both class lists, a's order first. */
  classes: string[];
  perClass: { name: string; f1A: number | null; f1B: number | null; supportA: number; supportB: number }[];
  /** Samples both evaluations scored (with a true label both models know). */
  common: number;
  commonAccuracyA: number;
  commonAccuracyB: number;
  /** diff[t][p] = b's count - a's count on the common samples; the classes of `classes`. */
  diff: number[][];
  /** Common samples a got wrong and b right, and the other way round. */
  fixed: number;
  broken: number;
}

/**
 * Two models side by side on their newest evaluations: accuracy and per-class F1 as each was
 * scored, and a difference confusion matrix over the samples both scored, so a change in the
 * test set does not pass for a change in the model.
 */
export function compareModels(db: Database.Database, options: { a: number; b: number; split: EvaluationSplit }): ModelComparison {
  const ma = requireModel(db, options.a);
  const mb = requireModel(db, options.b);
  const ea = getLatestEvaluation(db, { modelId: ma.id, split: options.split });
  const eb = getLatestEvaluation(db, { modelId: mb.id, split: options.split });
  const classesA = JSON.parse(ma.classes) as string[];
  const classesB = JSON.parse(mb.classes) as string[];
  const classes = [...classesA, ...classesB.filter((c) => !classesA.includes(c))];
  const f1 = (e: typeof ea, name: string) => e?.metrics.perClass.find((c) => c.name === name) ?? null;
  const perClass = classes.map((name) => ({
    name,
    f1A: f1(ea, name)?.f1 ?? null,
    f1B: f1(eb, name)?.f1 ?? null,
    supportA: f1(ea, name)?.support ?? 0,
    supportB: f1(eb, name)?.support ?? 0,
  }));

  const sa = getLatestEvaluationSamples(db, { modelId: ma.id, split: options.split });
  const sb = getLatestEvaluationSamples(db, { modelId: mb.id, split: options.split });
  const k = classes.length;
  const diff = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let common = 0;
  let correctA = 0;
  let correctB = 0;
  let fixed = 0;
  let broken = 0;
  if (sa && sb) {
    const col = new Map(classes.map((c, i) => [c, i]));
    const byIdB = new Map(sb.ids.map((id, i) => [id, i]));
    const trueA: number[] = [];
    const predA: number[] = [];
    const trueB: number[] = [];
    const predB: number[] = [];
    sa.ids.forEach((id, i) => {
      const j = byIdB.get(id);
      if (j === undefined) return;
      trueA.push(col.get(sa.classes[sa.trueIdx[i]!]!)!);
      predA.push(col.get(sa.classes[sa.predIdx[i]!]!)!);
      trueB.push(col.get(sb.classes[sb.trueIdx[j]!]!)!);
      predB.push(col.get(sb.classes[sb.predIdx[j]!]!)!);
    });
    common = trueA.length;
    const cmA = computeMetrics(trueA, predA, classes);
    const cmB = computeMetrics(trueB, predB, classes);
    for (let t = 0; t < k; t++) for (let p = 0; p < k; p++) diff[t]![p] = cmB.confusion[t]![p]! - cmA.confusion[t]![p]!;
    for (let i = 0; i < common; i++) {
      const okA = trueA[i] === predA[i];
      const okB = trueB[i] === predB[i];
      if (okA) correctA++;
      if (okB) correctB++;
      if (!okA && okB) fixed++;
      if (okA && !okB) broken++;
    }
  }
  return {
    split: options.split,
    a: { id: ma.id, accuracy: ea?.accuracy ?? null, total: ea?.total ?? 0, evaluatedAt: ea?.createdAt ?? null },
    b: { id: mb.id, accuracy: eb?.accuracy ?? null, total: eb?.total ?? 0, evaluatedAt: eb?.createdAt ?? null },
    classes,
    perClass,
    common,
    commonAccuracyA: common ? correctA / common : 0,
    commonAccuracyB: common ? correctB / common : 0,
    diff,
    fixed,
    broken,
  };
}
