import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";
import { openSqlite } from "./db/sqlite";

const globalForDb = globalThis as unknown as {
  inksetPrisma?: PrismaClient;
  inksetSqlite?: Database.Database;
};

/**
 * The one Prisma client, cached on globalThis so Next's dev reloads do not open a new
 * connection each time.
 */
export function getPrisma(): PrismaClient {
  if (!globalForDb.inksetPrisma) {
    const adapter = new PrismaBetterSQLite3({ url: getEnv().databaseUrl });
    globalForDb.inksetPrisma = new PrismaClient({ adapter });
  }
  return globalForDb.inksetPrisma;
}

/**
 * A raw better-sqlite3 connection to the same file, for the hot paths that Prisma's per-query
 * overhead makes too slow (bulk import of 170k files, guarded queue claims, bulk relabels).
 */
export function getSqlite(): Database.Database {
  if (!globalForDb.inksetSqlite) {
    globalForDb.inksetSqlite = openSqlite(getEnv().databaseFile);
  }
  return globalForDb.inksetSqlite;
}

/** Closes both connections (tests and CLI scripts call this before exiting). */
export async function closeDb(): Promise<void> {
  await globalForDb.inksetPrisma?.$disconnect();
  globalForDb.inksetSqlite?.close();
  globalForDb.inksetPrisma = undefined;
  globalForDb.inksetSqlite = undefined;
}
