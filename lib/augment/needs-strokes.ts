import type { Pipeline, Recipe } from "./recipe-types";
import { findOperation } from "./registry";

/**
 * Whether a pipeline redraws samples from their strokes (a stroke-width step, at any chance):
 * a run then takes only ink-born parents, so no parent is left with a step it cannot take.
 */
export function pipelineNeedsStrokes(pipeline: Pipeline): boolean {
  return pipeline.steps.some((step) => findOperation(step.op)?.input === "strokes");
}

/** Whether applying this recipe needs the parent's strokes (its first op is a stroke operation). */
export function recipeNeedsStrokes(recipe: Recipe): boolean {
  const first = recipe.ops[0];
  return first !== undefined && findOperation(first.op)?.input === "strokes";
}
