import { z } from "zod";
import { JUNK_LABEL } from "../dataset/class-names";
import { contextPriorSchema } from "./context-prior";
import type { LabelCandidate } from "./decode";
import { median } from "./ink-mask";
import type { Placement } from "./line-frame";

const DIMS = 3;

const classSchema = z.object({
  n: z.number().int().positive(),
  mean: z.array(z.number()).length(DIMS),
  /** Inverse covariance, row-major 3x3. */
  precision: z.array(z.number()).length(DIMS * DIMS),
  /** log det of the covariance. */
  logDet: z.number(),
});

export const placementModelSchema = z.object({
  version: z.literal(1),
  source: z.string(),
  classes: z.record(z.string(), classSchema),
  /** Per label, log(P(label | written as an exponent) / P(label)); labels not listed count as 0. */
  raised: z.record(z.string(), z.number()).optional(),
  raisedSource: z.string().optional(),
  /** How likely x and × are between given neighbours (lib/equation/context-prior). */
  context: contextPriorSchema.optional(),
  contextSource: z.string().optional(),
});

/**
 * Per class, a Gaussian over where the symbol sits in its line (Placement). A crop is scaled to
 * 45x45 before the classifier sees it, which throws away exactly what tells × from x, a y from a
 * 9 or a / from a 1 in a line: size, descender, height above the baseline.
 */
export type PlacementModel = z.infer<typeof placementModelSchema>;

/** Below this many examples a class gets no Gaussian: neutral, like a class never seen. */
const MIN_EXAMPLES = 20;
/** Each side of the median, in robust standard deviations, an example may lie to be fitted (a few boxes in the ink are wrong). */
const TRIM = 4;
/** Added to each variance: keeps rare classes from an overconfident, needle-thin fit. */
const RIDGE = 0.0025;

/** Fits one Gaussian per label (trimmed mean and covariance) from placed examples. */
export function fitPlacementModel(examples: readonly { label: string; placement: Placement }[], source: string): PlacementModel {
  const byLabel = new Map<string, Placement[]>();
  for (const e of examples) {
    const list = byLabel.get(e.label) ?? [];
    list.push(e.placement);
    byLabel.set(e.label, list);
  }
  const classes: PlacementModel["classes"] = {};
  for (const [label, all] of [...byLabel].sort((a, b) => a[0].localeCompare(b[0]))) {
    const kept = trimOutliers(all);
    if (kept.length < MIN_EXAMPLES) continue;
    const mean = Array.from({ length: DIMS }, (_, d) => kept.reduce((s, p) => s + p[d]!, 0) / kept.length);
    const cov = Array.from({ length: DIMS * DIMS }, (_, k) => {
      const i = Math.floor(k / DIMS);
      const j = k % DIMS;
      return kept.reduce((s, p) => s + (p[i]! - mean[i]!) * (p[j]! - mean[j]!), 0) / kept.length + (i === j ? RIDGE : 0);
    });
    const { inverse, det } = invert3(cov);
    classes[label] = { n: kept.length, mean: mean.map(round), precision: inverse.map(round), logDet: round(Math.log(det)) };
  }
  return { version: 1, source, classes };
}

/** log N(placement | class), or null for a class the model has no Gaussian for. */
export function placementLogLikelihood(model: PlacementModel, label: string, placement: Placement): number | null {
  const c = model.classes[label];
  if (!c) return null;
  const d = placement.map((v, i) => v - c.mean[i]!);
  let q = 0;
  for (let i = 0; i < DIMS; i++) for (let j = 0; j < DIMS; j++) q += d[i]! * c.precision[i * DIMS + j]! * d[j]!;
  return -0.5 * (q + c.logDet + DIMS * Math.log(2 * Math.PI));
}

/** No class is ruled out by where it sits alone: the likelihood ratio between two candidates is capped at e^MAX_LOG_RATIO. */
const MAX_LOG_RATIO = 6;

/**
 * The top-k re-weighed by where the symbol sits: p(c | crop, placement) ∝ p(c | crop) ·
 * p(placement | c)^weight (Bayes, taking the crop's shape and its place in the line as
 * independent given the class). The top-k keep their total probability, so a reading's score
 * stays comparable with readings of other symbols; labels the model lacks count as average.
 */
export function reweighByPlacement(
  candidates: readonly LabelCandidate[],
  placement: Placement,
  model: PlacementModel,
  weight = 1,
): LabelCandidate[] {
  const symbolLogL = candidates.map((c) => (c.label === JUNK_LABEL ? null : placementLogLikelihood(model, c.label, placement)));
  // Junk (a piece of a symbol, two symbols together) sits wherever symbols sit, or anywhere near
  // the line: never less likely than the best candidate, so placement only moves probability
  // to junk, from a crop too small or out of place for every symbol it looks like.
  const junk = Math.max(junkLogLikelihood(placement), ...symbolLogL.filter((v): v is number => v !== null));
  const logL = candidates.map((c, i) => (c.label === JUNK_LABEL ? junk : symbolLogL[i]!));
  const known = logL.filter((v): v is number => v !== null);
  if (known.length < 2 || weight === 0) return [...candidates];
  const best = Math.max(...known);
  const average = known.reduce((s, v) => s + v, 0) / known.length;
  const factors = logL.map((v) => Math.exp(weight * Math.max((v ?? average) - best, -MAX_LOG_RATIO)));
  return rescaled(candidates, factors).sort((a, b) => b.p - a.p);
}

/** Broad: a smallish box about the line's middle, give or take a line height. */
const JUNK_MEAN: Placement = [-0.5, 0.3, -0.3];
const JUNK_SD = 0.6;

function junkLogLikelihood(placement: Placement): number {
  const q = placement.reduce((sum, v, d) => sum + ((v - JUNK_MEAN[d]!) / JUNK_SD) ** 2, 0);
  return -0.5 * (q + DIMS * Math.log(2 * Math.PI * JUNK_SD ** 2));
}

/** Each p times its factor, scaled so the top-k keep their total probability; in the same order. */
function rescaled(candidates: readonly LabelCandidate[], factors: readonly number[]): LabelCandidate[] {
  const mass = candidates.reduce((s, c) => s + c.p, 0);
  const weighed = candidates.reduce((s, c, i) => s + c.p * factors[i]!, 0);
  if (!(weighed > 0)) return [...candidates];
  return candidates.map((c, i) => ({ label: c.label, p: (c.p * factors[i]! * mass) / weighed }));
}

function trimOutliers(all: readonly Placement[]): Placement[] {
  const centre = Array.from({ length: DIMS }, (_, d) => median(all.map((p) => p[d]!)));
  const spread = Array.from({ length: DIMS }, (_, d) => Math.max(1.4826 * median(all.map((p) => Math.abs(p[d]! - centre[d]!))), 0.02));
  return all.filter((p) => p.every((v, d) => Math.abs(v - centre[d]!) <= TRIM * spread[d]!));
}

function invert3(m: readonly number[]): { inverse: number[]; det: number } {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(det > 0)) throw new Error(`covariance is not positive definite (det ${det})`);
  const inv = [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d];
  return { inverse: inv.map((v) => v / det), det };
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** No label gains or loses more than e^MAX_RAISED_LOG_RATIO against its share for being raised. */
const MAX_RAISED_LOG_RATIO = 2;

/**
 * log(P(label | raised) / P(label)) from counts of labels as exponents and overall, add-one
 * smoothed and capped at ±MAX_RAISED_LOG_RATIO, over labels seen MIN_EXAMPLES times: in CROHME
 * a 2 is about 6 times likelier as an exponent than its share, a z about 3 times less likely.
 */
export function fitRaisedPrior(raised: ReadonlyMap<string, number>, all: ReadonlyMap<string, number>): Record<string, number> {
  // Rare labels stay neutral: a handful of examples says nothing, and smoothing over hundreds of
  // one-off tokens would flatten the rest.
  const labels = [...all.keys()].filter((l) => all.get(l)! >= MIN_EXAMPLES).sort();
  const r = labels.reduce((sum, l) => sum + (raised.get(l) ?? 0), 0) + labels.length;
  const a = labels.reduce((sum, l) => sum + all.get(l)!, 0) + labels.length;
  const out: Record<string, number> = {};
  for (const label of labels) {
    const ratio = Math.log(((raised.get(label) ?? 0) + 1) / r / (((all.get(label) ?? 0) + 1) / a));
    out[label] = round(Math.max(-MAX_RAISED_LOG_RATIO, Math.min(MAX_RAISED_LOG_RATIO, ratio)));
  }
  return out;
}

/** The top-k read as an exponent: each p times the raised prior, the same total, the same order. */
export function reweighAsRaised(candidates: readonly LabelCandidate[], model: PlacementModel): LabelCandidate[] {
  const raised = model.raised;
  if (!raised) return [...candidates];
  return rescaled(candidates, candidates.map((c) => Math.exp(raised[c.label] ?? 0)));
}
