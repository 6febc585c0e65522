import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import type { ImportKind } from "./import-types";

export interface BatchRow {
  id: number;
  kind: string;
  sourcePath: string;
  status: string;
  total: number;
  imported: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  classCounts: string;
}

/**
 * Starts an import batch, or resumes the unfinished one for the same source so that an
 * interrupted import, run again, ends exactly where an uninterrupted one would have.
 */
export function openBatch(db: Database.Database, kind: ImportKind, sourcePath: string): { batch: BatchRow; resumed: boolean } {
  const unfinished = db
    .prepare(`SELECT * FROM import_batches WHERE kind = ? AND sourcePath = ? AND status IN ('running', 'interrupted', 'failed') ORDER BY id DESC LIMIT 1`)
    .get(kind, sourcePath) as BatchRow | undefined;
  if (unfinished) {
    db.prepare(`UPDATE import_batches SET status = 'running', error = NULL, finishedAt = NULL WHERE id = ?`).run(unfinished.id);
    return { batch: { ...unfinished, status: "running" }, resumed: true };
  }
  const now = sqlTimestamp();
  const info = db
    .prepare(`INSERT INTO import_batches (kind, sourcePath, status, startedAt) VALUES (?, ?, 'running', ?)`)
    .run(kind, sourcePath, now);
  const batch = db.prepare(`SELECT * FROM import_batches WHERE id = ?`).get(Number(info.lastInsertRowid)) as BatchRow;
  return { batch, resumed: false };
}

export function finishBatch(db: Database.Database, id: number, status: "done" | "interrupted" | "failed", error?: string): void {
  db.prepare(`UPDATE import_batches SET status = ?, error = ?, finishedAt = ? WHERE id = ?`).run(
    status,
    error ?? null,
    sqlTimestamp(),
    id,
  );
}

/** Marks imports left "running" by a process that died, so the UI does not show them as live. */
export function markStaleImportsInterrupted(db: Database.Database): number {
  return db
    .prepare(`UPDATE import_batches SET status = 'interrupted', error = 'the import process stopped before finishing; run the same import again to resume' WHERE status = 'running'`)
    .run().changes;
}
