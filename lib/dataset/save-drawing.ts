import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import { encodeCanonicalPng } from "../images/encode-png";
import { renderStrokes } from "../ink/render-strokes";
import { CurationInputError } from "./curation-errors";
import { DRAW_STROKE_WIDTH, MAX_DRAW_POINTS, normalizeStrokes } from "./drawing-strokes";
import { resolveClassLabel } from "./resolve-class";
import { assignSplit, contentHash } from "./split";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_PNG_BYTES = 2 * 1024 * 1024;

export interface SavedDrawing {
  id: number;
  label: string;
  hash: string;
  split: string;
  /** The same strokes were saved before; nothing new was stored. */
  duplicate: boolean;
}

/**
 * Stores a canvas drawing as a sample: source "canvas", the strokes as JSON, the canonical form
 * rendered from them by the same renderStrokes the browser preview uses, the drawing's PNG as
 * the original (a 4x canonical PNG when none is sent), hash = md5 of the strokes JSON and the
 * split from that hash like every other sample.
 */
export async function saveDrawing(options: {
  db: Database.Database;
  strokes: readonly (readonly (readonly number[])[])[];
  label: string;
  png?: Uint8Array | null;
}): Promise<SavedDrawing> {
  const { db } = options;
  const label = resolveClassLabel({ db, input: options.label });
  if (label === null) throw new CurationInputError(`no class "${options.label}"`, "label");
  const strokes = normalizeStrokes(options.strokes);
  const points = strokes.reduce((n, s) => n + s.length, 0);
  if (points === 0) throw new CurationInputError("draw something first", "strokes");
  if (points > MAX_DRAW_POINTS) throw new CurationInputError(`at most ${MAX_DRAW_POINTS} points`, "strokes");
  if (options.png && (options.png.length > MAX_PNG_BYTES || !Buffer.from(options.png.subarray(0, 8)).equals(PNG_SIGNATURE))) {
    throw new CurationInputError("must be a PNG of at most 2 MB", "png");
  }
  const json = JSON.stringify(strokes);
  const hash = contentHash(Buffer.from(json, "utf8"));
  const existing = db.prepare(`SELECT id, label, split FROM samples WHERE hash = ?`).get(hash) as { id: number; label: string; split: string } | undefined;
  if (existing) return { ...existing, hash, duplicate: true };
  const canonical = renderStrokes(strokes, { strokeWidth: DRAW_STROKE_WIDTH });
  const original = options.png ? Buffer.from(options.png) : await encodeCanonicalPng(canonical, 4);
  const split = assignSplit(hash);
  const now = sqlTimestamp();
  const info = db
    .prepare(
      `INSERT INTO samples (hash, canonical, original, originalType, label, source, split, strokes, copies, conflict, relabelled, createdAt, updatedAt)
       VALUES (?, ?, ?, 'image/png', ?, 'canvas', ?, ?, 1, 0, 0, ?, ?)`,
    )
    .run(hash, Buffer.from(canonical), original, label, split, json, now, now);
  return { id: Number(info.lastInsertRowid), label, hash, split, duplicate: false };
}
