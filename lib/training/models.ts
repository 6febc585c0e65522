import type Database from "better-sqlite3";

export interface ModelRow {
  id: number;
  runId: number;
  name: string;
  dir: string;
  classes: string;
  config: string;
  engine: string;
  splitMode: string;
  valAccuracy: number | null;
  testAccuracy: number | null;
  macroF1: number | null;
  sizeBytes: number;
  isCurrent: number;
  createdAt: string;
}

export function listModels(db: Database.Database): ModelRow[] {
  return db.prepare(`SELECT * FROM models ORDER BY id DESC`).all() as ModelRow[];
}

export function getModel(db: Database.Database, id: number): ModelRow | null {
  return (db.prepare(`SELECT * FROM models WHERE id = ?`).get(id) as ModelRow | undefined) ?? null;
}

/** The model the solver and the evaluation use, or null before any model is trained. */
export function getCurrentModel(db: Database.Database): ModelRow | null {
  return (db.prepare(`SELECT * FROM models WHERE isCurrent = 1 ORDER BY id DESC LIMIT 1`).get() as ModelRow | undefined) ?? null;
}

/** Makes one model current, in one statement so there is never zero or two current models. */
export function promoteModel(db: Database.Database, id: number): boolean {
  return db.transaction(() => {
    if (!getModel(db, id)) return false;
    db.prepare(`UPDATE models SET isCurrent = CASE WHEN id = ? THEN 1 ELSE 0 END`).run(id);
    return true;
  })();
}
