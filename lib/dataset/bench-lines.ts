import type Database from "better-sqlite3";
import { measureStrokes, type InkBox, type Stroke } from "../ink/ink-document";
import { parseStrokesJson } from "../ink/stroke-json";
import { decodeEquation, type ExpressionToken } from "../equation/decode";
import type { SymbolLayout } from "../equation/decode-line";
import type { FractionRole } from "../equation/fractions";
import { labelFor } from "./class-names";
import { expressionsOfSplit, STRUCTURED_LATEX } from "./flat-lines";
import type { ExpressionSymbol } from "./list-expressions";
import type { Split } from "./split";

/** Why a stored expression is not a line the one-line solver can be measured on. */
export type LineSkip = "structure (^ _ frac sqrt ...)" | "symbol outside the model's classes" | "single symbol" | "not a well-formed line (grammar)";

/**
 * The labels of a handwritten line in reading order (by the left edge of each symbol's box),
 * or why it is not a line the solver can be measured on: a structured expression, a symbol the
 * model has no class for, a single symbol, or a line the decoder's grammar cannot read at all.
 */
export function benchLineLabels(
  latex: string | null,
  symbols: readonly { label: string | null; x: number }[],
  classes: ReadonlySet<string>,
): { labels: string[] } | { skip: LineSkip } {
  if (latex && STRUCTURED_LATEX.test(latex)) return { skip: "structure (^ _ frac sqrt ...)" };
  if (symbols.some((s) => s.label === null || !classes.has(s.label))) return { skip: "symbol outside the model's classes" };
  if (symbols.length < 2) return { skip: "single symbol" };
  const labels = symbols
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.x - b.x || a.i - b.i)
    .map((s) => s.label!);
  if (!decodeEquation(labels.map((label) => ({ candidates: [{ label, p: 1 }] }))).wellFormed) return { skip: "not a well-formed line (grammar)" };
  return { labels };
}

/** A stored line with its ink, for replaying it as a person would write it. */
export interface BenchLine {
  name: string;
  labels: string[];
  strokes: Stroke[];
  ink: InkBox;
}

/** Stored expressions by writers of `split` that benchLineLabels accepts for these classes, with their strokes. */
export function* benchLines(db: Database.Database, options: { split: Split; classes: ReadonlySet<string> }): Generator<BenchLine> {
  for (const row of expressionsOfSplit(db, options.split, ["path", "latex", "strokes", "symbols"])) {
    const symbols = JSON.parse(row.symbols) as ExpressionSymbol[];
    const accepted = benchLineLabels(row.latex, symbols.map((s) => ({ label: s.label, x: s.box.x })), options.classes);
    if (!("labels" in accepted)) continue;
    const strokes = parseStrokesJson(row.strokes).filter((s) => s.length > 0);
    const ink = measureStrokes(strokes);
    if (!ink) continue;
    yield { name: row.path, labels: accepted.labels, strokes, ink };
  }
}

/** Spacing and sizing LaTeX that draws no symbol of its own. */
const LATEX_INVISIBLE = new Set(["\\left", "\\right", "\\mbox", "\\limits", "\\!", "\\,"]);

/**
 * LaTeX as the tokens TeX reads: a command (\times), a brace, ^ or _, or one character, so
 * "x^{28}", "x ^ { 2 8 }" and "x^23" (x squared, then 3) spell what TeX draws.
 */
const latexParts = (latex: string): string[] => latex.match(/\\[a-zA-Z]+|\\.|[{}^_]|[^\s{}^_\\]/g) ?? [];

/** A symbol of a line of LaTeX: its label, whether a power raises it, where it sits in a fraction, what a √ covers. */
interface LatexSymbol {
  label: string;
  raised: boolean;
  fraction?: FractionRole;
  /** For a √: how many symbols after it are under its bar. */
  radicand?: number;
}

/**
 * One line of CROHME LaTeX as its symbols in the order the solver reads them: a power marks
 * what it raises (a single token or a braced group), \frac{a}{b} gives a's symbols, the bar
 * "-", b's symbols, \sqrt{a} a √ then a's symbols. Null on what the solver does not read:
 * indices, a root's index (\sqrt[3]), an unknown command, a power inside a power, a power or a
 * fraction inside a fraction. Pure.
 */
function parseLatexLine(latex: string): LatexSymbol[] | null {
  const parts = latexParts(latex);
  const out: LatexSymbol[] = [];
  let i = 0;
  let fractions = 0;
  type Context = { raised: boolean; fraction?: FractionRole };
  // Reads items until a closing brace (or the end at depth 0); false on anything unsupported.
  const sequence = (at: Context, depth: number): boolean => {
    while (i < parts.length) {
      const part = parts[i]!;
      if (part === "}") {
        if (depth === 0) return false;
        i++;
        return true;
      }
      if (!item(at, depth)) return false;
    }
    return depth === 0;
  };
  const item = (at: Context, depth: number): boolean => {
    const part = parts[i++]!;
    if (part === "{") return sequence(at, depth + 1);
    if (part === "^") {
      if (at.raised || at.fraction || i >= parts.length) return false;
      return item({ raised: true }, depth);
    }
    if (part === "\\frac") {
      if (at.raised || at.fraction) return false;
      const fraction = fractions++;
      const side = (role: "numerator" | "denominator") => {
        // A side is a braced group, or one plain symbol (\frac 1 2).
        const next = parts[i];
        if (next === undefined || (next !== "{" && /^[}^_\\]/.test(next))) return false;
        const before = out.length;
        return item({ raised: false, fraction: { fraction, role } }, depth) && out.length > before;
      };
      if (!side("numerator")) return false;
      out.push({ label: "-", raised: false, fraction: { fraction, role: "bar" } });
      return side("denominator");
    }
    if (part === "\\sqrt") {
      // The radicand is a braced group or one plain symbol, as for a side of a fraction.
      const next = parts[i];
      if (next === undefined || (next !== "{" && /^[}^_\\[]/.test(next))) return false;
      const root: LatexSymbol = { label: "√", raised: at.raised, ...(at.fraction ? { fraction: at.fraction } : {}) };
      out.push(root);
      const before = out.length;
      if (!item(at, depth) || out.length === before) return false;
      root.radicand = out.length - before;
      return true;
    }
    if (part === "_" || part === "}") return false;
    if (LATEX_INVISIBLE.has(part)) return true;
    if (part.startsWith("\\") && labelFor(part) === part) return false;
    out.push({ label: labelFor(part), raised: at.raised, ...(at.fraction ? { fraction: at.fraction } : {}) });
    return true;
  };
  return sequence({ raised: false }, 0) ? out : null;
}

/**
 * A CROHME LaTeX truth written as one line with powers and roots ("x^2 + y^{2} = z^2",
 * "\sqrt{x+1}") as the symbols the solver reads, each marked raised or not, and for a √ how
 * many symbols its bar covers; null for anything else (fractions, indices, a power inside a
 * power). Pure.
 */
export function latexLineTokens(latex: string): (ExpressionToken & { radicand?: number })[] | null {
  const symbols = parseLatexLine(latex);
  if (!symbols || symbols.length === 0 || symbols.some((s) => s.fraction)) return null;
  return symbols.map((s) => ({ label: s.label, superscript: s.raised, ...(s.radicand !== undefined ? { radicand: s.radicand } : {}) }));
}

/**
 * A CROHME LaTeX truth with stacked fractions on one line ("z = x + \frac{1}{x}") as the symbols
 * in the order the solver reads them (a fraction's numerator, its bar "-", its denominator) and
 * where each sits in its fraction and under which √; null without a fraction, or with anything
 * else structured (powers, indices, a fraction inside a fraction). Pure.
 */
export function latexFractionLine(latex: string): { labels: string[]; layout: SymbolLayout[] } | null {
  const symbols = parseLatexLine(latex);
  if (!symbols || !symbols.some((s) => s.fraction) || symbols.some((s) => s.raised)) return null;
  return { labels: symbols.map((s) => s.label), layout: symbols.map(({ fraction, radicand }) => ({ fraction, radicand })) };
}
