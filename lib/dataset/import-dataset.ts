import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { canonicalize } from "../images/canonicalize";
import { decodeGray, ImageDecodeError, sniffImageType } from "../images/decode";
import { mapOrdered } from "../util/map-ordered";
import { labelFor } from "./class-names";
import { finishBatch, openBatch } from "./import-batch";
import {
  ImportInputError,
  type ImportEntry,
  type ImportKind,
  type ImportProgress,
  type ImportSummary,
  type InkImportSummary,
  type LoadedEntry,
  type SampleSource,
} from "./import-types";
import { MAX_STROKE_WIDTH } from "../ink/rasterize";
import { datasetName, prepareInkmlFile } from "./prepare-inkml";
import { detectArchiveFormat, readArchive } from "./read-archive";
import { readClassFolders, scanClassFolders, type FolderItem } from "./read-folder";
import { classifyInkmlMember, findInkmlFiles, isInkmlArchive, isInkmlName, readInkmlFolder } from "./read-inkml";
import { findMnistImageFiles, isMnistImagesFile, readMnist } from "./read-mnist";
import { SampleWriter, type PreparedItem } from "./sample-writer";
import { contentHash } from "./split";

export interface ImportOptions {
  db: Database.Database;
  /**
   * A folder of class folders, a .zip/.tar(.gz) of one, an MNIST idx3 file, or a folder of idx
   * files; or InkML: a folder, .zip/.tar(.gz) of .inkml files (any depth), or one .inkml file.
   */
  path: string;
  /** samples.source for new samples; by default kaggle for image folders, mnist for idx files, inkml for ink. */
  source?: SampleSource;
  /** Pen width in pixels that InkML symbols are rendered with (default 1, the Kaggle style). */
  strokeWidth?: number;
  /**
   * InkML only: also store ink that is not one symbol (strokes cut from an x or a 4, two
   * neighbours together) as samples of class "junk", so a model trained with it can tell the
   * solver when a crop is a piece of a symbol or two symbols (see lib/ink/junk-ink.ts).
   */
  junk?: boolean;
  /** What the batch records as its origin, e.g. an uploaded file's own name. */
  sourceLabel?: string;
  /** Files read and decoded at once; the writer stays single-threaded and in order. */
  concurrency?: number;
  /** Files per transaction. */
  chunkSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

interface Plan {
  kind: ImportKind;
  source: SampleSource;
  total: number | null;
  items: AsyncIterable<FolderItem> | Iterable<FolderItem>;
  fraction?: () => number;
}

/** Works out what a path holds, failing with a clear message when it is no dataset. */
export function planImport(target: string, source?: SampleSource): Plan {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new ImportInputError(`${target} does not exist`);
  }
  if (stat.isDirectory()) {
    const idx = findMnistImageFiles(target);
    if (idx.length > 0) return mnistPlan(idx, source);
    const inkFiles = findInkmlFiles(target);
    if (inkFiles) return { kind: "inkml", source: source ?? "inkml", total: inkFiles.length, items: readInkmlFolder(target, inkFiles) };
    const scan = scanClassFolders(target);
    return { kind: "folder", source: source ?? "kaggle", total: scan.total, items: readClassFolders(scan) };
  }
  if (isMnistImagesFile(target)) return mnistPlan([target], source);
  if (isInkmlName(target)) {
    return { kind: "inkml", source: source ?? "inkml", total: 1, items: readInkmlFolder(path.dirname(target), [path.basename(target)]) };
  }
  const format = detectArchiveFormat(target);
  if (format && isInkmlArchive(target, format)) {
    const archive = readArchive(target, classifyInkmlMember);
    return { kind: "inkml", source: source ?? "inkml", total: null, items: archive.items, fraction: archive.fraction };
  }
  if (/\.(idx1-ubyte)(\.gz)?$/.test(target)) {
    throw new ImportInputError(`${path.basename(target)} is an MNIST labels file: import the matching *-idx3-ubyte images file instead`);
  }
  const archive = (() => {
    try {
      return readArchive(target);
    } catch (err) {
      if (err instanceof ImportInputError) {
        throw new ImportInputError(
          `${path.basename(target)} is not a dataset: expected a folder of class folders, a .zip or .tar.gz of one, an MNIST *-idx3-ubyte[.gz] file, or InkML (.inkml files, a folder or archive of them)`,
        );
      }
      throw err;
    }
  })();
  return { kind: "archive", source: source ?? "kaggle", total: null, items: archive.items, fraction: archive.fraction };
}

function mnistPlan(files: string[], source?: SampleSource): Plan {
  const sets = files.map((f) => readMnist(f));
  const items: FolderItem[] = sets.flatMap((s) => s.entries.map((entry) => ({ entry })));
  return { kind: "mnist", source: source ?? "mnist", total: items.length, items };
}

/**
 * Imports a dataset: every distinct picture is stored once (identical files become extra
 * origins of it), pictures found under two classes are flagged, unreadable files are listed
 * with their reason and the import goes on. Safe to interrupt and run again.
 */
export async function importDataset(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const strokeWidth = options.strokeWidth ?? 1;
  if (!Number.isInteger(strokeWidth) || strokeWidth < 1 || strokeWidth > MAX_STROKE_WIDTH) {
    throw new ImportInputError(`stroke width must be a whole number from 1 to ${MAX_STROKE_WIDTH}, got ${strokeWidth}`);
  }
  const plan = planImport(options.path, options.source);
  const sourceLabel = options.sourceLabel ?? path.resolve(options.path);
  const { db } = options;
  const { batch, resumed } = openBatch(db, plan.kind, sourceLabel);
  const writer = new SampleWriter(db, batch, plan.source);
  const pending = new Map<string, Promise<CanonicalResult>>();
  // An InkML file holds ~10 symbols, so fewer files per transaction keep chunks alike in size.
  const chunkSize = options.chunkSize ?? (plan.kind === "inkml" ? 50 : 500);
  const inkOptions = { strokeWidth, rootCorpus: datasetName(sourceLabel), junk: options.junk ?? false };
  let processed = 0;
  let chunk: PreparedItem[] = [];

  const report = () => {
    const c = writer.counts;
    const fraction = plan.total ? processed / Math.max(1, plan.total) : (plan.fraction?.() ?? 0);
    options.onProgress?.({
      batchId: batch.id,
      processed,
      total: plan.total,
      fraction: Math.min(1, fraction),
      imported: c.imported,
      duplicates: c.duplicates,
      conflicts: c.conflicts,
      rejected: c.rejected,
    });
  };
  const flush = () => {
    writer.writeChunk(chunk);
    for (const item of chunk) if (item.type === "file") pending.delete(item.hash);
    chunk = [];
    report();
  };

  try {
    const prepared = mapOrdered(plan.items, options.concurrency ?? 16, (item) =>
      "rejection" in item
        ? Promise.resolve<PreparedItem>({ type: "rejected", ...item.rejection })
        : plan.kind === "inkml"
          ? prepareInkmlFile(item.entry, inkOptions)
          : prepareEntry(item.entry, writer, pending),
    );
    for await (const item of prepared) {
      if (options.signal?.aborted) break;
      chunk.push(item);
      processed++;
      if (chunk.length >= chunkSize) flush();
    }
    if (!options.signal?.aborted) flush();
    if (options.signal?.aborted) {
      finishBatch(db, batch.id, "interrupted", "stopped before finishing; run the same import again to resume");
    } else if (writer.counts.imported + writer.counts.duplicates === 0 && plan.kind === "archive") {
      throw new ImportInputError(`${path.basename(options.path)} holds no images in class folders`);
    } else if (writer.counts.total === 0 && plan.kind === "inkml") {
      throw new ImportInputError(`${path.basename(options.path)} holds no .inkml files`);
    } else {
      finishBatch(db, batch.id, "done");
    }
  } catch (err) {
    finishBatch(db, batch.id, "failed", err instanceof Error ? err.message : String(err));
    throw err;
  }

  const rejected = db
    .prepare(`SELECT path, reason FROM import_rejections WHERE batchId = ? ORDER BY id`)
    .all(batch.id) as { path: string; reason: string }[];
  const c = writer.counts;
  return {
    batchId: batch.id,
    kind: plan.kind,
    source: sourceLabel,
    files: c.total,
    imported: c.imported,
    duplicates: c.duplicates,
    conflicts: c.conflicts,
    rejected,
    classes: c.classCounts,
    seconds: (Date.now() - started) / 1000,
    resumed,
    ...(plan.kind === "inkml" ? { ink: summariseInk(db, batch.id, strokeWidth) } : {}),
  };
}

/** Expressions and writers an InkML batch stored (counted from the rows, so a resumed run agrees). */
function summariseInk(db: Database.Database, batchId: number, strokeWidth: number): InkImportSummary {
  const row = db
    .prepare(`SELECT COUNT(*) AS expressions, COUNT(DISTINCT writer) AS writers FROM expressions WHERE batchId = ?`)
    .get(batchId) as { expressions: number; writers: number };
  return { ...row, strokeWidth };
}

type CanonicalResult = { canonical: Uint8Array } | { error: string };

async function prepareEntry(entry: ImportEntry, writer: SampleWriter, pending: Map<string, Promise<CanonicalResult>>): Promise<PreparedItem> {
  try {
    const loaded = await entry.load();
    const hash = contentHash(loaded.bytes);
    const label = labelFor(entry.rawLabel);
    const originalType = loaded.kind === "raw" ? loaded.originalType : (sniffImageType(loaded.bytes) ?? "application/octet-stream");
    const base = { type: "file" as const, path: entry.path, label, hash, original: loaded.bytes, originalType };
    if (writer.has(hash)) return { ...base, canonical: null };
    // Identical files in flight share one decode (and one failure reason).
    let result = pending.get(hash);
    if (!result) {
      result = toCanonical(loaded);
      pending.set(hash, result);
    }
    const outcome = await result;
    if ("error" in outcome) return { type: "rejected", path: entry.path, reason: outcome.error };
    return { ...base, canonical: outcome.canonical };
  } catch (err) {
    return { type: "rejected", path: entry.path, reason: err instanceof Error ? err.message : String(err) };
  }
}

async function toCanonical(loaded: LoadedEntry): Promise<CanonicalResult> {
  try {
    const image =
      loaded.kind === "raw" ? { width: loaded.width, height: loaded.height, pixels: loaded.bytes } : await decodeGray(loaded.bytes);
    const canonical = canonicalize(image, { polarity: loaded.kind === "raw" ? loaded.polarity : "auto" });
    return canonical ? { canonical } : { error: "blank image: no strokes found" };
  } catch (err) {
    return { error: err instanceof ImageDecodeError ? err.message : `cannot read image: ${(err as Error).message}` };
  }
}
