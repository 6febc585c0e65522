import type { MathNode } from "mathjs";
import {
  addScalars,
  divideScalars,
  isExact,
  isZero,
  MathError,
  multiplyScalars,
  negateScalar,
  powerScalars,
  scalarFromLiteral,
  toNumber,
  type Scalar,
} from "./exact-number";

/**
 * A polynomial in single-letter unknowns: monomial key -> coefficient. The key is the sorted
 * multiset of its letters ("xxy" is x²y, "" the constant), so multiplying monomials is
 * concatenating and sorting, and the degree is the key's length.
 */
export type Polynomial = Map<string, Scalar>;

/** Raised for input the solver understands but does not handle (x in a denominator, x³). */
export class UnsupportedError extends Error {}

/** Highest exponent a polynomial is expanded to; beyond it nothing is solvable anyway. */
const MAX_EXPANDED_POWER = 12;

export function constantPolynomial(value: Scalar): Polynomial {
  return cleanUp(new Map([["", value]]));
}

function cleanUp(p: Polynomial): Polynomial {
  for (const [key, value] of p) if (isZero(value)) p.delete(key);
  return p;
}

export function addPolynomials(a: Polynomial, b: Polynomial, sign: 1 | -1 = 1): Polynomial {
  const out: Polynomial = new Map(a);
  for (const [key, value] of b) {
    const term = sign === 1 ? value : negateScalar(value);
    const prev = out.get(key);
    out.set(key, prev === undefined ? term : addScalars(prev, term));
  }
  return cleanUp(out);
}

export function multiplyPolynomials(a: Polynomial, b: Polynomial): Polynomial {
  const out: Polynomial = new Map();
  for (const [ka, va] of a) {
    for (const [kb, vb] of b) {
      const key = [...(ka + kb)].sort().join("");
      const term = multiplyScalars(va, vb);
      const prev = out.get(key);
      out.set(key, prev === undefined ? term : addScalars(prev, term));
    }
  }
  return cleanUp(out);
}

/** The constant when p has no unknowns, else undefined. */
export function constantOf(p: Polynomial): Scalar | undefined {
  for (const key of p.keys()) if (key !== "") return undefined;
  return p.get("") ?? scalarFromLiteral(0);
}

export function degreeOf(p: Polynomial): number {
  let degree = 0;
  for (const key of p.keys()) degree = Math.max(degree, key.length);
  return degree;
}

export function unknownsOf(p: Polynomial): string[] {
  const letters = new Set<string>();
  for (const key of p.keys()) for (const letter of key) letters.add(letter);
  return [...letters].sort();
}

/** Coefficient of a monomial key (0 when absent). */
export function coefficientOf(p: Polynomial, key: string): Scalar {
  return p.get(key) ?? scalarFromLiteral(0);
}

/**
 * Expands a mathjs expression tree into a polynomial. Rational arithmetic stays exact; π and
 * non-square roots turn coefficients into floats. Anything that is not a polynomial in the
 * unknowns (x in a denominator or under √, x^y) raises UnsupportedError.
 */
export function expandToPolynomial(node: MathNode): Polynomial {
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== "number" && typeof value !== "string") throw new UnsupportedError(`unsupported value ${String(value)}`);
      return constantPolynomial(scalarFromLiteral(value));
    }
    case "SymbolNode": {
      const name = (node as unknown as { name: string }).name;
      if (name === "pi") return constantPolynomial(Math.PI);
      if (/^[a-zA-Z]$/.test(name)) return new Map([[name, scalarFromLiteral(1)]]);
      throw new UnsupportedError(`unsupported symbol "${name}"`);
    }
    case "ParenthesisNode":
      return expandToPolynomial((node as unknown as { content: MathNode }).content);
    case "OperatorNode":
      return expandOperator(node as unknown as { fn: string; op: string; args: MathNode[] });
    case "FunctionNode": {
      const fn = node as unknown as { fn: { name: string }; args: MathNode[] };
      if (fn.fn.name === "sqrt" && fn.args.length === 1) return expandSquareRoot(expandToPolynomial(fn.args[0]!));
      throw new UnsupportedError(`unsupported function ${fn.fn.name}()`);
    }
    default:
      throw new UnsupportedError(`unsupported expression "${node.toString()}"`);
  }
}

function expandOperator(node: { fn: string; op: string; args: MathNode[] }): Polynomial {
  const args = node.args.map(expandToPolynomial);
  const [a, b] = args;
  switch (node.fn) {
    case "add":
      return addPolynomials(a!, b!);
    case "subtract":
      return addPolynomials(a!, b!, -1);
    case "multiply":
      return multiplyPolynomials(a!, b!);
    case "unaryMinus":
      return addPolynomials(new Map(), a!, -1);
    case "unaryPlus":
      return a!;
    case "divide": {
      const divisor = constantOf(b!);
      if (divisor === undefined) throw new UnsupportedError("an unknown in a denominator is not supported");
      if (isZero(divisor)) throw new MathError("division by zero");
      return multiplyPolynomials(a!, constantPolynomial(divideScalars(scalarFromLiteral(1), divisor)));
    }
    case "pow":
      return expandPower(a!, b!);
    default:
      throw new UnsupportedError(`unsupported operator ${node.op}`);
  }
}

function expandPower(base: Polynomial, exponent: Polynomial): Polynomial {
  const power = constantOf(exponent);
  if (power === undefined) throw new UnsupportedError("an unknown in an exponent is not supported");
  const baseValue = constantOf(base);
  if (baseValue !== undefined) return constantPolynomial(powerScalars(baseValue, power));
  const n = toNumber(power);
  if (!Number.isInteger(n) || n < 0) throw new UnsupportedError("an unknown with a negative or fractional power is not supported");
  if (n > MAX_EXPANDED_POWER) throw new UnsupportedError(`power ${n} is too high`);
  let out = constantPolynomial(scalarFromLiteral(1));
  for (let k = 0; k < n; k++) out = multiplyPolynomials(out, base);
  return out;
}

function expandSquareRoot(p: Polynomial): Polynomial {
  const value = constantOf(p);
  if (value === undefined) throw new UnsupportedError("an unknown under √ is not supported");
  if (toNumber(value) < 0) throw new MathError("the square root of a negative number is not real");
  if (isExact(value)) return constantPolynomial(powerScalars(value, scalarFromLiteral("0.5")));
  return constantPolynomial(Math.sqrt(value));
}
