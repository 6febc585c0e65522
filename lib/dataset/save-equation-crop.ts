import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import { CANONICAL_PIXELS, type CanonicalImage } from "../images/canonical-form";
import { encodeCanonicalPng } from "../images/encode-png";
import { CurationInputError } from "./curation-errors";
import { resolveClassLabel } from "./resolve-class";
import { assignSplit, contentHash } from "./split";

export interface SavedEquationCrop {
  id: number;
  label: string;
  split: string;
  /** The same crop was saved before; its stored label is returned unchanged. */
  duplicate: boolean;
}

/**
 * Stores a symbol the person corrected on the Solve page as a sample: source "equation", the
 * canonical crop exactly as the model saw it, a 4x PNG as the original, hash = md5 of the
 * canonical bytes and the split from that hash like every other sample. Saving the same crop
 * again (the page re-sends its corrections with each re-solve) stores nothing new.
 */
export async function saveEquationCrop(options: { db: Database.Database; canonical: CanonicalImage; label: string }): Promise<SavedEquationCrop> {
  const { db, canonical } = options;
  if (canonical.length !== CANONICAL_PIXELS) throw new CurationInputError(`a crop is ${CANONICAL_PIXELS} bytes`, "crop");
  const label = resolveClassLabel({ db, input: options.label });
  if (label === null) throw new CurationInputError(`no class "${options.label}"`, "label");
  const hash = contentHash(canonical);
  const existing = db.prepare(`SELECT id, label, split FROM samples WHERE hash = ?`).get(hash) as { id: number; label: string; split: string } | undefined;
  if (existing) return { ...existing, duplicate: true };
  const original = await encodeCanonicalPng(canonical, 4);
  const split = assignSplit(hash);
  const now = sqlTimestamp();
  const info = db
    .prepare(
      `INSERT INTO samples (hash, canonical, original, originalType, label, source, split, copies, conflict, relabelled, createdAt, updatedAt)
       VALUES (?, ?, ?, 'image/png', ?, 'equation', ?, 1, 0, 0, ?, ?)`,
    )
    .run(hash, Buffer.from(canonical), original, label, split, now, now);
  return { id: Number(info.lastInsertRowid), label, split, duplicate: false };
}
