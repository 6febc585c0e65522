import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import { CurationInputError, NotFoundError } from "./curation-errors";

export interface ClassSet {
  id: number;
  name: string;
  /** Class names (labels) in the order given. */
  classes: string[];
  createdAt: string;
  updatedAt: string;
}

interface ClassSetRow extends Omit<ClassSet, "classes"> {
  classes: string;
}

const toClassSet = (row: ClassSetRow): ClassSet => ({ ...row, classes: JSON.parse(row.classes) as string[] });

/** Every class set, by name. */
export function listClassSets(options: { db: Database.Database }): ClassSet[] {
  return (options.db.prepare(`SELECT * FROM class_sets ORDER BY name`).all() as ClassSetRow[]).map(toClassSet);
}

/**
 * A class set by id or by name (what training asks for: `getClassSet({ db, ref: "simple equations" })`),
 * or null. Samples whose label is not in `classes` are not used by a model trained on the set.
 */
export function getClassSet(options: { db: Database.Database; ref: number | string }): ClassSet | null {
  const { db, ref } = options;
  const row = (
    typeof ref === "number"
      ? db.prepare(`SELECT * FROM class_sets WHERE id = ?`).get(ref)
      : db.prepare(`SELECT * FROM class_sets WHERE name = ?`).get(ref)
  ) as ClassSetRow | undefined;
  return row ? toClassSet(row) : null;
}

function checkSet(db: Database.Database, name: string, classes: readonly string[], exceptId?: number): { name: string; classes: string[] } {
  const trimmed = name.trim();
  if (!trimmed) throw new CurationInputError("must not be empty", "name");
  const clash = db.prepare(`SELECT id FROM class_sets WHERE name = ?`).pluck().get(trimmed) as number | undefined;
  if (clash !== undefined && clash !== exceptId) throw new CurationInputError(`a class set named "${trimmed}" already exists`, "name");
  const list = [...new Set(classes.map((c) => c.trim()).filter(Boolean))];
  if (list.length < 2) throw new CurationInputError("a class set needs at least two classes", "classes");
  return { name: trimmed, classes: list };
}

export function createClassSet(options: { db: Database.Database; name: string; classes: readonly string[] }): ClassSet {
  const { db } = options;
  const set = checkSet(db, options.name, options.classes);
  const now = sqlTimestamp();
  const info = db
    .prepare(`INSERT INTO class_sets (name, classes, createdAt, updatedAt) VALUES (?, ?, ?, ?)`)
    .run(set.name, JSON.stringify(set.classes), now, now);
  return getClassSet({ db, ref: Number(info.lastInsertRowid) })!;
}

export function updateClassSet(options: { db: Database.Database; id: number; name?: string; classes?: readonly string[] }): ClassSet {
  const { db, id } = options;
  const current = getClassSet({ db, ref: id });
  if (!current) throw new NotFoundError(`no class set ${id}`);
  const set = checkSet(db, options.name ?? current.name, options.classes ?? current.classes, id);
  db.prepare(`UPDATE class_sets SET name = ?, classes = ?, updatedAt = ? WHERE id = ?`).run(set.name, JSON.stringify(set.classes), sqlTimestamp(), id);
  return getClassSet({ db, ref: id })!;
}

export function deleteClassSet(options: { db: Database.Database; id: number }): void {
  const info = options.db.prepare(`DELETE FROM class_sets WHERE id = ?`).run(options.id);
  if (info.changes === 0) throw new NotFoundError(`no class set ${options.id}`);
}

/** After a rename or merge: sets listing `from` list `to` (once) instead. */
export function replaceClassInSets(db: Database.Database, from: string, to: string): void {
  const update = db.prepare(`UPDATE class_sets SET classes = ?, updatedAt = ? WHERE id = ?`);
  for (const set of listClassSets({ db })) {
    if (!set.classes.includes(from)) continue;
    const next = [...new Set(set.classes.map((c) => (c === from ? to : c)))];
    update.run(JSON.stringify(next), sqlTimestamp(), set.id);
  }
}
