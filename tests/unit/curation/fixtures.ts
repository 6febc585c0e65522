import type Database from "better-sqlite3";
import { sqlTimestamp } from "../../../lib/db/timestamp";
import { slugFor } from "../../../lib/dataset/class-names";

export interface FakeSample {
  label: string;
  source?: string;
  split?: string;
  copies?: number;
  conflict?: boolean;
  parentId?: number | null;
  originPath?: string | null;
  batch?: number | null;
}

let counter = 0;

/** Inserts samples (and their classes) directly, returning their ids in order. */
export function insertSamples(db: Database.Database, samples: FakeSample[]): number[] {
  const now = sqlTimestamp();
  const insert = db.prepare(
    `INSERT INTO samples (hash, canonical, label, source, originPath, split, parentId, copies, conflict, relabelled, importBatchId, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const origin = db.prepare(`INSERT INTO sample_origins (sampleId, path, label, batchId) VALUES (?, ?, ?, ?)`);
  const cls = db.prepare(`INSERT OR IGNORE INTO classes (name, slug, symbol, createdAt) VALUES (?, ?, ?, ?)`);
  return db.transaction(() =>
    samples.map((s) => {
      cls.run(s.label, slugFor(s.label), s.label, now);
      const info = insert.run(
        `hash-${++counter}-${Math.random()}`,
        Buffer.alloc(2025),
        s.label,
        s.source ?? "kaggle",
        s.originPath ?? null,
        s.split ?? "train",
        s.parentId ?? null,
        s.copies ?? 1,
        s.conflict ? 1 : 0,
        s.batch ?? null,
        now,
        now,
      );
      const id = Number(info.lastInsertRowid);
      if (s.originPath) origin.run(id, s.originPath, s.label, s.batch ?? null);
      return id;
    }),
  )();
}

export function addClasses(db: Database.Database, names: string[]): void {
  const cls = db.prepare(`INSERT OR IGNORE INTO classes (name, slug, symbol, createdAt) VALUES (?, ?, ?, ?)`);
  for (const n of names) cls.run(n, slugFor(n), n, sqlTimestamp());
}

export function labelOf(db: Database.Database, id: number): string {
  return db.prepare(`SELECT label FROM samples WHERE id = ?`).pluck().get(id) as string;
}
