import type Database from "better-sqlite3";

/** The sources present, for filter pickers (a skip-scan of the source index, not a table scan). */
export function listSources(options: { db: Database.Database }): string[] {
  return options.db.prepare(`SELECT DISTINCT source FROM samples ORDER BY source`).pluck().all() as string[];
}
