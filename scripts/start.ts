/**
 * `npm start`: brings the database up to date, loads the shipped samples into an empty
 * database, builds the app when its sources changed, then runs the web app and the worker
 * together. Ctrl-C stops both. `--dev` runs `next dev` instead of the production server.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { markStaleImportsInterrupted } from "../lib/dataset/import-batch";
import { seedSamplesIfEmpty } from "../lib/dataset/seed-samples";
import { installShippedModelIfNone } from "../lib/training/install-shipped-model";

const dev = process.argv.includes("--dev");
const env = getEnv();
const nextBin = require.resolve("next/dist/bin/next");
const tsxCli = require.resolve("tsx/cli");

async function prepareDatabase(): Promise<void> {
  const db = openDatabase(env.databaseFile);
  markStaleImportsInterrupted(db);
  if (env.seedOnStart) {
    for (const s of await seedSamplesIfEmpty(db)) {
      console.log(`[start] loaded ${s.imported} sample images from ${s.source} (${s.rejected.length} rejected)`);
    }
    const shipped = installShippedModelIfNone(db, { modelsDir: env.modelsDir });
    if (shipped !== null) console.log(`[start] installed the shipped pretrained model as model ${shipped} (current)`);
  }
  db.close();
}

/** The newest modification time under the given paths (files that change what `next build` makes). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (path.basename(p) === "generated" || path.basename(p) === "node_modules") return;
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function buildIfStale(): void {
  const buildId = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built > newestMtime(["app", "lib", "next.config.js", "package.json", "tsconfig.json"])) return;
  console.log("[start] building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("[start] next build failed; see the errors above");
    process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  await prepareDatabase();
  if (!dev) buildIfStale();
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    setTimeout(() => process.exit(code), 8000).unref();
    Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() => process.exit(code));
  };
  const web = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(env.port)], { stdio: "inherit" });
  const worker = spawn(process.execPath, [tsxCli, "workers/worker.ts"], { stdio: "inherit" });
  children.push(web, worker);
  for (const child of children) {
    child.on("exit", (code) => {
      if (!stopping) {
        console.error(`[start] ${child === web ? "web app" : "worker"} exited (${code ?? "signal"}); stopping`);
        stopAll(code ?? 1);
      }
    });
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));
  console.log(`[start] Inkset on http://localhost:${env.port} (worker pid ${worker.pid})`);
}

main().catch((err) => {
  console.error("[start] failed:", err);
  process.exit(1);
});
