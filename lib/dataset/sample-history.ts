import type Database from "better-sqlite3";
import { NotFoundError } from "./curation-errors";
import { UNDO_GROUP_PREFIX } from "./undo-label-change";

export interface HistoryEntry {
  id: number;
  fromLabel: string;
  toLabel: string;
  reason: string | null;
  origin: string;
  groupId: string | null;
  createdAt: string;
  /** The change was reversed by a later undo. */
  undone: boolean;
}

/** A sample's label history, newest first. */
export function getSampleHistory(options: { db: Database.Database; id: number }): { sampleId: number; label: string; items: HistoryEntry[] } {
  const { db, id } = options;
  const sample = db.prepare(`SELECT label FROM samples WHERE id = ?`).get(id) as { label: string } | undefined;
  if (!sample) throw new NotFoundError(`no sample ${id}`);
  const rows = db
    .prepare(
      `SELECT c.id, c.fromLabel, c.toLabel, c.reason, c.origin, c.groupId, c.createdAt,
              EXISTS (SELECT 1 FROM label_changes u WHERE u.groupId = '${UNDO_GROUP_PREFIX}' || c.groupId) AS undone
       FROM label_changes c WHERE c.sampleId = ? ORDER BY c.id DESC`,
    )
    .all(id) as (Omit<HistoryEntry, "undone"> & { undone: number })[];
  return { sampleId: id, label: sample.label, items: rows.map((r) => ({ ...r, undone: r.undone === 1 })) };
}
