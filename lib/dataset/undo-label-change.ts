import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import { CurationInputError, NotFoundError } from "./curation-errors";
import { ensureClassRow } from "./resolve-class";

/** History rows written by an undo carry this prefix before the group they reverse. */
export const UNDO_GROUP_PREFIX = "undo:";

export interface UndoResult {
  /** The group that was reversed. */
  groupId: string;
  /** Samples set back; a sample changed again since then is left as it is. */
  undone: number;
  skipped: number;
  changes: { id: number; label: string }[];
}

/** The newest change group that is not an undo and has not been undone, or null. */
export function findLastChangeGroup(db: Database.Database): string | null {
  return (
    (db
      .prepare(
        `SELECT c.groupId FROM label_changes c
         WHERE c.groupId IS NOT NULL AND c.origin <> 'undo'
           AND NOT EXISTS (SELECT 1 FROM label_changes u WHERE u.groupId = '${UNDO_GROUP_PREFIX}' || c.groupId)
         ORDER BY c.id DESC LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined) ?? null
  );
}

/**
 * Reverses one change group (the newest not yet undone when no groupId is given): each sample
 * still carrying the group's new label goes back to its old one, with an "undo" history row.
 * Classes a merge removed come back. `relabelled` stays set only while a sample's label differs
 * from the one it had before its first change.
 */
export function undoLabelChange(options: { db: Database.Database; groupId?: string }): UndoResult {
  const { db } = options;
  return db.transaction(() => {
    const groupId = options.groupId ?? findLastChangeGroup(db);
    if (!groupId) throw new NotFoundError("there is no label change to undo");
    if (groupId.startsWith(UNDO_GROUP_PREFIX)) throw new CurationInputError("an undo cannot itself be undone", "groupId");
    const rows = db
      .prepare(`SELECT id, sampleId, fromLabel, toLabel FROM label_changes WHERE groupId = ? ORDER BY id DESC`)
      .all(groupId) as { id: number; sampleId: number; fromLabel: string; toLabel: string }[];
    if (rows.length === 0) throw new NotFoundError(`no label change group ${groupId}`);
    if (db.prepare(`SELECT 1 FROM label_changes WHERE groupId = ?`).get(UNDO_GROUP_PREFIX + groupId)) {
      throw new CurationInputError(`change group ${groupId} was already undone`, "groupId");
    }
    const now = sqlTimestamp();
    const current = db.prepare(`SELECT label FROM samples WHERE id = ?`).pluck();
    const insert = db.prepare(
      `INSERT INTO label_changes (sampleId, fromLabel, toLabel, reason, origin, groupId, createdAt) VALUES (?, ?, ?, ?, 'undo', ?, ?)`,
    );
    const update = db.prepare(
      `UPDATE samples SET label = ?, updatedAt = ?,
         relabelled = (? <> COALESCE((SELECT fromLabel FROM label_changes WHERE sampleId = samples.id ORDER BY id LIMIT 1), ?))
       WHERE id = ?`,
    );
    const changes: { id: number; label: string }[] = [];
    let skipped = 0;
    for (const row of rows) {
      if (current.get(row.sampleId) !== row.toLabel) {
        skipped++;
        continue;
      }
      ensureClassRow(db, row.fromLabel);
      insert.run(row.sampleId, row.toLabel, row.fromLabel, `undo of ${groupId}`, UNDO_GROUP_PREFIX + groupId, now);
      update.run(row.fromLabel, now, row.fromLabel, row.fromLabel, row.sampleId);
      changes.push({ id: row.sampleId, label: row.fromLabel });
    }
    if (changes.length === 0 && skipped > 0) {
      // Nothing could be reversed, but mark the group so Ctrl-Z moves on to the one before it.
      insert.run(rows[0]!.sampleId, rows[0]!.toLabel, rows[0]!.toLabel, `undo of ${groupId}: every sample changed since`, UNDO_GROUP_PREFIX + groupId, now);
    }
    return { groupId, undone: changes.length, skipped, changes };
  })();
}
