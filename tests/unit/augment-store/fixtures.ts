import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { importDataset } from "../../../lib/dataset/import-dataset";
import { sampleImages } from "../../helpers/temp-db";

/** Imports the shipped Kaggle sample images (40 per class) of the given class folders. */
export async function importShipped(db: Database.Database, dir: string, classFolders: readonly string[]): Promise<void> {
  const root = path.join(dir, "kaggle");
  for (const cls of classFolders) {
    fs.mkdirSync(path.join(root, cls), { recursive: true });
    for (const file of sampleImages(cls)) fs.copyFileSync(file, path.join(root, cls, path.basename(file)));
  }
  await importDataset({ db, path: root });
}

export function trainCount(db: Database.Database, label: string): number {
  return db.prepare(`SELECT COUNT(*) FROM samples WHERE label = ? AND split = 'train'`).pluck().get(label) as number;
}

export function runSamples(db: Database.Database, runId: number) {
  return db
    .prepare(`SELECT id, hash, canonical, label, source, split, parentId, recipe, augmentRunId FROM samples WHERE augmentRunId = ? ORDER BY id`)
    .all(runId) as {
    id: number;
    hash: string;
    canonical: Buffer;
    label: string;
    source: string;
    split: string;
    parentId: number;
    recipe: string;
    augmentRunId: number;
  }[];
}
