import { z } from "zod";
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

/** An augmentation operation as the registry, validators and recipes see it. */
export interface AugmentOperation {
  name: string;
  description: string;
  params: Readonly<Record<string, ParamSpec>>;
  /** Strict: unknown keys and out-of-range values fail; omitted parameters take their default. */
  schema: z.ZodType<OperationParams, Record<string, unknown>>;
  /** Pure apply; writes into `out` when given (which may be `pixels` itself). */
  apply(pixels: Uint8Array, params: OperationParams, rng: Rng, out?: Uint8Array): Uint8Array;
  /** Present on geometric operations, so a recipe can merge neighbours into one resampling. */
  toAffine?(params: OperationParams): Affine;
  /** Present on warps that can absorb a preceding affine map into their own resampling. */
  applyAfterAffine?(pixels: Uint8Array, params: OperationParams, rng: Rng, forward: Affine, out?: Uint8Array): Uint8Array;
}

interface OperationDefinition<K extends string> {
  name: string;
  description: string;
  params: Record<K, ParamSpec>;
  apply(pixels: Uint8Array, params: Record<K, number>, rng: Rng, out?: Uint8Array): Uint8Array;
  toAffine?(params: Record<K, number>): Affine;
  applyAfterAffine?(pixels: Uint8Array, params: Record<K, number>, rng: Rng, forward: Affine, out?: Uint8Array): Uint8Array;
}

/** Builds an operation, deriving its zod schema from the parameter specs. */
export function defineOperation<K extends string>(definition: OperationDefinition<K>): AugmentOperation {
  const shape: Record<string, z.ZodType<number, unknown>> = {};
  for (const [key, spec] of Object.entries<ParamSpec>(definition.params)) {
    shape[key] = buildParamSchema(spec).default(spec.default);
  }
  // The parameter set is checked by the schema, so narrowing to the definition's keys is safe.
  const narrow = (params: OperationParams) => params as Record<K, number>;
  const { toAffine, applyAfterAffine } = definition;
  return {
    name: definition.name,
    description: definition.description,
    params: definition.params,
    schema: z.strictObject(shape) as unknown as AugmentOperation["schema"],
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

/** The zod schema of a single parameter value. */
export function buildParamSchema(spec: ParamSpec): z.ZodType<number, unknown> {
  let schema = spec.integer || spec.odd ? z.number().int() : z.number();
  schema = schema.min(spec.min).max(spec.max);
  if (!spec.odd) return schema;
  return schema.refine((v) => Math.abs(v % 2) === 1, { message: "must be odd" });
}
