import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma's Rust engines are downloaded from Prisma's own server, unreachable on offline
// machines; the JavaScript schema engine with the better-sqlite3 adapter needs no download.
const url = process.env.DATABASE_URL ?? `file:${path.join(__dirname, "data", "inkset.db")}`;
process.env.DATABASE_URL ??= url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
