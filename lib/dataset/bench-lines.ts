import type Database from "better-sqlite3";
import { measureStrokes, type InkBox, type Stroke } from "../ink/ink-document";
import { parseStrokesJson } from "../ink/stroke-json";
import { decodeEquation, type ExpressionToken } from "../equation/decode";
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

/**
 * A CROHME LaTeX truth written as one line with powers ("x^2 + y^{2} = z^2") as the symbols the
 * solver reads, each marked raised or not; null for anything else (fractions, indices, roots, a
 * power inside a power). Pure.
 */
export function latexLineTokens(latex: string): ExpressionToken[] | null {
  const parts = latexParts(latex);
  const out: ExpressionToken[] = [];
  let i = 0;
  // Reads items until a closing brace (or the end at depth 0); false on anything unsupported.
  const sequence = (raised: boolean, depth: number): boolean => {
    while (i < parts.length) {
      const part = parts[i]!;
      if (part === "}") {
        if (depth === 0) return false;
        i++;
        return true;
      }
      if (!item(raised, depth)) return false;
    }
    return depth === 0;
  };
  const item = (raised: boolean, depth: number): boolean => {
    const part = parts[i++]!;
    if (part === "{") return sequence(raised, depth + 1);
    if (part === "^") {
      if (raised || i >= parts.length) return false;
      return item(true, depth);
    }
    if (part === "_" || part === "}") return false;
    if (LATEX_INVISIBLE.has(part)) return true;
    if (part.startsWith("\\") && labelFor(part) === part) return false;
    out.push({ label: labelFor(part), superscript: raised });
    return true;
  };
  if (!sequence(false, 0)) return null;
  return out.length > 0 ? out : null;
}

/** One symbol of a line, or a fraction of symbols over symbols. */
type LineItem = { label: string } | { numerator: string[]; denominator: string[] };

/**
 * A CROHME LaTeX truth with stacked fractions on one line ("z = x + \frac{1}{x}") as the symbols
 * in the order the solver reads them (a fraction's numerator, its bar "-", its denominator) and
 * where each sits in its fraction; null without a fraction, or with anything else structured
 * (powers, indices, roots, a fraction inside a fraction). Pure.
 */
export function latexFractionLine(latex: string): { labels: string[]; roles: (FractionRole | undefined)[] } | null {
  const parts = latexParts(latex);
  let i = 0;
  // Symbols until a closing brace (or the end at depth 0); null on anything unsupported.
  const symbols = (depth: number, fractions: boolean): LineItem[] | null => {
    const out: LineItem[] = [];
    while (i < parts.length) {
      const part = parts[i++]!;
      if (part === "}") return depth > 0 ? out : null;
      if (part === "{") {
        const inner = symbols(depth + 1, fractions);
        if (!inner) return null;
        out.push(...inner);
      } else if (part === "\\frac") {
        if (!fractions) return null;
        const numerator = group();
        const denominator = numerator && group();
        if (!numerator || !denominator) return null;
        out.push({ numerator, denominator });
      } else if (part === "^" || part === "_") return null;
      else if (LATEX_INVISIBLE.has(part)) continue;
      else if (part.startsWith("\\") && labelFor(part) === part) return null;
      else out.push({ label: labelFor(part) });
    }
    return depth === 0 ? out : null;
  };
  // A fraction's side: a braced group (or one symbol, as in \frac 1 2) of plain symbols.
  const group = (): string[] | null => {
    if (parts[i] !== "{") {
      const part = parts[i++];
      return part !== undefined && !/^[{}^_\\]/.test(part) ? [labelFor(part)] : null;
    }
    i++;
    const inner = symbols(1, false);
    return inner && inner.length > 0 ? inner.map((item) => (item as { label: string }).label) : null;
  };
  const items = symbols(0, true);
  if (!items || !items.some((item) => "numerator" in item)) return null;
  const labels: string[] = [];
  const roles: (FractionRole | undefined)[] = [];
  let fraction = 0;
  for (const item of items) {
    if ("label" in item) {
      labels.push(item.label);
      roles.push(undefined);
      continue;
    }
    for (const [side, role] of [[item.numerator, "numerator"], [["-"], "bar"], [item.denominator, "denominator"]] as const) {
      for (const label of side) {
        labels.push(label);
        roles.push({ fraction, role });
      }
    }
    fraction++;
  }
  return { labels, roles };
}
