import type Database from "better-sqlite3";
import { resolveClassName, slugFor } from "./class-names";
import { sqlTimestamp } from "../db/timestamp";

export interface ClassRow {
  name: string;
  slug: string;
  symbol: string;
}

/** Every class, digits first then alphabetical (the order of the keyboard hints and pickers). */
export function listClasses(options: { db: Database.Database }): ClassRow[] {
  return options.db.prepare(`SELECT name, slug, symbol FROM classes ORDER BY name`).all() as ClassRow[];
}

/**
 * The stored class a typed name means: the label itself, its slug, or a known alias ("times",
 * "\\leq", "X" for x) of a stored class. Null when nothing matches, so callers can say so.
 */
export function resolveClassLabel(options: { db: Database.Database; input: string }): string | null {
  const { db } = options;
  const input = options.input.trim();
  if (!input) return null;
  const byName = db.prepare(`SELECT name FROM classes WHERE name = ?`).pluck().get(input) as string | undefined;
  if (byName !== undefined) return byName;
  const bySlug = db.prepare(`SELECT name FROM classes WHERE slug = ?`).pluck().get(input) as string | undefined;
  if (bySlug !== undefined) return bySlug;
  const known = resolveClassName(input);
  if (known) {
    const stored = db.prepare(`SELECT name FROM classes WHERE name = ?`).pluck().get(known.name) as string | undefined;
    if (stored !== undefined) return stored;
  }
  return null;
}

/** Inserts a class row when missing, with a slug no other class uses; returns the slug. */
export function ensureClassRow(db: Database.Database, name: string, preferredSlug?: string): string {
  const existing = db.prepare(`SELECT slug FROM classes WHERE name = ?`).pluck().get(name) as string | undefined;
  if (existing !== undefined) return existing;
  const base = preferredSlug ?? slugFor(name);
  let slug = base;
  for (let n = 2; db.prepare(`SELECT 1 FROM classes WHERE slug = ?`).get(slug); n++) slug = `${base}_${n}`;
  db.prepare(`INSERT INTO classes (name, slug, symbol, createdAt) VALUES (?, ?, ?, ?)`).run(name, slug, name, sqlTimestamp());
  return slug;
}
