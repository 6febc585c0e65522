import { decodeEquation, type DecodedToken, type DecodeOptions, type DecodeResult, type SymbolHypotheses } from "./decode";
import type { FractionRole } from "./fractions";
import { FRACTION_SLOT } from "./symbol-kinds";

/** A numerator or denominator this plain needs no brackets of its own: 12, x, pi. */
const ATOM = /^([0-9]+|[a-z]|pi)$/;

/** A fraction as the line's expression writes it: (1/x), ((x+1)/2). */
const fractionText = (numerator: string, denominator: string) => `(${bracketed(numerator)}/${bracketed(denominator)})`;
const bracketed = (side: string) => (ATOM.test(side) ? side : `(${side})`);

/**
 * decodeEquation for a line that may hold stacked fractions (`roles[i]` says where symbol i
 * sits in one; symbols of a fraction come numerator, bar, denominator, each side in reading
 * order). Each numerator and denominator is decoded on its own as an expression, and the line
 * with each fraction as one operand; the fraction is written (a/b), brackets added where a
 * side is more than one number or letter. Tokens come back one per symbol, in the symbols'
 * order: the bar is read "-", as the training data labels a fraction bar.
 */
export function decodeLine(symbols: readonly SymbolHypotheses[], roles: readonly (FractionRole | undefined)[], options: DecodeOptions = {}): DecodeResult {
  if (!roles.some((r) => r !== undefined)) return decodeEquation(symbols, options);
  type Fraction = { numerator: number[]; bar: number; denominator: number[] };
  const fractions = new Map<number, Fraction>();
  // The line with each fraction as one entry: a symbol's index, or a fraction.
  const entries: (number | Fraction)[] = [];
  roles.forEach((role, i) => {
    if (!role) return void entries.push(i);
    let f = fractions.get(role.fraction);
    if (!f) {
      f = { numerator: [], bar: -1, denominator: [] };
      fractions.set(role.fraction, f);
      entries.push(f);
    }
    if (role.role === "bar") f.bar = i;
    else f[role.role].push(i);
  });
  const side = (indexes: number[]) => {
    const decoded = decodeEquation(
      indexes.map((i) => symbols[i]!),
      { ...options, preferEquation: false },
    );
    const tokens = decoded.tokens.map((t) => ({ ...t, start: indexes[t.start]! }));
    // A side holds no relation: "=" over a bar is no fraction that can be solved.
    const wellFormed = decoded.wellFormed && indexes.length > 0 && !/[=<>]/.test(decoded.expression);
    return { ...decoded, tokens, wellFormed };
  };
  const sides = new Map([...fractions.values()].map((f) => [f, { numerator: side(f.numerator), denominator: side(f.denominator) }]));
  const main = decodeEquation(
    entries.map((e) => (typeof e === "number" ? symbols[e]! : { candidates: [{ label: FRACTION_SLOT, p: 1 }] })),
    options,
  );

  const tokens: DecodedToken[] = [];
  let expression = main.expression;
  let wellFormed = main.wellFormed;
  let logProb = main.logProb;
  for (const t of main.tokens) {
    const entry = entries[t.start]!;
    if (typeof entry === "number") {
      tokens.push({ ...t, start: entry });
      continue;
    }
    const { numerator, denominator } = sides.get(entry)!;
    const bar = symbols[entry.bar]!.candidates;
    tokens.push(...numerator.tokens, { label: "-", confidence: bar.find((c) => c.label === "-")?.p ?? 0, overridden: bar[0]?.label !== "-", superscript: false, start: entry.bar, span: 1 }, ...denominator.tokens);
    expression = expression.replace(FRACTION_SLOT, fractionText(numerator.expression, denominator.expression));
    wellFormed &&= numerator.wellFormed && denominator.wellFormed;
    logProb += numerator.logProb + denominator.logProb;
  }
  return { tokens, expression, wellFormed, logProb };
}
