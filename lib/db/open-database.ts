import type Database from "better-sqlite3";
import { applyMigrations } from "./migrate";
import { openSqlite } from "./sqlite";

/** Opens (creating if needed) a database file and brings its schema up to date. */
export function openDatabase(file: string): Database.Database {
  const db = openSqlite(file);
  applyMigrations(db);
  return db;
}
