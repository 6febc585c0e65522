import { z } from "zod";
import { ALL_OPERATIONS, findOperation } from "./registry";
import { MAX_SEED } from "./prng";
import { MAX_STEPS, type ParamValue, type Pipeline, type PipelineStep, type Recipe, type RecipeOp } from "./recipe-types";

/** The outcome of checking user input: the parsed value, or messages naming what is wrong. */
export type Validation<T> = { success: true; data: T } | { success: false; errors: string[] };

/** Thrown by the parse* functions; `errors` holds one message per problem, for a 400 body or a CLI. */
export class AugmentValidationError extends Error {
  readonly errors: string[];
  constructor(errors: string[]) {
    super(errors.join("; "));
    this.name = "AugmentValidationError";
    this.errors = errors;
  }
}

const opStepShape = z.strictObject({
  op: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

const pipelineStepShape = opStepShape.extend({
  probability: z.number().min(0).max(1).optional(),
});

const pipelineShape = z.strictObject({
  steps: z.array(z.unknown()).max(MAX_STEPS),
});

const recipeShape = z.strictObject({
  seed: z.number().int().min(0).max(MAX_SEED),
  ops: z.array(z.unknown()).max(MAX_STEPS),
});

/**
 * Checks one concrete operation `{ op, params }`, filling omitted parameters with defaults.
 * Errors read like `unknown operation "blur"` or `salt-pepper.amount must be <= 0.5`.
 */
export function validateOperation(input: unknown): Validation<RecipeOp> {
  const shape = opStepShape.safeParse(input);
  if (!shape.success) return failure(formatIssues(shape.error.issues, "operation"));
  const op = findOperation(shape.data.op);
  if (!op) return failure([unknownOperation(shape.data.op)]);
  const params = op.schema.safeParse(shape.data.params ?? {});
  if (!params.success) return failure(formatIssues(params.error.issues, op.name, "parameter"));
  return { success: true, data: { op: op.name, params: params.data } };
}

/** Checks a pipeline; ranges are `[min, max]` pairs whose ends must both be valid values. */
export function safeParsePipeline(input: unknown): Validation<Pipeline> {
  const shape = pipelineShape.safeParse(input);
  if (!shape.success) return failure(formatIssues(shape.error.issues, "pipeline"));
  const errors: string[] = [];
  const steps: PipelineStep[] = [];
  shape.data.steps.forEach((raw, index) => {
    const where = `steps[${index}]`;
    const step = pipelineStepShape.safeParse(raw);
    if (!step.success) {
      errors.push(...formatIssues(step.error.issues, where));
      return;
    }
    const stepErrors = checkStepParams(step.data.op, step.data.params ?? {});
    if (index > 0 && findOperation(step.data.op)?.input === "strokes") stepErrors.push(notFirst(step.data.op, "step"));
    if (stepErrors.length > 0) {
      errors.push(...stepErrors.map((message) => `${where}: ${message}`));
      return;
    }
    steps.push(step.data as PipelineStep);
  });
  return errors.length > 0 ? failure(errors) : { success: true, data: { steps } };
}

/** As safeParsePipeline, throwing AugmentValidationError. */
export function parsePipeline(input: unknown): Pipeline {
  const result = safeParsePipeline(input);
  if (!result.success) throw new AugmentValidationError(result.errors);
  return result.data;
}

/** Checks a recipe read back from storage or sent by a client. */
export function safeParseRecipe(input: unknown): Validation<Recipe> {
  const shape = recipeShape.safeParse(input);
  if (!shape.success) return failure(formatIssues(shape.error.issues, "recipe"));
  const errors: string[] = [];
  const ops: RecipeOp[] = [];
  shape.data.ops.forEach((raw, index) => {
    const result = validateOperation(raw);
    if (result.success && index > 0 && findOperation(result.data.op)?.input === "strokes") errors.push(`ops[${index}]: ${notFirst(result.data.op, "operation")}`);
    else if (result.success) ops.push(result.data);
    else errors.push(...result.errors.map((message) => `ops[${index}]: ${message}`));
  });
  return errors.length > 0 ? failure(errors) : { success: true, data: { seed: shape.data.seed, ops } };
}

/** As safeParseRecipe, throwing AugmentValidationError. */
export function parseRecipe(input: unknown): Recipe {
  const result = safeParseRecipe(input);
  if (!result.success) throw new AugmentValidationError(result.errors);
  return result.data;
}

/** Validates both ends of every range against the operation's own schema, so limits live in one place. */
function checkStepParams(name: string, params: Record<string, unknown>): string[] {
  const op = findOperation(name);
  if (!op) return [unknownOperation(name)];
  const errors: string[] = [];
  const low: Record<string, unknown> = {};
  const high: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (isRange(value)) {
      if (value[0] > value[1]) errors.push(`${op.name}.${key} range [${value[0]}, ${value[1]}] has min > max`);
      low[key] = value[0];
      high[key] = value[1];
    } else if (typeof value === "number") {
      low[key] = value;
      high[key] = value;
    } else {
      errors.push(`${op.name}.${key} must be a number or a [min, max] pair`);
    }
  }
  for (const end of [low, high]) {
    const result = op.schema.safeParse(end);
    if (!result.success) errors.push(...formatIssues(result.error.issues, op.name, "parameter"));
  }
  return [...new Set(errors)];
}

function isRange(value: unknown): value is ParamValue & readonly [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number");
}

function unknownOperation(name: string): string {
  return `unknown operation "${name}" (known: ${ALL_OPERATIONS.map((op) => op.name).join(", ")})`;
}

/** Stroke operations start from the strokes, so anything before them would be thrown away. */
function notFirst(name: string, noun: string): string {
  return `${name} must be the first ${noun}: it redraws the sample from its strokes before any pixel operation`;
}

function failure<T>(errors: string[]): Validation<T> {
  return { success: false, errors };
}

function formatIssues(issues: readonly z.core.$ZodIssue[], subject: string, keyNoun = "field"): string[] {
  return issues.flatMap((issue) => formatIssue(issue, subject, keyNoun));
}

/** Zod's default messages ("Too big: expected number to be <=0.5") do not say which field; these do. */
function formatIssue(issue: z.core.$ZodIssue, subject: string, keyNoun: string): string[] {
  const where = subject + issue.path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
  switch (issue.code) {
    case "too_big":
      return issue.origin === "array"
        ? [`${where} must have at most ${issue.maximum} entries`]
        : [`${where} must be ${issue.inclusive ? "<=" : "<"} ${issue.maximum}`];
    case "too_small":
      return [`${where} must be ${issue.inclusive ? ">=" : ">"} ${issue.minimum}`];
    case "invalid_type":
      return [`${where} must be ${issue.expected === "int" ? "an integer" : withArticle(issue.expected)}`];
    case "unrecognized_keys":
      return issue.keys.map((key) => `${where} has no ${keyNoun} "${key}"`);
    default:
      return [`${where} ${issue.message}`];
  }
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
