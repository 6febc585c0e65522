import type { OperationParams, ParamSpec } from "./operation";
import { createRng, deriveSeed, MAX_SEED, type Rng } from "./prng";
import type { ParamValue, Pipeline, Recipe, RecipeOp } from "./recipe-types";
import { getOperation } from "./registry";

/** Seed stream used for drawing parameters; applyRecipe uses another, so the two never correlate. */
export const SAMPLING_STREAM = 0;

/** Drawn values are rounded to this many decimals so stored recipes stay readable. */
const DECIMALS = 1e4;

/**
 * Draws a concrete recipe from a pipeline: decides which optional steps run, then picks each
 * ranged parameter uniformly (integers and odd kernel sizes stay on their grid). The same
 * pipeline and seed always give the same recipe. Expects a pipeline from parsePipeline.
 */
export function sampleRecipe(pipeline: Pipeline, seed: number): Recipe {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer in [0, ${MAX_SEED}], got ${seed}`);
  }
  const rng = createRng(deriveSeed(seed, SAMPLING_STREAM));
  const ops: RecipeOp[] = [];
  for (const step of pipeline.steps) {
    const op = getOperation(step.op);
    if (step.probability !== undefined && step.probability < 1 && !(rng() < step.probability)) continue;
    const params: OperationParams = {};
    for (const [key, spec] of Object.entries(op.params)) {
      params[key] = drawParam(spec, step.params?.[key] ?? spec.default, rng);
    }
    ops.push({ op: op.name, params });
  }
  return { seed, ops };
}

function drawParam(spec: ParamSpec, value: ParamValue, rng: Rng): number {
  if (typeof value === "number") return value;
  const [low, high] = value;
  if (low === high) return low;
  if (spec.odd) {
    const first = Math.abs(low % 2) === 1 ? low : low + 1;
    const choices = Math.floor((high - first) / 2) + 1;
    return first + 2 * Math.floor(rng() * choices);
  }
  if (spec.integer) return low + Math.floor(rng() * (high - low + 1));
  const drawn = Math.round((low + rng() * (high - low)) * DECIMALS) / DECIMALS;
  return drawn < low ? low : drawn > high ? high : drawn;
}
