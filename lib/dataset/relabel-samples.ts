import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import { CurationInputError, NotFoundError } from "./curation-errors";
import { listSampleIds } from "./list-samples";
import { resolveClassLabel } from "./resolve-class";
import type { SampleFilter } from "./sample-query";

/** user | bulk | merge | rename | suggestion | undo | solver (label_changes.origin). */
export type LabelChangeOrigin = "user" | "bulk" | "merge" | "rename" | "suggestion" | "undo" | "solver";

export interface LabelChangeResult {
  /** Samples whose label changed, derived samples included. */
  updated: number;
  /** Ties this action's history rows together; pass it to undoLabelChange. Null when nothing changed. */
  groupId: string | null;
  changes: { id: number; fromLabel: string; toLabel: string }[];
}

/**
 * Relabels samples and every sample derived from them (augmentations, recursively through
 * parentId), writing one history row per changed sample under a shared groupId, all in one
 * transaction: an unknown id or class changes nothing. Samples already labelled so are skipped.
 */
export function relabelSamples(options: {
  db: Database.Database;
  ids: readonly number[];
  /** A class name, slug or alias of an existing class. */
  label: string;
  origin?: LabelChangeOrigin;
  reason?: string | null;
}): LabelChangeResult {
  const { db, ids } = options;
  const label = resolveClassLabel({ db, input: options.label });
  if (label === null) throw new CurationInputError(`no class "${options.label}"; add it on the classes page first`, "label");
  if (ids.length === 0) throw new CurationInputError("select at least one sample", "ids");
  return db.transaction(() => {
    const idJson = JSON.stringify([...new Set(ids)]);
    const missing = db
      .prepare(`SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM samples)`)
      .pluck()
      .all(idJson) as number[];
    if (missing.length > 0) {
      throw new NotFoundError(`no sample${missing.length > 1 ? "s" : ""} ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? "…" : ""}`);
    }
    const rows = db
      .prepare(
        `WITH RECURSIVE family(id) AS (
           SELECT value FROM json_each(?)
           UNION SELECT s.id FROM samples s JOIN family f ON s.parentId = f.id
         )
         SELECT s.id, s.label FROM samples s JOIN family f ON f.id = s.id WHERE s.label <> ? ORDER BY s.id`,
      )
      .all(idJson, label) as { id: number; label: string }[];
    return writeLabelChanges(db, rows, label, options.origin ?? (ids.length > 1 ? "bulk" : "user"), options.reason ?? null);
  })();
}

/** Relabels every sample matching a filter ("select all matching"), as one undoable group. */
export function relabelMatching(options: {
  db: Database.Database;
  filter: SampleFilter;
  label: string;
  reason?: string | null;
}): LabelChangeResult {
  const { db } = options;
  return db.transaction(() => {
    const ids = listSampleIds({ db, ...options.filter });
    if (ids.length === 0) throw new CurationInputError("no sample matches the filter", "filter");
    return relabelSamples({ db, ids, label: options.label, origin: "bulk", reason: options.reason });
  })();
}

/**
 * Writes label changes and their history rows; the caller holds the transaction and has
 * already dropped rows whose label would not change.
 */
export function writeLabelChanges(
  db: Database.Database,
  rows: readonly { id: number; label: string }[],
  toLabel: string,
  origin: LabelChangeOrigin,
  reason: string | null,
): LabelChangeResult {
  if (rows.length === 0) return { updated: 0, groupId: null, changes: [] };
  const groupId = crypto.randomUUID();
  const now = sqlTimestamp();
  const insert = db.prepare(
    `INSERT INTO label_changes (sampleId, fromLabel, toLabel, reason, origin, groupId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(`UPDATE samples SET label = ?, relabelled = 1, updatedAt = ? WHERE id = ?`);
  for (const row of rows) {
    insert.run(row.id, row.label, toLabel, reason, origin, groupId, now);
    update.run(toLabel, now, row.id);
  }
  return { updated: rows.length, groupId, changes: rows.map((r) => ({ id: r.id, fromLabel: r.label, toLabel })) };
}
