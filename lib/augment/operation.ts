import { z } from "zod";
import type { Stroke } from "../ink/ink-document";
import type { Affine } from "./affine";
import type { Rng } from "./prng";

/** One numeric parameter of an operation: its allowed range and the value used when omitted. */
export interface ParamSpec {
  min: number;
  max: number;
  default: number;
  integer?: boolean;
  /** Only odd integers (kernel sizes). */
  odd?: boolean;
  description: string;
}

/** Concrete parameter values of one operation, by parameter name. */
export type OperationParams = Record<string, number>;

interface OperationBase {
  name: string;
  description: string;
  params: Readonly<Record<string, ParamSpec>>;
  /** Strict: unknown keys and out-of-range values fail; omitted parameters take their default. */
  schema: z.ZodType<OperationParams, Record<string, unknown>>;
}

/** A pure operation on a canonical image: every sample can take it. */
export interface PixelOperation extends OperationBase {
  input: "pixels";
  /** Pure apply; writes into `out` when given (which may be `pixels` itself). */
  apply(pixels: Uint8Array, params: OperationParams, rng: Rng, out?: Uint8Array): Uint8Array;
  /** Present on geometric operations, so a recipe can merge neighbours into one resampling. */
  toAffine?(params: OperationParams): Affine;
  /** Present on warps that can absorb a preceding affine map into their own resampling. */
  applyAfterAffine?(pixels: Uint8Array, params: OperationParams, rng: Rng, forward: Affine, out?: Uint8Array): Uint8Array;
}

/**
 * An operation that draws the sample again from its strokes instead of changing its pixels:
 * only ink-born samples (InkML, canvas) can take it, and it must be a pipeline's first step.
 */
export interface StrokeOperation extends OperationBase {
  input: "strokes";
  /** A new canonical image from the sample's strokes; deterministic (no randomness). */
  render(strokes: readonly Stroke[], params: OperationParams): Uint8Array;
}

/** An augmentation operation as the registry, validators and recipes see it. */
export type AugmentOperation = PixelOperation | StrokeOperation;

interface OperationDefinition<K extends string> {
  name: string;
  description: string;
  params: Record<K, ParamSpec>;
  apply(pixels: Uint8Array, params: Record<K, number>, rng: Rng, out?: Uint8Array): Uint8Array;
  toAffine?(params: Record<K, number>): Affine;
  applyAfterAffine?(pixels: Uint8Array, params: Record<K, number>, rng: Rng, forward: Affine, out?: Uint8Array): Uint8Array;
}

/** Builds a pixel operation, deriving its zod schema from the parameter specs. */
export function defineOperation<K extends string>(definition: OperationDefinition<K>): PixelOperation {
  // The parameter set is checked by the schema, so narrowing to the definition's keys is safe.
  const narrow = (params: OperationParams) => params as Record<K, number>;
  const { toAffine, applyAfterAffine } = definition;
  return {
    ...baseOf(definition),
    input: "pixels",
    apply: (pixels, params, rng, out) => definition.apply(pixels, narrow(params), rng, out),
    ...(toAffine ? { toAffine: (params: OperationParams) => toAffine(narrow(params)) } : {}),
    ...(applyAfterAffine
      ? {
          applyAfterAffine: (pixels: Uint8Array, params: OperationParams, rng: Rng, forward: Affine, out?: Uint8Array) =>
            applyAfterAffine(pixels, narrow(params), rng, forward, out),
        }
      : {}),
  };
}

/** Builds a stroke operation (see StrokeOperation), with the same parameter checks as pixel operations. */
export function defineStrokeOperation<K extends string>(definition: {
  name: string;
  description: string;
  params: Record<K, ParamSpec>;
  render(strokes: readonly Stroke[], params: Record<K, number>): Uint8Array;
}): StrokeOperation {
  return {
    ...baseOf(definition),
    input: "strokes",
    render: (strokes, params) => definition.render(strokes, params as Record<K, number>),
  };
}

function baseOf(definition: { name: string; description: string; params: Record<string, ParamSpec> }): OperationBase {
  const shape: Record<string, z.ZodType<number, unknown>> = {};
  for (const [key, spec] of Object.entries<ParamSpec>(definition.params)) {
    shape[key] = buildParamSchema(spec).default(spec.default);
  }
  return {
    name: definition.name,
    description: definition.description,
    params: definition.params,
    schema: z.strictObject(shape) as unknown as OperationBase["schema"],
  };
}

/** The zod schema of a single parameter value. */
export function buildParamSchema(spec: ParamSpec): z.ZodType<number, unknown> {
  let schema = spec.integer || spec.odd ? z.number().int() : z.number();
  schema = schema.min(spec.min).max(spec.max);
  if (!spec.odd) return schema;
  return schema.refine((v) => Math.abs(v % 2) === 1, { message: "must be odd" });
}
