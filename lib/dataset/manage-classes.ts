import type Database from "better-sqlite3";
import { CurationInputError, NotFoundError } from "./curation-errors";
import { ensureClassRow, type ClassRow } from "./resolve-class";
import { writeLabelChanges, type LabelChangeResult } from "./relabel-samples";
import { replaceClassInSets } from "./class-sets";

const MAX_CLASS_NAME = 32;

function classExists(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM classes WHERE name = ?`).get(name) !== undefined;
}

function checkName(name: string, field: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new CurationInputError("must not be empty", field);
  if ([...trimmed].length > MAX_CLASS_NAME) throw new CurationInputError(`must be at most ${MAX_CLASS_NAME} characters`, field);
  return trimmed;
}

/** Adds an empty class. The slug defaults to the known ASCII spelling (or a transliteration). */
export function addClass(options: { db: Database.Database; name: string; slug?: string }): ClassRow {
  const { db } = options;
  const name = checkName(options.name, "name");
  if (classExists(db, name)) throw new CurationInputError(`class "${name}" already exists`, "name");
  if (options.slug !== undefined) {
    if (!/^[A-Za-z0-9_-]+$/.test(options.slug)) throw new CurationInputError("use letters, digits, _ and - only", "slug");
    if (db.prepare(`SELECT 1 FROM classes WHERE slug = ?`).get(options.slug)) {
      throw new CurationInputError(`slug "${options.slug}" is taken`, "slug");
    }
  }
  return db.transaction(() => {
    const slug = ensureClassRow(db, name, options.slug);
    return { name, slug, symbol: name };
  })();
}

/**
 * Renames a class: its samples are relabelled (history origin "rename", one undo group), class
 * sets follow the new name, and the class row is replaced. Renaming onto an existing class is
 * a merge and is refused here.
 */
export function renameClass(options: { db: Database.Database; from: string; to: string }): LabelChangeResult & { class: ClassRow } {
  const { db, from } = options;
  const to = checkName(options.to, "to");
  if (!classExists(db, from)) throw new NotFoundError(`no class "${from}"`);
  if (from === to) throw new CurationInputError("is the current name", "to");
  if (classExists(db, to)) throw new CurationInputError(`class "${to}" already exists; merge the two instead`, "to");
  return db.transaction(() => {
    const slug = ensureClassRow(db, to);
    const result = moveSamples(db, from, to, "rename");
    db.prepare(`DELETE FROM classes WHERE name = ?`).run(from);
    replaceClassInSets(db, from, to);
    return { ...result, class: { name: to, slug, symbol: to } };
  })();
}

/**
 * Merges `from` into `into`: every sample of `from` is relabelled (history origin "merge", one
 * undo group), class sets list `into` instead, and the `from` class is removed.
 */
export function mergeClasses(options: { db: Database.Database; from: string; into: string }): LabelChangeResult {
  const { db, from, into } = options;
  if (!classExists(db, from)) throw new NotFoundError(`no class "${from}"`);
  if (!classExists(db, into)) throw new NotFoundError(`no class "${into}"`);
  if (from === into) throw new CurationInputError("a class cannot be merged into itself", "into");
  return db.transaction(() => {
    const result = moveSamples(db, from, into, "merge");
    db.prepare(`DELETE FROM classes WHERE name = ?`).run(from);
    replaceClassInSets(db, from, into);
    return result;
  })();
}

function moveSamples(db: Database.Database, from: string, to: string, origin: "merge" | "rename"): LabelChangeResult {
  const rows = db.prepare(`SELECT id, label FROM samples WHERE label = ? ORDER BY id`).all(from) as { id: number; label: string }[];
  return writeLabelChanges(db, rows, to, origin, `${origin} ${from} → ${to}`);
}
