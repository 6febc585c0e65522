import { parse } from "mathjs";
import { formatAsDecimal, formatScalar, MathError, toNumber } from "./exact-number";
import { splitAtRelations, TextError } from "./math-text";
import { addPolynomials, constantOf, expandToPolynomial, unknownsOf, UnsupportedError, type Polynomial } from "./polynomial";
import { solvePolynomial } from "./solve-polynomial";
import type { SolveResult } from "./solve-result";
import { solveLinearSystem } from "./solve-system";

export type { ExactValue, Root, SolveResult } from "./solve-result";

/**
 * Evaluates or solves what a handwritten line says: arithmetic ("12+7×3" or "12+7×3=" -> 33,
 * "1/3+1/6" -> 1/2, exact), a linear or quadratic equation in one unknown ("2x+3=7" -> x = 2; complex roots
 * as i), or, given two equations (an array, or one string split at ";" or a newline), a linear
 * system in two unknowns. Lines that make no such system (a page of working, "2x+3=7" over
 * "2x=4"; two sums to work out) are solved each on its own, as kind "lines", when any of them
 * can be. Never throws: bad or unsupported input comes back as kind "error" with a message fit
 * for the user.
 */
export function solveExpression(input: string | readonly string[]): SolveResult {
  const lines = (typeof input === "string" ? input.split(/[;\n]/) : [...input]).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return { kind: "error", text: "Nothing to solve: the expression is empty", reason: "parse" };
  if (lines.length === 1) return solveLine(lines[0]!);
  const system = lines.length === 2 ? solveSystem(lines[0]!, lines[1]!) : describeError(new UnsupportedError("systems of more than two equations are not supported"));
  // A solver's error means the lines make no system of two linear equations in two unknowns.
  if (system.kind !== "error") return system;
  const each = lines.map(solveLine);
  if (each.every((r) => r.kind === "error")) return system;
  return { kind: "lines", text: each.map((r, i) => `line ${i + 1}: ${r.text}`).join("; "), lines: each };
}

/** What `solve` returns, or its error as a result. */
function caught(solve: () => SolveResult): SolveResult {
  try {
    return solve();
  } catch (error) {
    return describeError(error);
  }
}

const solveLine = (line: string) => caught(() => solveSingle(line));

const solveSystem = (first: string, second: string) =>
  caught(() => {
    const [a, b] = [first, second].map(equationToPolynomial) as [Equation | null, Equation | null];
    if (!a || !b) throw new UnsupportedError("each line of a system must be an equation with one '='");
    return solveLinearSystem(a.difference, b.difference);
  });

function solveSingle(line: string): SolveResult {
  // "12+7×3=" asks for the value, as on a calculator.
  const { sides, relations } = splitAtRelations(line);
  if (relations.length === 1 && relations[0] === "=" && sides[0]!.trim() !== "" && sides[1]!.trim() === "") {
    const value = constantOf(expressionToPolynomial(sides[0]!));
    if (value !== undefined) return valueResult(value, line.includes("."));
  }
  const equation = equationToPolynomial(line);
  if (equation === null) {
    const value = expressionToPolynomial(line);
    const constant = constantOf(value);
    if (constant === undefined) {
      throw new UnsupportedError(`there is no '=' to solve for ${unknownsOf(value).join(", ")}; write the equation in full`);
    }
    return valueResult(constant, line.includes("."));
  }
  const { difference } = equation;
  const remaining = unknownsOf(difference);
  const unknowns = remaining.length > 0 ? remaining : equation.unknowns;
  if (unknowns.length === 0) {
    return difference.size === 0
      ? { kind: "identity", text: "True: both sides are equal" }
      : { kind: "none", text: "False: the two sides are not equal" };
  }
  if (unknowns.length > 1) {
    throw new UnsupportedError(`one equation cannot fix ${unknowns.length} unknowns (${unknowns.join(", ")}); add a second equation`);
  }
  return solvePolynomial(difference, unknowns[0]!);
}

/** A value asked for with decimals in it is written with a decimal point (1.5+2= reads 3.5), else exactly. */
function valueResult(constant: NonNullable<ReturnType<typeof constantOf>>, decimals: boolean): SolveResult {
  const exact = formatScalar(constant);
  return { kind: "value", text: decimals ? formatAsDecimal(constant) : exact, value: { exact, approx: toNumber(constant) } };
}

interface Equation {
  /** lhs - rhs. */
  difference: Polynomial;
  /** Unknowns written on either side, including any that cancel (x+1=x+2 is about x). */
  unknowns: string[];
}

/** lhs - rhs for an equation; null when the text has no relation sign at all. */
function equationToPolynomial(line: string): Equation | null {
  const { sides, relations } = splitAtRelations(line);
  if (relations.length === 0) return null;
  if (relations.some((r) => r !== "=")) throw new UnsupportedError("inequalities (<, >, ≤, ≥, ≠) are not supported yet");
  if (relations.length > 1) throw new TextError("more than one '=' in one equation");
  const [left, right] = sides as [string, string];
  if (left.trim() === "" || right.trim() === "") throw new TextError("one side of the '=' is empty");
  const lhs = expressionToPolynomial(left);
  const rhs = expressionToPolynomial(right);
  const unknowns = [...new Set([...unknownsOf(lhs), ...unknownsOf(rhs)])].sort();
  return { difference: addPolynomials(lhs, rhs, -1), unknowns };
}

function expressionToPolynomial(text: string): Polynomial {
  const { sides } = splitAtRelations(text);
  let node;
  try {
    node = parse(sides.join(""));
  } catch (error) {
    throw new TextError(error instanceof Error ? error.message : String(error));
  }
  return expandToPolynomial(node);
}

function describeError(error: unknown): SolveResult {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UnsupportedError) return { kind: "error", text: `Not supported: ${message}`, reason: "unsupported" };
  if (error instanceof MathError) return { kind: "error", text: `Cannot compute: ${message}`, reason: "math" };
  if (error instanceof TextError) {
    const unsupportedSymbol = message.startsWith("unsupported symbol");
    return {
      kind: "error",
      text: unsupportedSymbol ? `Not supported: ${message}` : `Could not read the expression: ${message}`,
      reason: unsupportedSymbol ? "unsupported" : "parse",
    };
  }
  // Anything else is a bug in the solver; report it without crashing the page.
  return { kind: "error", text: `Could not solve: ${message}`, reason: "parse" };
}
