import {
  divideScalars,
  formatScalar,
  isZero,
  multiplyScalars,
  negateScalar,
  subtractScalars,
  toNumber,
  type Scalar,
} from "./exact-number";
import { coefficientOf, degreeOf, unknownsOf, UnsupportedError, type Polynomial } from "./polynomial";
import type { ExactValue, SolveResult } from "./solve-result";

/**
 * Solves two linear equations (each given as lhs - rhs = 0) in two unknowns by Cramer's rule,
 * exactly. A zero determinant means the lines are parallel (no solution) or the same line
 * (infinitely many), told apart by whether the constants are in the same proportion.
 */
export function solveLinearSystem(first: Polynomial, second: Polynomial): SolveResult {
  for (const p of [first, second]) {
    if (degreeOf(p) > 1) throw new UnsupportedError("only systems of linear equations are supported");
  }
  const unknowns = [...new Set([...unknownsOf(first), ...unknownsOf(second)])].sort();
  if (unknowns.length !== 2) {
    throw new UnsupportedError(`a system needs exactly two unknowns, found ${unknowns.length === 0 ? "none" : unknowns.join(", ")}`);
  }
  const [u, v] = unknowns as [string, string];
  // a·u + b·v = c for each row.
  const row = (p: Polynomial): [Scalar, Scalar, Scalar] => [
    coefficientOf(p, u),
    coefficientOf(p, v),
    negateScalar(coefficientOf(p, "")),
  ];
  const [a1, b1, c1] = row(first);
  const [a2, b2, c2] = row(second);
  const det = subtractScalars(multiplyScalars(a1, b2), multiplyScalars(a2, b1));
  if (isZero(det)) {
    const detU = subtractScalars(multiplyScalars(c1, b2), multiplyScalars(c2, b1));
    const detV = subtractScalars(multiplyScalars(a1, c2), multiplyScalars(a2, c1));
    const degenerate = [a1, b1].every(isZero) || [a2, b2].every(isZero);
    if (isZero(detU) && isZero(detV) && !degenerateContradiction(a1, b1, c1) && !degenerateContradiction(a2, b2, c2)) {
      return { kind: "identity", text: `Infinitely many solutions: the equations ${degenerate ? "leave one unknown free" : "describe the same line"}` };
    }
    return { kind: "none", text: "No solution: the equations contradict each other" };
  }
  const valueU = divideScalars(subtractScalars(multiplyScalars(c1, b2), multiplyScalars(c2, b1)), det);
  const valueV = divideScalars(subtractScalars(multiplyScalars(a1, c2), multiplyScalars(a2, c1)), det);
  const values: Record<string, ExactValue> = {
    [u]: { exact: formatScalar(valueU), approx: toNumber(valueU) },
    [v]: { exact: formatScalar(valueV), approx: toNumber(valueV) },
  };
  return { kind: "system", text: `${u} = ${values[u]!.exact}, ${v} = ${values[v]!.exact}`, values };
}

/** 0·u + 0·v = c with c ≠ 0. */
function degenerateContradiction(a: Scalar, b: Scalar, c: Scalar): boolean {
  return isZero(a) && isZero(b) && !isZero(c);
}
