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

/**
 * The stored expressions whose LaTeX is a single flat line, by writers whose stored split is
 * `split` (the import keeps a writer's samples in one split), read without their strokes.
 */
export function* flatLines(db: Database.Database, split: Split): Generator<FlatLine> {
  const rows = db.prepare(`SELECT latex, writer, symbols FROM expressions WHERE writer IS NOT NULL AND latex IS NOT NULL ORDER BY id`).iterate() as IterableIterator<{
    latex: string;
    writer: string;
    symbols: string;
  }>;
  for (const row of rows) {
    if (STRUCTURED_LATEX.test(row.latex) || storedInkSplit(row.writer, "") !== split) continue;
    const symbols = JSON.parse(row.symbols) as ExpressionSymbol[];
    yield { writer: row.writer, labels: symbols.map((s) => s.label), boxes: symbols.map((s) => [s.box.x, s.box.y, s.box.width, s.box.height]) };
  }
}
