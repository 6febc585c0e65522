import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import { assignSplit } from "./split";
import { storedInkSplit } from "./resolve-splits";
import { slugFor } from "./class-names";
import type { BatchRow } from "./import-batch";
import type { Rejection } from "./import-types";
import type { PreparedExpression } from "./prepare-inkml";

/** A file read, hashed and (when new) canonicalised, ready to be written in order. */
export type PreparedItem =
  | { type: "rejected"; path: string; reason: string }
  | {
      type: "file";
      path: string;
      label: string;
      hash: string;
      original: Uint8Array;
      originalType: string;
      /** null when the picture was already stored when the file was read (no decode needed). */
      canonical: Uint8Array | null;
    }
  | PreparedExpression;

/** What a sample row needs beyond the picture: set for ink-born samples only. */
interface InkFields {
  writer: string | null;
  strokes: string;
  expressionId: number;
}

/** A new or matched sample: the picture's fields shared by image files and ink symbols. */
interface SampleInput {
  path: string;
  label: string;
  hash: string;
  canonical: Uint8Array | null;
  original: Uint8Array | null;
  originalType: string | null;
}

export interface WriterCounts {
  total: number;
  imported: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  classCounts: Record<string, number>;
}

/**
 * Writes prepared files to the database in the order given, one transaction per chunk, with
 * the batch's counters updated in the same transaction: whatever was committed is counted,
 * and nothing is counted twice when an interrupted batch is resumed.
 */
export class SampleWriter {
  readonly counts: WriterCounts;
  private readonly knownClasses = new Set<string>();
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly batch: BatchRow,
    private readonly source: string,
  ) {
    this.counts = {
      total: batch.total,
      imported: batch.imported,
      duplicates: batch.duplicates,
      conflicts: batch.conflicts,
      rejected: batch.rejected,
      classCounts: JSON.parse(batch.classCounts) as Record<string, number>,
    };
    this.stmt = {
      findSample: db.prepare(`SELECT id, label, conflict FROM samples WHERE hash = ?`),
      findOrigin: db.prepare(`SELECT batchId FROM sample_origins WHERE sampleId = ? AND path = ?`),
      otherLabel: db.prepare(`SELECT 1 FROM sample_origins WHERE sampleId = ? AND label <> ? LIMIT 1`),
      insertSample: db.prepare(
        `INSERT INTO samples (hash, canonical, original, originalType, label, source, originPath, split, writer, strokes, expressionId, copies, conflict, relabelled, importBatchId, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0, ?, ?, ?)`,
      ),
      findExpression: db.prepare(`SELECT id, batchId FROM expressions WHERE path = ?`),
      insertExpression: db.prepare(
        `INSERT INTO expressions (batchId, path, latex, writer, strokes, symbols, createdAt) VALUES (?, ?, ?, ?, ?, '[]', ?)`,
      ),
      setExpressionSymbols: db.prepare(`UPDATE expressions SET symbols = ? WHERE id = ?`),
      insertOrigin: db.prepare(`INSERT INTO sample_origins (sampleId, path, label, batchId) VALUES (?, ?, ?, ?)`),
      bumpCopies: db.prepare(`UPDATE samples SET copies = copies + 1 WHERE id = ?`),
      flagConflict: db.prepare(`UPDATE samples SET conflict = 1 WHERE id = ?`),
      findRejection: db.prepare(`SELECT 1 FROM import_rejections WHERE batchId = ? AND path = ?`),
      insertRejection: db.prepare(`INSERT INTO import_rejections (batchId, path, reason) VALUES (?, ?, ?)`),
      insertClass: db.prepare(`INSERT OR IGNORE INTO classes (name, slug, symbol, createdAt) VALUES (?, ?, ?, ?)`),
      slugTaken: db.prepare(`SELECT 1 FROM classes WHERE slug = ?`),
      updateBatch: db.prepare(
        `UPDATE import_batches SET total = ?, imported = ?, duplicates = ?, conflicts = ?, rejected = ?, classCounts = ? WHERE id = ?`,
      ),
    };
  }

  /** True when a sample with this content hash is already stored (committed). */
  has(hash: string): boolean {
    return this.stmt.findSample.get(hash) !== undefined;
  }

  writeChunk(items: PreparedItem[]): void {
    this.db.transaction(() => {
      const now = sqlTimestamp();
      for (const item of items) {
        if (item.type === "rejected") this.reject(item);
        else if (item.type === "expression") this.writeExpression(item, now);
        else this.writeSample(item, now);
      }
      const c = this.counts;
      this.stmt.updateBatch.run(c.total, c.imported, c.duplicates, c.conflicts, c.rejected, JSON.stringify(c.classCounts), this.batch.id);
    })();
  }

  private reject(item: Rejection): void {
    if (this.stmt.findRejection.get(this.batch.id, item.path)) return;
    this.stmt.insertRejection.run(this.batch.id, item.path, item.reason);
    this.counts.total++;
    this.counts.rejected++;
  }

  /**
   * Stores an InkML expression and its symbols as samples. The whole file lands in one chunk's
   * transaction, so an expression row of this batch means its symbols were committed with it.
   */
  private writeExpression(item: PreparedExpression, now: string): void {
    for (const skipped of item.skipped) this.reject(skipped);
    const existing = this.stmt.findExpression.get(item.path) as { id: number; batchId: number | null } | undefined;
    if (existing && existing.batchId === this.batch.id) return;
    // The same file imported before (another batch): its symbols still count as duplicates,
    // but the stored expression and the samples' links stay as the first import made them.
    const expressionId =
      existing?.id ?? Number(this.stmt.insertExpression.run(this.batch.id, item.path, item.latex, item.writer, item.strokes, now).lastInsertRowid);
    const symbols = item.symbols.map((symbol) => {
      const sampleId = this.writeSample(
        { ...symbol, original: null, originalType: null },
        now,
        { writer: item.writer, strokes: symbol.strokes, expressionId },
      );
      return { sampleId, label: symbol.label, rawLabel: symbol.rawLabel, traceIds: symbol.traceIds, traceIndexes: symbol.traceIndexes, box: symbol.box };
    });
    if (!existing) this.stmt.setExpressionSymbols.run(JSON.stringify(symbols), expressionId);
    for (const piece of item.junk) {
      this.writeSample({ ...piece, original: null, originalType: null }, now, { writer: item.writer, strokes: piece.strokes, expressionId });
    }
  }

  /** Stores a new sample or records another origin of a stored one; returns its id (null when rejected). */
  private writeSample(item: SampleInput, now: string, ink?: InkFields): number | null {
    const existing = this.stmt.findSample.get(item.hash) as { id: number; label: string; conflict: number } | undefined;
    if (!existing) {
      if (!item.canonical) {
        this.reject({ path: item.path, reason: "the stored copy of this image disappeared during the import; run the import again" });
        return null;
      }
      this.ensureClass(item.label, now);
      const info = this.stmt.insertSample.run(
        item.hash,
        item.canonical,
        item.original,
        item.originalType,
        item.label,
        this.source,
        item.path,
        ink ? storedInkSplit(ink.writer, item.hash) : assignSplit(item.hash),
        ink?.writer ?? null,
        ink?.strokes ?? null,
        ink?.expressionId ?? null,
        this.batch.id,
        now,
        now,
      );
      const id = Number(info.lastInsertRowid);
      this.stmt.insertOrigin.run(id, item.path, item.label, this.batch.id);
      this.counts.total++;
      this.counts.imported++;
      this.counts.classCounts[item.label] = (this.counts.classCounts[item.label] ?? 0) + 1;
      return id;
    }
    const origin = this.stmt.findOrigin.get(existing.id, item.path) as { batchId: number | null } | undefined;
    // Already written by the interrupted run of this very batch: counted then.
    if (origin && origin.batchId === this.batch.id) return existing.id;
    this.counts.total++;
    this.counts.duplicates++;
    if (origin) return existing.id;
    this.stmt.insertOrigin.run(existing.id, item.path, item.label, this.batch.id);
    this.stmt.bumpCopies.run(existing.id);
    if (!existing.conflict && this.stmt.otherLabel.get(existing.id, item.label)) {
      this.stmt.flagConflict.run(existing.id);
      this.counts.conflicts++;
    }
    return existing.id;
  }

  private ensureClass(label: string, now: string): void {
    if (this.knownClasses.has(label)) return;
    let slug = slugFor(label);
    for (let n = 2; this.stmt.slugTaken.get(slug) && !this.classExists(label); n++) slug = `${slugFor(label)}_${n}`;
    this.stmt.insertClass.run(label, slug, label, now);
    this.knownClasses.add(label);
  }

  private classExists(label: string): boolean {
    return this.db.prepare(`SELECT 1 FROM classes WHERE name = ?`).get(label) !== undefined;
  }
}

