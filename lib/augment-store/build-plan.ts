import type Database from "better-sqlite3";
import {
  DEFAULT_PIPELINE,
  pipelineNeedsStrokes,
  planRebalance,
  type Pipeline,
  type RebalanceClassInput,
  type RebalancePlan,
  type RebalanceTarget,
  type SourceSample,
} from "../augment";

export interface BuildPlanOptions {
  /** Labels to bring up to the target. */
  classes: readonly string[];
  /**
   * Classes "median" and "largest" are computed over (a class set, say); every stored class
   * when omitted. Chosen classes are always included.
   */
  reference?: readonly string[];
  target: RebalanceTarget;
  /** Let earlier augmented samples serve as parents too (still train split only). */
  includeSynthetic?: boolean;
  pipeline?: Pipeline;
  seed?: number;
}

/** Everything a run needs, fixed when it is previewed: what is shown is what is generated. */
export interface AugmentPlan {
  rebalance: RebalancePlan;
  /** Train-split counts of every reference class before the run (for the before/after chart). */
  reference: { label: string; current: number }[];
  classes: string[];
  target: RebalanceTarget;
  includeSynthetic: boolean;
  pipeline: Pipeline;
  seed: number;
}

/**
 * Plans a rebalancing of the training set. `current` counts a class's train-split samples
 * (augmented ones included: they are what training sees); sources are its train-split
 * originals, chosen in SQL so val and test never reach the planner, and augmented samples only
 * with `includeSynthetic`. A chosen class with no train originals gets a warning and nothing.
 * A pipeline with a stroke-width step takes only parents that have strokes (InkML, canvas): the
 * others are left out with a warning rather than given a different augmentation.
 */
export function buildRebalancePlan(db: Database.Database, options: BuildPlanOptions): AugmentPlan {
  const includeSynthetic = options.includeSynthetic ?? false;
  const pipeline = options.pipeline ?? DEFAULT_PIPELINE;
  const inkOnly = pipelineNeedsStrokes(pipeline);
  const counts = new Map<string, number>();
  for (const name of db.prepare(`SELECT name FROM classes`).pluck().all() as string[]) counts.set(name, 0);
  const rows = db.prepare(`SELECT label, COUNT(*) AS n FROM samples WHERE split = 'train' GROUP BY label`).all() as { label: string; n: number }[];
  for (const row of rows) counts.set(row.label, row.n);

  const chosen = [...new Set(options.classes)];
  const referenceLabels = options.reference ? [...new Set([...options.reference, ...chosen])] : [...counts.keys()];
  const sourceFilter = `label = ? AND split = 'train' ${includeSynthetic ? "" : "AND source <> 'augmented'"}`;
  const sourcesOf = db.prepare(`SELECT id, split, source FROM samples WHERE ${sourceFilter} ${inkOnly ? "AND strokes IS NOT NULL" : ""} ORDER BY id`);
  const withoutStrokes = db.prepare(`SELECT COUNT(*) FROM samples WHERE ${sourceFilter} AND strokes IS NULL`).pluck();
  let skipped = 0;
  const chosenSet = new Set(chosen);
  const inputs: RebalanceClassInput[] = [];
  for (const label of referenceLabels) {
    // Empty classes (left behind by a merge, say) would drag the median down; skip unless chosen.
    if (!chosenSet.has(label) && !counts.get(label)) continue;
    // Only chosen classes need their source ids; the rest just contribute counts.
    const sources = chosenSet.has(label) ? (sourcesOf.all(label) as SourceSample[]) : [];
    if (inkOnly && chosenSet.has(label)) skipped += withoutStrokes.get(label) as number;
    inputs.push({ label, current: counts.get(label) ?? 0, sources });
  }
  const rebalance = planRebalance({ classes: inputs, target: options.target, chosen, includeSynthetic });
  if (skipped > 0) {
    rebalance.warnings.unshift(`${skipped} source image${skipped === 1 ? " has" : "s have"} no strokes; stroke-width applies only to ink samples`);
  }
  return {
    rebalance,
    reference: inputs.map((c) => ({ label: c.label, current: c.current })),
    classes: chosen,
    target: options.target,
    includeSynthetic,
    pipeline,
    seed: options.seed ?? 1,
  };
}

export interface PlanSummary {
  classes: Omit<RebalancePlan["classes"][number], "assignments">[];
  total: RebalancePlan["total"];
  warnings: string[];
  /** Before/after per reference class, for the chart: chosen classes rise by toGenerate. */
  chart: { label: string; before: number; after: number; chosen: boolean }[];
  /** The resolved target count (the same for every chosen class). */
  targetCount: number | null;
}

/** The plan without its per-source assignments (tens of thousands of rows on real data). */
export function summarizePlan(plan: AugmentPlan): PlanSummary {
  const byLabel = new Map(plan.rebalance.classes.map((c) => [c.label, c]));
  return {
    classes: plan.rebalance.classes.map(({ assignments: _assignments, ...rest }) => rest),
    total: plan.rebalance.total,
    warnings: plan.rebalance.warnings,
    chart: plan.reference.map((r) => {
      const c = byLabel.get(r.label);
      return { label: r.label, before: r.current, after: r.current + (c?.toGenerate ?? 0), chosen: c !== undefined };
    }),
    targetCount: plan.rebalance.classes[0]?.target ?? null,
  };
}
