import type Database from "better-sqlite3";
import { CANONICAL_PIXELS } from "../images/canonical-form";
import { resolveSplits, type SplitMode } from "../dataset/resolve-splits";
import type { SampleSet } from "../ml/train";

interface SnapshotSource {
  id: number;
  hash: string;
  writer: string | null;
  split: string;
  label: string;
  source: string;
  parentId: number | null;
}

export interface SnapshotCounts {
  train: number;
  val: number;
  test: number;
}

/**
 * Freezes which samples (and with which labels) a run uses, per split. Idempotent: a run whose
 * snapshot exists keeps it, so a retried job trains on exactly the same data.
 * Augmented samples only ever go to train, and only when their parent is in train, so a
 * writer-disjoint split is not undone by a variant of a test image.
 */
export function takeSnapshot(db: Database.Database, options: { runId: number; classes: string[]; splitMode: SplitMode; seed: number }): SnapshotCounts {
  const existing = countSnapshot(db, options.runId);
  if (existing.train + existing.val + existing.test > 0) return existing;
  const placeholders = options.classes.map(() => "?").join(",");
  const rows = db
    .prepare(`SELECT id, hash, writer, split, label, source, parentId FROM samples WHERE label IN (${placeholders}) ORDER BY id`)
    .all(...options.classes) as SnapshotSource[];
  const originals = rows.filter((r) => r.source !== "augmented");
  const sides = resolveSplits(originals, options.splitMode, options.seed);
  const trainIds = new Set(sides.train.map((s) => s.id));
  const derived = rows.filter((r) => r.source === "augmented" && r.split === "train" && (r.parentId === null || trainIds.has(r.parentId)));
  const insert = db.prepare(`INSERT INTO run_samples (runId, sampleId, label, split) VALUES (?, ?, ?, ?)`);
  db.transaction(() => {
    for (const split of ["train", "val", "test"] as const) for (const s of sides[split]) insert.run(options.runId, s.id, s.label, split);
    for (const s of derived) insert.run(options.runId, s.id, s.label, "train");
  })();
  return countSnapshot(db, options.runId);
}

export function countSnapshot(db: Database.Database, runId: number): SnapshotCounts {
  const counts: SnapshotCounts = { train: 0, val: 0, test: 0 };
  for (const r of db.prepare(`SELECT split, COUNT(*) AS n FROM run_samples WHERE runId = ? GROUP BY split`).all(runId) as { split: keyof SnapshotCounts; n: number }[]) {
    counts[r.split] = r.n;
  }
  return counts;
}

export interface LoadedSplit extends SampleSet {
  sampleIds: Int32Array;
}

/**
 * Loads one split of a run's snapshot as contiguous canonical images and class indices, with
 * the labels as they were when the run started. Samples deleted since are skipped.
 */
export function loadSnapshotSplit(db: Database.Database, options: { runId: number; split: "train" | "val" | "test"; classes: string[] }): LoadedSplit {
  const index = new Map(options.classes.map((c, i) => [c, i]));
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM run_samples WHERE runId = ? AND split = ?`).get(options.runId, options.split) as { n: number };
  const rows = db
    .prepare(`SELECT rs.sampleId AS id, rs.label AS label, s.canonical AS canonical FROM run_samples rs JOIN samples s ON s.id = rs.sampleId WHERE rs.runId = ? AND rs.split = ? ORDER BY rs.sampleId`)
    .iterate(options.runId, options.split) as IterableIterator<{ id: number; label: string; canonical: Buffer }>;
  return packSamples(n, rows, (row) => index.get(row.label));
}

/**
 * Packs at most n rows into contiguous canonical images, class indices and sample ids, in row
 * order; a row whose classOf is undefined is left out.
 */
export function packSamples<R extends { id: number; canonical: Uint8Array }>(n: number, rows: Iterable<R>, classOf: (row: R) => number | undefined): LoadedSplit {
  const x = new Uint8Array(n * CANONICAL_PIXELS);
  const labels = new Int32Array(n);
  const sampleIds = new Int32Array(n);
  let i = 0;
  for (const row of rows) {
    if (i >= n) break;
    const cls = classOf(row);
    if (cls === undefined) continue;
    x.set(row.canonical, i * CANONICAL_PIXELS);
    labels[i] = cls;
    sampleIds[i] = row.id;
    i++;
  }
  return { x: x.subarray(0, i * CANONICAL_PIXELS), labels: labels.subarray(0, i), sampleIds: sampleIds.subarray(0, i) };
}
