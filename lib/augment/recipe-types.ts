import type { OperationParams } from "./operation";

/** A parameter in a pipeline: a fixed value or an inclusive [min, max] range to draw from. */
export type ParamValue = number | readonly [number, number];

/** One pipeline step: an operation, its parameters (omitted ones take the default), and how often it runs. */
export interface PipelineStep {
  readonly op: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Chance the step is included in a recipe, 0-1; 1 when omitted. */
  readonly probability?: number;
}

/** A chain of operations with parameter ranges: the template recipes are drawn from. */
export interface Pipeline {
  readonly steps: readonly PipelineStep[];
}

/** One concrete operation in a recipe, with every parameter fixed. */
export interface RecipeOp {
  op: string;
  params: OperationParams;
}

/**
 * Exactly how one augmented sample was made: plain JSON, stored with the sample. Applying it
 * to the same parent gives the same bytes.
 */
export interface Recipe {
  /** Unsigned 32-bit; seeds the randomness inside operations (noise, elastic field). */
  seed: number;
  ops: RecipeOp[];
}

/** The most steps a pipeline or recipe may hold; guards the API against runaway input. */
export const MAX_STEPS = 32;
