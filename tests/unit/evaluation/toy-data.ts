import type Database from "better-sqlite3";
import { CANONICAL_PIXELS, CANONICAL_SIZE } from "../../../lib/images/canonical-form";
import { sqlTimestamp } from "../../../lib/db/timestamp";

/** Seeded PRNG: the toy set and its label noise are the same on every run. */
import { createRng as mulberry32 } from "../../../lib/util/prng";
export { mulberry32 };

export const TOY_CLASSES = ["h", "v", "o"] as const;

/** A clearly separable 45x45 image: a horizontal bar, a vertical bar or a ring, jittered, with speckle. */
export function drawToy(kind: (typeof TOY_CLASSES)[number], random: () => number): Uint8Array {
  const img = new Uint8Array(CANONICAL_PIXELS);
  const cx = 22 + Math.round((random() - 0.5) * 10);
  const cy = 22 + Math.round((random() - 0.5) * 10);
  const len = 12 + Math.floor(random() * 6);
  const half = 2;
  for (let y = 0; y < CANONICAL_SIZE; y++) {
    for (let x = 0; x < CANONICAL_SIZE; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const on =
        kind === "h" ? Math.abs(dy) <= half && Math.abs(dx) <= len
        : kind === "v" ? Math.abs(dx) <= half && Math.abs(dy) <= len
        : Math.abs(Math.hypot(dx, dy) - len * 0.8) <= half;
      if (on) img[y * CANONICAL_SIZE + x] = 255;
      else if (random() < 0.02) img[y * CANONICAL_SIZE + x] = 128;
    }
  }
  return img;
}

export interface ToySet {
  ids: number[];
  truth: string[];
  /** Sample ids of train samples stored under a wrong label. */
  flipped: Set<number>;
}

/**
 * Stores `perClass` samples per toy class (70% train, 15% val, 15% test by index) and flips
 * `flipRate` of the train samples to another class, as a careless annotator would.
 */
export function seedToySet(db: Database.Database, options: { perClass: number; flipRate: number; seed: number }): ToySet {
  const random = mulberry32(options.seed);
  const now = sqlTimestamp();
  const insertClass = db.prepare(`INSERT OR IGNORE INTO classes (name, slug, symbol, createdAt) VALUES (?, ?, ?, ?)`);
  for (const c of TOY_CLASSES) insertClass.run(c, c, c, now);
  const insert = db.prepare(
    `INSERT INTO samples (hash, canonical, label, source, split, copies, conflict, relabelled, createdAt, updatedAt)
     VALUES (?, ?, ?, 'kaggle', ?, 1, 0, 0, ?, ?) RETURNING id`,
  );
  const ids: number[] = [];
  const truth: string[] = [];
  const trainIds: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < options.perClass; i++) {
      const split = i % 20 < 14 ? "train" : i % 20 < 17 ? "val" : "test";
      for (const c of TOY_CLASSES) {
        const { id } = insert.get(`toy-${c}-${i}`, Buffer.from(drawToy(c, random)), c, split, now, now) as { id: number };
        ids.push(id);
        truth.push(c);
        if (split === "train") trainIds.push(id);
      }
    }
  })();
  const flipped = new Set<number>();
  const flips = Math.round(trainIds.length * options.flipRate);
  const relabel = db.prepare(`UPDATE samples SET label = ? WHERE id = ?`);
  while (flipped.size < flips) {
    const id = trainIds[Math.floor(random() * trainIds.length)]!;
    if (flipped.has(id)) continue;
    flipped.add(id);
    const c = truth[ids.indexOf(id)]!;
    const others = TOY_CLASSES.filter((o) => o !== c);
    relabel.run(others[Math.floor(random() * others.length)]!, id);
  }
  return { ids, truth, flipped };
}
