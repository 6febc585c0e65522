/**
 * npm run bench:augment -- [folder-or-archive] [--seed N]
 * Imports the real Kaggle data (../shared/data/kaggle-math-symbols.tar.gz, unpacked to a
 * temporary folder) into a fresh temporary database, rebalances every class to the largest
 * one, and prints generated images/s including the database writes, with before/after counts.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/open-database";
import { importDataset } from "../lib/dataset/import-dataset";
import { buildRebalancePlan, removeAugmentRun, runAugmentPlan } from "../lib/augment-store";

const SHARED_KAGGLE = path.resolve("..", "shared", "data", "kaggle-math-symbols.tar.gz");

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { seed: { type: "string", default: "1" } } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-bench-augment-"));
  try {
    let target = positionals[0];
    if (!target) {
      if (!fs.existsSync(SHARED_KAGGLE)) throw new Error(`usage: npm run bench:augment -- <folder|archive>   (default ${SHARED_KAGGLE} not found)`);
      console.log(`unpacking ${SHARED_KAGGLE} …`);
      target = path.join(tmp, "kaggle");
      fs.mkdirSync(target);
      execFileSync("tar", ["-xzf", SHARED_KAGGLE, "-C", target]);
    }
    const db = openDatabase(path.join(tmp, "bench.db"));
    console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), node ${process.version}`);
    let t0 = performance.now();
    const imported = await importDataset({ db, path: target });
    console.log(`imported ${imported.imported} distinct images from ${imported.files} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    t0 = performance.now();
    const classes = db.prepare(`SELECT DISTINCT label FROM samples`).pluck().all() as string[];
    const plan = buildRebalancePlan(db, { classes, target: { kind: "largest" }, seed: Number(values.seed) });
    const planSeconds = (performance.now() - t0) / 1000;
    console.log(`plan: ${classes.length} classes to the largest (${plan.rebalance.classes[0]?.target} train samples), ${plan.rebalance.total.toGenerate} to generate, planned in ${planSeconds.toFixed(2)} s`);
    for (const w of plan.rebalance.warnings) console.log(`  warning: ${w}`);

    const load = os.loadavg()[0]!;
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = await runAugmentPlan(db, plan);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;

    const after = new Map((db.prepare(`SELECT label, COUNT(*) AS n FROM samples WHERE split = 'train' GROUP BY label`).all() as { label: string; n: number }[]).map((r) => [r.label, r.n]));
    console.log(`\n${"class".padEnd(6)} ${"before".padStart(7)} ${"added".padStart(7)} ${"after".padStart(7)}   (train split)`);
    for (const c of [...plan.rebalance.classes].sort((a, b) => a.current - b.current)) {
      console.log(`${c.label.padEnd(6)} ${String(c.current).padStart(7)} ${String(summary.perClass[c.label] ?? 0).padStart(7)} ${String(after.get(c.label) ?? 0).padStart(7)}`);
    }
    const dbBytes = fs.statSync(path.join(tmp, "bench.db")).size + (fs.existsSync(path.join(tmp, "bench.db-wal")) ? fs.statSync(path.join(tmp, "bench.db-wal")).size : 0);
    console.log(`\ngenerated ${summary.generated} images (${summary.duplicates} duplicates skipped) in ${seconds.toFixed(2)} s`);
    console.log(`throughput: ${Math.round(summary.generated / seconds).toLocaleString("en")} images/s including database writes (goal >= 5,000)`);
    // Other processes share these cores; CPU time shows what the run itself cost.
    console.log(`CPU time (all threads): ${cpuSeconds.toFixed(2)} s, ${Math.round(summary.generated / cpuSeconds).toLocaleString("en")} images per CPU-second; load average at start ${load.toFixed(2)} on ${os.cpus().length} cores`);
    console.log(`database: ${(dbBytes / 1024 ** 2).toFixed(0)} MB`);

    t0 = performance.now();
    const removed = removeAugmentRun(db, summary.runId);
    console.log(`removing the batch (${removed.removed} samples, one transaction): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    db.close();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
