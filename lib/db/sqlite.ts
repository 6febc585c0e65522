import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Opens a SQLite file with the settings every connection of Inkset uses. */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL lets the web app read while the worker or an import writes; the busy timeout makes a
  // writer wait for the other instead of failing with SQLITE_BUSY.
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  return db;
}
