import { fraction, type Fraction } from "mathjs";

/**
 * A coefficient: an exact mathjs Fraction while everything stays rational, a float once an
 * irrational (π, √2) enters. Keeping fractions exact is what makes 1/3 + 1/6 come out as 1/2.
 */
export type Scalar = Fraction | number;

/** Raised for mathematically invalid input (division by zero), as opposed to unsupported forms. */
export class MathError extends Error {}

export function isExact(s: Scalar): s is Fraction {
  return typeof s === "object";
}

export function toNumber(s: Scalar): number {
  return isExact(s) ? s.valueOf() : s;
}

/** An exact scalar from a decimal literal ("0.1" is 1/10, not 0.1000000000000000055). */
export function scalarFromLiteral(value: number | string): Scalar {
  return fraction(String(value));
}

const ZERO_TOLERANCE = 1e-12;

export function isZero(s: Scalar): boolean {
  return isExact(s) ? s.n === 0n : Math.abs(s) < ZERO_TOLERANCE;
}

export function addScalars(a: Scalar, b: Scalar): Scalar {
  return isExact(a) && isExact(b) ? a.add(b) : toNumber(a) + toNumber(b);
}

export function subtractScalars(a: Scalar, b: Scalar): Scalar {
  return isExact(a) && isExact(b) ? a.sub(b) : toNumber(a) - toNumber(b);
}

export function multiplyScalars(a: Scalar, b: Scalar): Scalar {
  return isExact(a) && isExact(b) ? a.mul(b) : toNumber(a) * toNumber(b);
}

export function divideScalars(a: Scalar, b: Scalar): Scalar {
  if (isZero(b)) throw new MathError("division by zero");
  return isExact(a) && isExact(b) ? a.div(b) : toNumber(a) / toNumber(b);
}

export function negateScalar(a: Scalar): Scalar {
  return isExact(a) ? a.neg() : -a;
}

/** a^b; exact when a is rational and the result is (integer powers, perfect roots). */
export function powerScalars(a: Scalar, b: Scalar): Scalar {
  if (isZero(a) && toNumber(b) < 0) throw new MathError("division by zero");
  if (isExact(a) && isExact(b)) {
    const exact = a.pow(b);
    if (exact !== null) return exact;
  }
  const value = Math.pow(toNumber(a), toNumber(b));
  if (Number.isNaN(value)) throw new MathError("a fractional power of a negative number is not real");
  return value;
}

/** Readable form: "1/2", "-3", or a float to 10 significant digits. */
export function formatScalar(s: Scalar): string {
  return isExact(s) ? s.toFraction() : formatDecimal(s);
}

/**
 * A rational written with a decimal point when it has a finite one (7/2 as 3.5, 1/3 stays 1/3):
 * how a result reads to someone who wrote decimals.
 */
export function formatAsDecimal(s: Scalar): string {
  if (!isExact(s)) return formatDecimal(s);
  let d = BigInt(s.d.toString());
  for (const p of [2n, 5n]) while (d % p === 0n) d /= p;
  return d === 1n ? formatDecimal(s.valueOf()) : s.toFraction();
}

export function formatDecimal(value: number): string {
  return String(Number(value.toPrecision(10)));
}
