import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { EXPORT_HEIGHT, EXPORT_STROKE_WIDTH, renderStoredExpression, type ExpressionImageOptions, type StoredExpression } from "./expression-image";
import { storedInkSplit } from "./resolve-splits";
import type { Split } from "./split";

export interface ExportExpressionsOptions extends ExpressionImageOptions {
  db: Database.Database;
  out: string;
  /** Only these writer keys. */
  writers?: ReadonlySet<string>;
  /**
   * Only writers whose stored split is this one (the import puts a writer's samples in the
   * split of md5(writer key)), e.g. "test": handwriting the classifier was not trained on.
   */
  writerSplit?: Split;
  limit?: number;
  onProgress?: (done: number) => void;
}

export interface ExportExpressionsResult {
  written: number;
  skipped: { path: string; reason: string }[];
  out: string;
}

/**
 * Writes `<name>.png` (renderStoredExpression: dark ink on white) and `<name>.json`
 * (ExpressionTruth: latex, labels, boxes, writer…) per expression, plus `index.json` listing
 * them, in id order. The equation solver's benchmark reads this folder as real handwriting.
 */
export async function exportExpressions(options: ExportExpressionsOptions): Promise<ExportExpressionsResult> {
  const { db, out } = options;
  fs.mkdirSync(out, { recursive: true });
  const rows = db.prepare(`SELECT id, path, latex, writer, strokes, symbols FROM expressions ORDER BY id`).iterate() as IterableIterator<
    StoredExpression & { id: number }
  >;
  const index: { id: number; image: string; truth: string; latex: string | null; writer: string | null; symbols: number }[] = [];
  const skipped: ExportExpressionsResult["skipped"] = [];
  const usedNames = new Set<string>();
  for (const row of rows) {
    if (options.limit !== undefined && index.length >= options.limit) break;
    if (options.writers && (row.writer === null || !options.writers.has(row.writer))) continue;
    if (options.writerSplit && (row.writer === null || storedInkSplit(row.writer, "") !== options.writerSplit)) continue;
    let rendered;
    try {
      rendered = await renderStoredExpression(row, options);
    } catch (err) {
      skipped.push({ path: row.path, reason: (err as Error).message });
      continue;
    }
    let name = fileStem(row.path);
    if (usedNames.has(name)) name = `${name}__${row.id}`;
    usedNames.add(name);
    fs.writeFileSync(path.join(out, `${name}.png`), rendered.png);
    fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(rendered.truth, null, 1)}\n`);
    index.push({ id: row.id, image: `${name}.png`, truth: `${name}.json`, latex: row.latex, writer: row.writer, symbols: rendered.truth.labels.length });
    options.onProgress?.(index.length);
  }
  fs.writeFileSync(
    path.join(out, "index.json"),
    `${JSON.stringify({ polarity: "dark-on-light", strokeWidth: options.strokeWidth ?? EXPORT_STROKE_WIDTH, height: options.height ?? EXPORT_HEIGHT, expressions: index }, null, 1)}\n`,
  );
  return { written: index.length, skipped, out };
}

/** "inkml/HAMEX/form 01.inkml" -> "HAMEX__form_01": readable, unique per path in practice. */
function fileStem(file: string): string {
  const parts = file.replace(/\.inkml$/i, "").split("/").filter((p) => p && p !== "inkml");
  return parts.join("__").replace(/[^A-Za-z0-9_.-]+/g, "_") || "expression";
}
