/**
 * npm run bench:import -- [folder-or-archive] [--inkml <folder-or-archive of .inkml>]
 * Imports a dataset into a fresh temporary database and prints throughput and peak memory.
 * Default: the full Kaggle archive from ../shared/data, unpacked to a temporary folder first,
 * then the CROHME training ink (../shared/data/crohme-train-inkml.tar.gz) when present.
 * `--inkml <path>` alone benchmarks only that InkML dataset (goal: 8,836 files in < 60 s).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/open-database";
import { importDataset } from "../lib/dataset/import-dataset";

const SHARED_KAGGLE = path.resolve("..", "shared", "data", "kaggle-math-symbols.tar.gz");
const SHARED_INKML = path.resolve("..", "shared", "data", "crohme-train-inkml.tar.gz");
const INKML_GOAL_SECONDS = 60;

async function benchOne(label: string, target: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-bench-"));
  const db = openDatabase(path.join(dir, "bench.db"));
  let peakRss = process.memoryUsage().rss;
  const samples: { files: number; rss: number }[] = [];
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const started = process.hrtime.bigint();
  const summary = await importDataset({
    db,
    path: target,
    onProgress: (p) => {
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      if (samples.length === 0 || p.processed - samples[samples.length - 1]!.files >= 20_000) samples.push({ files: p.processed, rss });
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`\n== ${label}: ${target}`);
  console.log(`files: ${summary.files}  distinct stored: ${summary.imported}  duplicates: ${summary.duplicates}  conflicts: ${summary.conflicts}  rejected: ${summary.rejected.length}`);
  console.log(`time: ${seconds.toFixed(1)} s  throughput: ${(summary.files / seconds).toFixed(0)} files/s  (${(summary.imported / seconds).toFixed(0)} distinct images/s)`);
  if (summary.ink) {
    const files = summary.ink.expressions + summary.rejected.filter((r) => !r.path.includes("#")).length;
    console.log(`InkML: ${files} files, ${summary.ink.expressions} expressions, ${summary.files - summary.rejected.length} symbols, ${summary.ink.writers} writers; ${(files / seconds).toFixed(0)} files/s`);
    console.log(`goal: all files in < ${INKML_GOAL_SECONDS} s: ${seconds < INKML_GOAL_SECONDS ? "met" : "NOT met"} (${seconds.toFixed(1)} s)`);
  }
  console.log(`peak RSS: ${(peakRss / 1024 ** 2).toFixed(0)} MB`);
  console.log(`RSS as the import grows (flat = memory independent of folder size):`);
  for (const s of samples) console.log(`  after ${String(s.files).padStart(7)} files: ${(s.rss / 1024 ** 2).toFixed(0)} MB`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { inkml: { type: "string" } } });
  let target = positionals[0];
  let cleanup: string | null = null;
  const inkml = values.inkml ?? (fs.existsSync(SHARED_INKML) ? SHARED_INKML : undefined);
  if (!target && values.inkml) {
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}`);
    await benchOne("InkML", values.inkml);
    return;
  }
  if (!target) {
    if (!fs.existsSync(SHARED_KAGGLE)) {
      console.error(`usage: npm run bench:import -- <folder|archive>   (default ${SHARED_KAGGLE} not found)`);
      process.exit(2);
    }
    cleanup = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-kaggle-"));
    console.log(`unpacking ${SHARED_KAGGLE} …`);
    execFileSync("tar", ["-xzf", SHARED_KAGGLE, "-C", cleanup]);
    target = cleanup;
  }
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}`);
  await benchOne("Kaggle-style images", target);
  if (inkml) await benchOne("InkML", inkml);
  if (cleanup) fs.rmSync(cleanup, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
