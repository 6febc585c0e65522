import type Database from "better-sqlite3";
import type { BoxTuple } from "../equation/ink-mask";
import type { ExpressionSymbol } from "./list-expressions";
import { storedInkSplit } from "./resolve-splits";
import type { Split } from "./split";

/** LaTeX the one-line solver does not read: exponents, indices, fractions, roots, big operators. */
export const STRUCTURED_LATEX = /\^|_|\\frac|\\sqrt|\\over|\\sum|\\int|\\lim|\\begin|\\matrix/;

/** One stored expression written on one line: every symbol's app label and ink box. */
export interface FlatLine {
  writer: string;
  labels: string[];
  boxes: BoxTuple[];
}

/** A stored expression's columns that the readers below may ask for (strokes only when needed: they are large). */
export interface StoredExpressionRow {
  path: string;
  latex: string | null;
  writer: string;
  strokes: string;
  symbols: string;
}
const EXPRESSION_COLUMNS = ["path", "latex", "strokes", "symbols"] as const;

/**
 * The stored expressions by writers whose stored split is `split` (the import keeps a writer's
 * samples in one split), in id order, with only the columns asked for (and the writer).
 */
export function* expressionsOfSplit<C extends (typeof EXPRESSION_COLUMNS)[number]>(
  db: Database.Database,
  split: Split,
  columns: readonly C[],
): Generator<Pick<StoredExpressionRow, C | "writer">> {
  const wanted = EXPRESSION_COLUMNS.filter((c) => (columns as readonly string[]).includes(c));
  const rows = db.prepare(`SELECT ${[...wanted, "writer"].join(", ")} FROM expressions WHERE writer IS NOT NULL ORDER BY id`).iterate() as IterableIterator<
    Pick<StoredExpressionRow, C | "writer">
  >;
  for (const row of rows) if (storedInkSplit(row.writer, "") === split) yield row;
}

/**
 * The stored expressions whose LaTeX is a single flat line, by writers whose stored split is
 * `split`, read without their strokes.
 */
export function* flatLines(db: Database.Database, split: Split): Generator<FlatLine> {
  for (const row of expressionsOfSplit(db, split, ["latex", "symbols"])) {
    if (row.latex === null || STRUCTURED_LATEX.test(row.latex)) continue;
    const symbols = JSON.parse(row.symbols) as ExpressionSymbol[];
    yield { writer: row.writer, labels: symbols.map((s) => s.label), boxes: symbols.map((s) => [s.box.x, s.box.y, s.box.width, s.box.height]) };
  }
}
