import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL must be a SQLite file: URL").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  INKSET_DATA_DIR: z.string().optional(),
  INKSET_MODELS_DIR: z.string().optional(),
  INKSET_SEED: z.enum(["0", "1"]).default("1"),
});

export interface Env {
  databaseFile: string;
  databaseUrl: string;
  port: number;
  dataDir: string;
  modelsDir: string;
  seedOnStart: boolean;
}

let cached: Env | null = null;

/** The environment, read and validated once; every module asks here instead of process.env. */
export function getEnv(): Env {
  if (cached) return cached;
  loadDotEnv();
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  // turbopackIgnore: these are run-time locations, not files the build should trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.INKSET_DATA_DIR ?? "data");
  const databaseFile = e.DATABASE_URL
    ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.DATABASE_URL.slice("file:".length))
    : path.join(dataDir, "inkset.db");
  cached = {
    databaseFile,
    databaseUrl: `file:${databaseFile}`,
    port: e.PORT,
    dataDir,
    modelsDir: path.resolve(/*turbopackIgnore: true*/ dataDir, e.INKSET_MODELS_DIR ?? "models"),
    seedOnStart: e.INKSET_SEED === "1",
  };
  return cached;
}

/** For tests that point the app at a fresh temporary database. */
export function resetEnvCache(): void {
  cached = null;
}

/** Reads `.env` into process.env (without overriding what is set) so the CLI and worker see what Next sees. */
function loadDotEnv(): void {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".env");
  try {
    if (fs.existsSync(file)) process.loadEnvFile(file);
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
}
