import type Database from "better-sqlite3";
import { packSamples, type LoadedSplit } from "../training/snapshot";

export interface CurrentSplit extends LoadedSplit {
  /** Snapshot samples left out: deleted since, or relabelled to a class the model does not know. */
  skipped: number;
  /** How many of the loaded samples carry a label other than the one the run trained with. */
  relabelledSinceRun: number;
}

/**
 * One split of a run's snapshot with the labels the samples have NOW (not the frozen ones), so
 * an evaluation after a relabel scores the model against the corrected truth. Samples whose
 * label moved outside the model's classes cannot be scored and are counted as skipped.
 */
export function loadCurrentSplit(db: Database.Database, options: { runId: number; split: "train" | "val" | "test"; classes: readonly string[] }): CurrentSplit {
  const index = new Map(options.classes.map((c, i) => [c, i]));
  const snapshot = db.prepare(`SELECT 1 FROM run_samples WHERE runId = ? LIMIT 1`).get(options.runId) !== undefined;
  if (!snapshot) return loadStoredSplit(db, { ...options, index });
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM run_samples WHERE runId = ? AND split = ?`).get(options.runId, options.split) as { n: number };
  let relabelledSinceRun = 0;
  const rows = db
    .prepare(
      `SELECT rs.sampleId AS id, rs.label AS frozen, s.label AS label, s.canonical AS canonical
       FROM run_samples rs JOIN samples s ON s.id = rs.sampleId WHERE rs.runId = ? AND rs.split = ? ORDER BY rs.sampleId`,
    )
    .iterate(options.runId, options.split) as IterableIterator<{ id: number; frozen: string; label: string; canonical: Buffer }>;
  const packed = packSamples(n, rows, (row) => {
    const cls = index.get(row.label);
    if (cls !== undefined && row.frozen !== row.label) relabelledSinceRun++;
    return cls;
  });
  return { ...packed, skipped: n - packed.labels.length, relabelledSinceRun };
}

/**
 * A model without a snapshot (the shipped pretrained model, whose run happened elsewhere) is
 * scored on the stored content-hash split of this database's non-augmented samples instead.
 */
function loadStoredSplit(db: Database.Database, options: { split: string; classes: readonly string[]; index: Map<string, number> }): CurrentSplit {
  const classJson = JSON.stringify(options.classes);
  const where = `split = ? AND source <> 'augmented' AND label IN (SELECT value FROM json_each(?))`;
  const n = db.prepare(`SELECT COUNT(*) FROM samples WHERE ${where}`).pluck().get(options.split, classJson) as number;
  const rows = db.prepare(`SELECT id, label, canonical FROM samples WHERE ${where} ORDER BY id`).iterate(options.split, classJson) as IterableIterator<{
    id: number;
    label: string;
    canonical: Buffer;
  }>;
  return { ...packSamples(n, rows, (row) => options.index.get(row.label)), skipped: 0, relabelledSinceRun: 0 };
}
