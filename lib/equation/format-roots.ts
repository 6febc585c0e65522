import { fraction, type Fraction } from "mathjs";
import { formatDecimal } from "./exact-number";

/**
 * Exact text for quadratic roots p ± q·√r with rational p, q and square-free integer r, e.g.
 * "1 + √2", "-1/2 - 3√5/2", "i", "2 - i√3". Square factors are pulled out of the radicand by
 * trial division; radicands too large to factor that way fall back to decimals.
 */

/** Trial division up to this bound keeps factoring instant; larger radicands go decimal. */
const MAX_TRIAL_DIVISOR = 100_000n;

/** √(n/d) as k·√r / d' with r square-free; null when n*d is too large to factor. */
export function simplifySquareRoot(value: Fraction): { coefficient: Fraction; radicand: bigint } | null {
  // √(n/d) = √(n·d) / d
  let rest = value.n * value.d;
  let outside = 1n;
  let radicand = 1n;
  for (let p = 2n; p * p <= rest; p++) {
    if (p > MAX_TRIAL_DIVISOR) {
      const root = integerSquareRoot(rest);
      if (root * root !== rest) return null;
      outside *= root;
      rest = 1n;
      break;
    }
    while (rest % (p * p) === 0n) {
      rest /= p * p;
      outside *= p;
    }
    if (rest % p === 0n) {
      rest /= p;
      radicand *= p;
    }
  }
  radicand *= rest;
  return { coefficient: fraction(outside).div(fraction(value.d)), radicand };
}

function integerSquareRoot(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** "√2", "3√5", "√5/2", "3√5/2", or the plain fraction when the radicand is 1. */
export function formatSurd(q: Fraction, radicand: bigint, imaginary = false): string {
  const num = q.n;
  const den = q.d;
  const unit = imaginary ? (radicand === 1n ? "i" : `i√${radicand}`) : radicand === 1n ? "" : `√${radicand}`;
  if (unit === "") return q.toFraction();
  const lead = num === 1n ? "" : String(num);
  return `${lead}${unit}${den === 1n ? "" : `/${den}`}`;
}

/** "p + term" / "p - term", dropping a zero p. */
export function formatPlusMinus(p: Fraction, term: string, sign: 1 | -1): string {
  if (p.n === 0n) return sign === 1 ? term : `-${term}`;
  return `${p.toFraction()} ${sign === 1 ? "+" : "-"} ${term}`;
}

/** A complex number in decimals: "1.5 + 0.8660254038i". */
export function formatComplexDecimal(re: number, im: number): string {
  if (im === 0) return formatDecimal(re);
  const imText = `${formatDecimal(Math.abs(im))}i`;
  if (re === 0) return im < 0 ? `-${imText}` : imText;
  return `${formatDecimal(re)} ${im < 0 ? "-" : "+"} ${imText}`;
}
