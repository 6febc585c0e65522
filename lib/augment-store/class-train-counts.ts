import type Database from "better-sqlite3";
import { compareLabels } from "../dataset/class-counts";

export interface ClassTrainCount {
  name: string;
  slug: string;
  symbol: string;
  /** Train-split samples, augmented included: what rebalancing counts. */
  train: number;
  /** Train-split originals: the possible parents. */
  originals: number;
  augmented: number;
}

/** Every class with samples, with its train-split counts, in the usual label order. */
export function listClassTrainCounts(db: Database.Database): ClassTrainCount[] {
  const rows = db
    .prepare(
      `SELECT c.name, c.slug, c.symbol,
              COUNT(s.id) AS train,
              COALESCE(SUM(s.source <> 'augmented'), 0) AS originals,
              COALESCE(SUM(s.source = 'augmented'), 0) AS augmented
       FROM classes c LEFT JOIN samples s ON s.label = c.name AND s.split = 'train'
       GROUP BY c.name`,
    )
    .all() as ClassTrainCount[];
  const withSamples = new Set(db.prepare(`SELECT DISTINCT label FROM samples`).pluck().all() as string[]);
  return rows.filter((r) => withSamples.has(r.name)).sort((a, b) => compareLabels(a.name, b.name));
}
