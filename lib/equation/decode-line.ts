import { decodeEquation, tokenLogProb, type DecodedToken, type DecodeOptions, type DecodeResult, type SymbolHypotheses } from "./decode";
import type { FractionRole } from "./fractions";
import { GROUP_SLOT } from "./symbol-kinds";

/** Where a symbol sits in its line's two-dimensional structure. */
export interface SymbolLayout {
  /** Its place in a fraction written stacked. */
  fraction?: FractionRole;
  /** Should it be read as a √: how many of the symbols after it lie under its bar (radicandSpans). */
  radicand?: number;
}

/** A numerator or denominator this plain needs no brackets of its own: 12, x, pi. */
const ATOM = /^([0-9]+|[a-z]|pi)$/;

/** A fraction as the line's expression writes it: (1/x), ((x+1)/2). */
const fractionText = (numerator: string, denominator: string) => `(${bracketed(numerator)}/${bracketed(denominator)})`;
const bracketed = (side: string) => (ATOM.test(side) ? side : `(${side})`);

type Fraction = { kind: "fraction"; numerator: number[]; bar: number; denominator: number[] };
type Root = { kind: "root"; sign: number; radicand: number[] };
/** One operand or operator of a line: a symbol's index, or a fraction or root read as a whole. */
type Entry = number | Fraction | Root;

/**
 * decodeEquation for a line that may hold stacked fractions and square roots over several
 * symbols (`layout[i]` says where symbol i sits; a fraction's symbols come numerator, bar,
 * denominator, each side in reading order, and a root's radicand right after it). Each
 * numerator, denominator and radicand is decoded on its own as an expression, and the line
 * with each fraction or root as one operand: a fraction is written (a/b), brackets added where
 * a side is more than one number or letter, a root sqrt(radicand). A symbol heads a root when
 * the classifier reads it as a √ first and symbols lie under its bar; otherwise a √ takes the
 * atom after it, as on a flat line. Tokens come back one per symbol, in the symbols' order: a
 * fraction's bar is read "-", as the training data labels it.
 */
export function decodeLine(symbols: readonly SymbolHypotheses[], layout: readonly (SymbolLayout | undefined)[], options: DecodeOptions = {}): DecodeResult {
  const headsRoot = (i: number) => (layout[i]?.radicand ?? 0) > 0 && symbols[i]!.candidates[0]?.label === "√";
  if (!layout.some((l, i) => l?.fraction !== undefined || headsRoot(i))) return decodeEquation(symbols, options);

  // The entries of a run of symbols (given in reading order); `inFraction` is the fraction
  // whose side the run is, whose roles no longer count.
  const entriesOf = (indexes: readonly number[], inFraction: number | undefined): Entry[] => {
    const entries: Entry[] = [];
    const fractions = new Map<number, Fraction>();
    for (let p = 0; p < indexes.length; p++) {
      const i = indexes[p]!;
      const role = layout[i]?.fraction;
      if (role && role.fraction !== inFraction) {
        let f = fractions.get(role.fraction);
        if (!f) {
          f = { kind: "fraction", numerator: [], bar: -1, denominator: [] };
          fractions.set(role.fraction, f);
          entries.push(f);
        }
        if (role.role === "bar") f.bar = i;
        else f[role.role].push(i);
        continue;
      }
      const radicand = headsRoot(i) ? radicandAt(indexes, p, inFraction) : [];
      if (radicand.length === 0) {
        entries.push(i);
        continue;
      }
      entries.push({ kind: "root", sign: i, radicand });
      p += radicand.length;
    }
    return entries;
  };

  // The symbols under the √ at indexes[p]: the ones after it in the run, stopping short of a
  // fraction it would cut in two.
  const radicandAt = (indexes: readonly number[], p: number, inFraction: number | undefined): number[] => {
    const span = layout[indexes[p]!]!.radicand!;
    const under = indexes.slice(p + 1, p + 1 + span);
    const cut = under.findIndex((i, k) => {
      if (i !== indexes[p]! + k + 1) return true;
      const role = layout[i]?.fraction;
      return role !== undefined && role.fraction !== inFraction && indexes.some((j) => layout[j]?.fraction?.fraction === role.fraction && !under.includes(j));
    });
    return cut < 0 ? under : under.slice(0, cut);
  };

  const decodeRun = (indexes: readonly number[], inFraction: number | undefined, runOptions: DecodeOptions): DecodeResult => {
    const entries = entriesOf(indexes, inFraction);
    const hypotheses = entries.map((e, k): SymbolHypotheses => {
      if (typeof e !== "number") return { candidates: [{ label: GROUP_SLOT, p: 1 }] };
      // A join reaches the next symbol of the line, which may be no longer the next entry.
      const { joinWithNext, ...alone } = symbols[e]!;
      return joinWithNext && entries[k + 1] === e + 1 ? symbols[e]! : alone;
    });
    const main = decodeEquation(hypotheses, runOptions);
    const part = (run: number[], of: number | undefined) => {
      const decoded = decodeRun(run, of, { ...options, preferEquation: false });
      // A side or radicand holds no relation: "=" over a bar is no fraction that can be solved.
      const wellFormed = decoded.wellFormed && run.length > 0 && !/[=<>]/.test(decoded.expression);
      return { ...decoded, wellFormed };
    };

    const tokens: DecodedToken[] = [];
    let { expression, wellFormed } = main;
    for (const t of main.tokens) {
      const entry = entries[t.start]!;
      if (typeof entry === "number") {
        tokens.push({ ...t, start: entry });
        continue;
      }
      if (entry.kind === "fraction") {
        const of = layout[entry.bar]!.fraction!.fraction;
        const numerator = part(entry.numerator, of);
        const denominator = part(entry.denominator, of);
        tokens.push(...numerator.tokens, symbolToken(entry.bar, "-", symbols[entry.bar]!.candidates), ...denominator.tokens);
        expression = expression.replace(GROUP_SLOT, fractionText(numerator.expression, denominator.expression));
        wellFormed &&= numerator.wellFormed && denominator.wellFormed;
      } else {
        const radicand = part(entry.radicand, inFraction);
        tokens.push(symbolToken(entry.sign, "√", symbols[entry.sign]!.candidates), ...radicand.tokens);
        expression = expression.replace(GROUP_SLOT, `sqrt(${radicand.expression})`);
        wellFormed &&= radicand.wellFormed;
      }
    }
    return { tokens, expression, wellFormed, logProb: tokenLogProb(tokens) };
  };

  return decodeRun(symbols.map((_, i) => i), undefined, options);
}

/** The token of a fraction's bar or a root's sign, read as `label` whatever the classifier's first choice. */
function symbolToken(start: number, label: string, candidates: SymbolHypotheses["candidates"]): DecodedToken {
  return { label, confidence: candidates.find((c) => c.label === label)?.p ?? 0, overridden: candidates[0]?.label !== label, superscript: false, start, span: 1 };
}
