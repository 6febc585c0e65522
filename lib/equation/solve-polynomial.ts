import { fraction } from "mathjs";
import {
  divideScalars,
  formatDecimal,
  formatScalar,
  isExact,
  multiplyScalars,
  negateScalar,
  subtractScalars,
  toNumber,
  type Scalar,
} from "./exact-number";
import { formatComplexDecimal, formatPlusMinus, formatSurd, simplifySquareRoot } from "./format-roots";
import { coefficientOf, degreeOf, UnsupportedError, type Polynomial } from "./polynomial";
import type { Root, SolveResult } from "./solve-result";

/**
 * Solves p(v) = 0 for one unknown v: linear and quadratic, exact while the coefficients are
 * rational (roots as fractions, simplified surds or complex surds), decimals otherwise.
 */
export function solvePolynomial(p: Polynomial, variable: string): SolveResult {
  const degree = degreeOf(p);
  if (degree === 0) {
    return p.size === 0
      ? { kind: "identity", text: `Infinitely many solutions: every ${variable} satisfies it` }
      : { kind: "none", text: "No solution: the equation is never true" };
  }
  const c0 = coefficientOf(p, "");
  const c1 = coefficientOf(p, variable);
  if (degree === 1) {
    const value = divideScalars(negateScalar(c0), c1);
    return solutions(variable, [realRoot(value)]);
  }
  if (degree === 2) return solveQuadratic(coefficientOf(p, variable + variable), c1, c0, variable);
  throw new UnsupportedError(`degree ${degree} equations are not supported (only linear and quadratic)`);
}

function realRoot(value: Scalar): Root {
  return { exact: formatScalar(value), re: toNumber(value), im: 0 };
}

function solutions(variable: string, roots: Root[], note = ""): SolveResult {
  const text = roots.map((r) => `${variable} = ${r.exact}`).join(", ") + note;
  return { kind: "solutions", text, variable, solutions: roots };
}

function solveQuadratic(a: Scalar, b: Scalar, c: Scalar, variable: string): SolveResult {
  const two = fraction(2);
  const discriminant = subtractScalars(multiplyScalars(b, b), multiplyScalars(multiplyScalars(a, c), fraction(4)));
  const twoA = multiplyScalars(a, two);
  const centre = divideScalars(negateScalar(b), twoA);
  const d = toNumber(discriminant);
  if (d === 0) return solutions(variable, [realRoot(centre)], " (double root)");

  if (isExact(discriminant) && isExact(twoA) && isExact(centre)) {
    const magnitude = discriminant.abs();
    const root = simplifySquareRoot(magnitude);
    if (root) {
      const q = root.coefficient.div(twoA.abs());
      const spread = q.valueOf() * Math.sqrt(Number(root.radicand));
      if (d > 0) {
        if (root.radicand === 1n) {
          const roots = [centre.sub(q), centre.add(q)].sort((x, y) => x.compare(y)).map(realRoot);
          return solutions(variable, roots);
        }
        const term = formatSurd(q, root.radicand);
        return solutions(variable, [
          { exact: formatPlusMinus(centre, term, -1), re: centre.valueOf() - spread, im: 0 },
          { exact: formatPlusMinus(centre, term, 1), re: centre.valueOf() + spread, im: 0 },
        ]);
      }
      const term = formatSurd(q, root.radicand, true);
      return solutions(variable, [
        { exact: formatPlusMinus(centre, term, 1), re: centre.valueOf(), im: spread },
        { exact: formatPlusMinus(centre, term, -1), re: centre.valueOf(), im: -spread },
      ]);
    }
  }
  const re = toNumber(centre);
  const spread = Math.sqrt(Math.abs(d)) / Math.abs(toNumber(twoA));
  const roots: Root[] =
    d > 0
      ? [re - spread, re + spread].map((v) => ({ exact: formatDecimal(v), re: v, im: 0 }))
      : [1, -1].map((s) => ({ exact: formatComplexDecimal(re, s * spread), re, im: s * spread }));
  return solutions(variable, roots);
}
