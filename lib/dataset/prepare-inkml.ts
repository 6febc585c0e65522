import path from "node:path";
import { measureStrokes, type InkBox, type Stroke } from "../ink/ink-document";
import { isInkmlError } from "../ink/inkml-error";
import { mapInkLabel } from "../ink/map-label";
import { junkFromExpression } from "../ink/junk-ink";
import { JUNK_LABEL } from "./class-names";
import { parseInkml } from "../ink/parse-inkml";
import { renderStrokes } from "../ink/render-strokes";
import { strokesHash, strokesToJson } from "../ink/stroke-json";
import { deriveWriterKey } from "../ink/writer-key";
import type { ImportEntry } from "./import-types";

/** One symbol traceGroup of an InkML file, rendered and hashed, ready to become a sample. */
export interface PreparedInkSymbol {
  /** Origin path: `<file path in dataset>#<traceGroup id>`. */
  path: string;
  /** The app's label (mapInkLabel). */
  label: string;
  /** The label as the file spells it. */
  rawLabel: string;
  /** md5 of the normalised strokes JSON (strokesHash): identical ink is stored once. */
  hash: string;
  canonical: Uint8Array;
  /** The symbol's strokes in the file's own coordinates (stroke-json form). */
  strokes: string;
  traceIds: string[];
  /** Indexes of those traces in the expression's strokes array. */
  traceIndexes: number[];
  /** The symbol's box within the expression, in ink units. */
  box: InkBox;
}

/** An InkML file parsed into an expression and its symbols. */
export interface PreparedExpression {
  type: "expression";
  /** The file's path in the dataset; unique per expression. */
  path: string;
  latex: string | null;
  /** Writer key (`corpus:writer`), or null when the file names none. */
  writer: string | null;
  /** Every trace in document order (stroke-json form). */
  strokes: string;
  symbols: PreparedInkSymbol[];
  /**
   * With `junk`: ink that is not one symbol (a stroke cut from an x, two neighbours together),
   * labelled JUNK_LABEL; stored as samples of the expression, never among its symbols.
   */
  junk: PreparedInkSymbol[];
  /** TraceGroups that cannot become samples (no label), listed as rejected. */
  skipped: { path: string; reason: string }[];
}

export interface PrepareInkmlOptions {
  /** Pen width the symbols are rendered with (1 = Kaggle style). */
  strokeWidth: number;
  /** Corpus name for files at the dataset's root (CROHME files sit in a folder per corpus). */
  rootCorpus: string;
  /** Also render junk ink (see junkFromExpression) for a "junk" class the solver learns from. */
  junk?: boolean;
}

/**
 * Reads, parses and renders one InkML file. A file that cannot be parsed comes back as a
 * rejection with the parser's reason; it never throws.
 */
export async function prepareInkmlFile(
  entry: ImportEntry,
  options: PrepareInkmlOptions,
): Promise<PreparedExpression | { type: "rejected"; path: string; reason: string }> {
  try {
    const loaded = await entry.load();
    const doc = parseInkml(Buffer.from(loaded.bytes.buffer, loaded.bytes.byteOffset, loaded.bytes.byteLength).toString("utf8"));
    const parts = entry.path.split("/");
    const fileName = parts[parts.length - 1]!;
    const corpus = parts.length > 1 ? parts[parts.length - 2]! : options.rootCorpus;
    const writer = deriveWriterKey({ corpus, writer: doc.writer, fileName });
    const ids = [...doc.traces.keys()];
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const symbols: PreparedInkSymbol[] = [];
    const skipped: PreparedExpression["skipped"] = [];
    doc.symbols.forEach((symbol, i) => {
      const symbolPath = `${entry.path}#${symbol.id ?? `group${i}`}`;
      if (symbol.label === null) {
        skipped.push({ path: symbolPath, reason: "traceGroup has no truth label" });
        return;
      }
      // parseInkml has checked that every trace id resolves.
      const strokes: Stroke[] = symbol.traceIds.map((id) => doc.traces.get(id)!);
      symbols.push({
        path: symbolPath,
        label: mapInkLabel(symbol.label).label,
        rawLabel: symbol.label,
        hash: strokesHash(strokes),
        canonical: renderStrokes(strokes, { strokeWidth: options.strokeWidth }),
        strokes: strokesToJson(strokes),
        traceIds: symbol.traceIds,
        traceIndexes: symbol.traceIds.map((id) => indexOf.get(id)!),
        box: symbol.box,
      });
    });
    const junk = options.junk
      ? junkFromExpression(doc.traces, doc.symbols).map((piece) => ({
          path: `${entry.path}#junk:${piece.kind}:${piece.symbols.map((i) => doc.symbols[i]!.id ?? `group${i}`).join("+")}`,
          label: JUNK_LABEL,
          rawLabel: JUNK_LABEL,
          hash: strokesHash(piece.strokes),
          canonical: renderStrokes(piece.strokes, { strokeWidth: options.strokeWidth }),
          strokes: strokesToJson(piece.strokes),
          traceIds: piece.traceIds,
          traceIndexes: piece.traceIds.map((id) => indexOf.get(id)!),
          box: measureStrokes(piece.strokes)!,
        }))
      : [];
    return {
      type: "expression",
      path: entry.path,
      latex: doc.latexTruth,
      writer,
      strokes: strokesToJson([...doc.traces.values()]),
      symbols,
      junk,
      skipped,
    };
  } catch (err) {
    const reason = isInkmlError(err) ? err.message : `cannot read InkML: ${err instanceof Error ? err.message : String(err)}`;
    return { type: "rejected", path: entry.path, reason };
  }
}

/** A dataset's own name, the corpus of files at its root: "crohme" for crohme.tar.gz or an upload of it. */
export function datasetName(label: string): string {
  const base = path.basename(label.replace(/^upload:\s*/, ""));
  return base.replace(/\.(tar\.gz|tgz|tar|zip|inkml)$/i, "") || "inkml";
}
