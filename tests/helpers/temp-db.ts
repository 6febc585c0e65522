import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { openDatabase } from "../../lib/db/open-database";

/** A fresh migrated database in its own temporary folder, removed by `cleanup`. */
export function createTempDb(): { db: Database.Database; dir: string; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  return {
    db,
    dir,
    file,
    cleanup: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Real shipped sample images of a Kaggle class folder, sorted. */
export function sampleImages(kaggleClass: string): string[] {
  const dir = path.join("data", "sample", "kaggle", kaggleClass);
  return fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
}

export function tableSnapshot(db: Database.Database) {
  return {
    samples: db.prepare(`SELECT hash, label, source, split, copies, conflict, originPath, length(canonical) AS n FROM samples ORDER BY hash`).all(),
    origins: db.prepare(`SELECT s.hash, o.path, o.label FROM sample_origins o JOIN samples s ON s.id = o.sampleId ORDER BY s.hash, o.path`).all(),
    classes: db.prepare(`SELECT name, slug FROM classes ORDER BY name`).all(),
  };
}
