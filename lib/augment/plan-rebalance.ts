/** How many samples each chosen class should end with. */
export type RebalanceTarget =
  | { kind: "count"; n: number }
  /** The median of the current counts over every class given, chosen or not. */
  | { kind: "median" }
  /** The largest current count over every class given. */
  | { kind: "largest" };

/** A candidate source sample when the caller has not filtered by split and source itself. */
export interface SourceSample {
  id: number;
  split: string;
  source: string;
}

export interface RebalanceClassInput {
  label: string;
  /** Samples in the class now, in the same units as the target (e.g. all splits, augmented included). */
  current: number;
  /** Train-split originals to augment: ids, or records filtered here on split and source. */
  sources: readonly (number | SourceSample)[];
}

export interface PlanRebalanceOptions {
  /** Every class, so median and largest see the whole dataset even when few are chosen. */
  classes: readonly RebalanceClassInput[];
  target: RebalanceTarget;
  /** Labels to bring up to the target; others are left alone. */
  chosen: readonly string[];
  /** Let augmented samples serve as sources too (never samples outside the train split). */
  includeSynthetic?: boolean;
}

export interface SourceAssignment {
  sourceId: number;
  count: number;
}

export interface ClassRebalancePlan {
  label: string;
  current: number;
  target: number;
  /** What was generated if sources allow: max(0, target - current). */
  wanted: number;
  toGenerate: number;
  /** Distinct usable source samples. */
  sourceCount: number;
  /** Sources that get at least one variant, by ascending id; counts differ by at most one. */
  assignments: SourceAssignment[];
  warning?: string;
}

export interface RebalancePlan {
  classes: ClassRebalancePlan[];
  total: { current: number; target: number; toGenerate: number };
  warnings: string[];
}

/** Beyond this many variants per original, the generated samples are mostly near-copies. */
const MANY_VARIANTS_PER_SOURCE = 20;

/**
 * Plans how many augmented samples each chosen class needs to reach the target and spreads
 * them over its train originals round-robin (ascending id, so the plan is deterministic).
 * Val and test samples are never sources, which keeps their content out of training; a class
 * with no usable source generates nothing and carries a warning. Classes already at or above
 * the target generate nothing: rebalancing only adds.
 */
export function planRebalance(options: PlanRebalanceOptions): RebalancePlan {
  const byLabel = new Map<string, RebalanceClassInput>();
  for (const input of options.classes) {
    if (!Number.isInteger(input.current) || input.current < 0) {
      throw new RangeError(`class "${input.label}" has an invalid current count ${input.current}`);
    }
    if (byLabel.has(input.label)) throw new Error(`class "${input.label}" is listed twice`);
    byLabel.set(input.label, input);
  }
  const target = resolveTarget(options.target, options.classes);
  const warnings: string[] = [];
  const classes: ClassRebalancePlan[] = [];
  for (const label of new Set(options.chosen)) {
    const input = byLabel.get(label);
    if (!input) {
      warnings.push(`class "${label}" is not in the dataset; skipped`);
      continue;
    }
    const plan = planClass(input, target, options.includeSynthetic ?? false);
    if (plan.warning) warnings.push(plan.warning);
    classes.push(plan);
  }
  const total = { current: 0, target: 0, toGenerate: 0 };
  for (const plan of classes) {
    total.current += plan.current;
    total.target += plan.target;
    total.toGenerate += plan.toGenerate;
  }
  return { classes, total, warnings };
}

function planClass(input: RebalanceClassInput, target: number, includeSynthetic: boolean): ClassRebalancePlan {
  const sourceIds = usableSourceIds(input.sources, includeSynthetic);
  const wanted = Math.max(0, target - input.current);
  const base = { label: input.label, current: input.current, target, wanted, sourceCount: sourceIds.length };
  if (wanted > 0 && sourceIds.length === 0) {
    return {
      ...base,
      toGenerate: 0,
      assignments: [],
      warning: `class "${input.label}" has no train originals to augment; ${wanted} samples not generated`,
    };
  }
  const assignments = spreadOver(sourceIds, wanted);
  const perSource = sourceIds.length === 0 ? 0 : wanted / sourceIds.length;
  const warning =
    perSource > MANY_VARIANTS_PER_SOURCE
      ? `class "${input.label}" needs about ${Math.ceil(perSource)} variants of each of its ${sourceIds.length} originals; expect near-duplicates`
      : undefined;
  return { ...base, toGenerate: wanted, assignments, ...(warning ? { warning } : {}) };
}

/** Deduplicated, ascending ids of the samples allowed as sources. */
function usableSourceIds(sources: readonly (number | SourceSample)[], includeSynthetic: boolean): number[] {
  const ids = new Set<number>();
  for (const source of sources) {
    if (typeof source === "number") {
      ids.add(source);
    } else if (source.split === "train" && (includeSynthetic || source.source !== "augmented")) {
      ids.add(source.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** Round-robin over the sources: the first (count mod n) sources get one extra. */
function spreadOver(sourceIds: readonly number[], count: number): SourceAssignment[] {
  if (count === 0 || sourceIds.length === 0) return [];
  const each = Math.floor(count / sourceIds.length);
  const extra = count % sourceIds.length;
  const assignments: SourceAssignment[] = [];
  sourceIds.forEach((sourceId, index) => {
    const n = each + (index < extra ? 1 : 0);
    if (n > 0) assignments.push({ sourceId, count: n });
  });
  return assignments;
}

function resolveTarget(target: RebalanceTarget, classes: readonly RebalanceClassInput[]): number {
  if (target.kind === "count") {
    if (!Number.isInteger(target.n) || target.n < 0) throw new RangeError(`target count must be a whole number >= 0, got ${target.n}`);
    return target.n;
  }
  const counts = classes.map((c) => c.current).sort((a, b) => a - b);
  if (counts.length === 0) return 0;
  if (target.kind === "largest") return counts[counts.length - 1]!;
  const mid = counts.length >> 1;
  // An even number of classes rounds the middle pair's mean up, so the target is a whole count.
  return counts.length % 2 === 1 ? counts[mid]! : Math.ceil((counts[mid - 1]! + counts[mid]!) / 2);
}
