import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { importDataset } from "./import-dataset";
import type { ImportSummary, SampleSource } from "./import-types";

/** The shipped sample sets, and the source each is recorded under. */
export const SAMPLE_SETS: { dir: string; source: SampleSource }[] = [
  { dir: path.join("data", "sample", "kaggle"), source: "kaggle" },
  { dir: path.join("data", "sample", "crohme"), source: "inkml" },
];

/** Imports the shipped samples when the database holds no sample yet; returns what it imported. */
export async function seedSamplesIfEmpty(db: Database.Database): Promise<ImportSummary[]> {
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM samples`).get() as { n: number };
  if (n > 0) return [];
  const summaries: ImportSummary[] = [];
  for (const set of SAMPLE_SETS) {
    if (!fs.existsSync(set.dir)) continue;
    summaries.push(await importDataset({ db, path: set.dir, source: set.source, sourceLabel: `shipped sample: ${set.dir}` }));
  }
  return summaries;
}
