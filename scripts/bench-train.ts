/**
 * Training throughput of the default CNN on real Kaggle symbols, ours vs PyTorch.
 *   npx tsx scripts/bench-train.ts [--engine wasm|cpu|tfjs-node] [--per-class 150] [--batches 40] [--no-torch]
 * PyTorch (Debian python3-torch) runs the same network on the same images with 1 and 2 threads.
 * Extracts ../shared/data/kaggle-math-symbols.tar.gz to a temp dir once, takes the first
 * distinct images (md5) of every class, canonicalises them, and times batch-64 training steps.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { CANONICAL_PIXELS } from "../lib/images/canonical-form";
import { canonicalize } from "../lib/images/canonicalize";
import { initEngine, type EngineName } from "../lib/ml/backend";
import { createModel } from "../lib/ml/create-model";
import { parseModelConfig } from "../lib/ml/model-config";
import { train } from "../lib/ml/train";

const ARCHIVE = path.resolve(process.cwd(), "../shared/data/kaggle-math-symbols.tar.gz");
const WORK_DIR = path.join(os.tmpdir(), "inkset-bench-kaggle");
const PYTHON = "/usr/bin/python3";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function loadImages(perClass: number): Promise<{ x: Uint8Array; labels: Int32Array; classes: string[] }> {
  const root = path.join(WORK_DIR, "extracted_images");
  if (!existsSync(root)) {
    if (!existsSync(ARCHIVE)) throw new Error(`archive not found: ${ARCHIVE}`);
    mkdirSync(WORK_DIR, { recursive: true });
    console.log(`extracting ${ARCHIVE} to ${WORK_DIR} ...`);
    execFileSync("tar", ["-xzf", ARCHIVE, "-C", WORK_DIR]);
  }
  const classes = readdirSync(root).sort();
  const images: Uint8Array[] = [];
  const labels: number[] = [];
  const seen = new Set<string>();
  for (const [label, cls] of classes.entries()) {
    let taken = 0;
    for (const file of readdirSync(path.join(root, cls)).sort()) {
      if (taken >= perClass) break;
      const bytes = readFileSync(path.join(root, cls, file));
      const md5 = createHash("md5").update(bytes).digest("hex");
      if (seen.has(md5)) continue;
      seen.add(md5);
      const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
      const canonical = canonicalize({ width: info.width, height: info.height, pixels: new Uint8Array(data) });
      if (!canonical) continue;
      images.push(canonical);
      labels.push(label);
      taken++;
    }
  }
  const x = new Uint8Array(images.length * CANONICAL_PIXELS);
  images.forEach((img, i) => x.set(img, i * CANONICAL_PIXELS));
  return { x, labels: Int32Array.from(labels), classes };
}

function torchAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ["-c", "import torch"], { stdio: "ignore" }).status === 0;
}

async function main(): Promise<void> {
  const perClass = Number(arg("per-class", "150"));
  const batches = Number(arg("batches", "40"));
  const engineArg = arg("engine", "");
  const t0 = Date.now();
  const { x, labels, classes } = await loadImages(perClass);
  console.log(`${labels.length} distinct canonical images over ${classes.length} classes (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const engine = await initEngine(engineArg ? { prefer: engineArg as EngineName } : {});
  console.log(`engine: ${engine.name} (${engine.details})`);
  const config = parseModelConfig({ epochs: 1, batchSize: 64 });
  const n = Math.min(labels.length, batches * config.batchSize);
  const data = { train: { x: x.subarray(0, labels.length * CANONICAL_PIXELS), labels } };
  // Sample n images spread over the classes (the set is ordered by class).
  const pick = Array.from({ length: n }, (_, i) => Math.floor((i * labels.length) / n));
  const sub = {
    x: new Uint8Array(n * CANONICAL_PIXELS),
    labels: Int32Array.from(pick.map((i) => labels[i]!)),
  };
  pick.forEach((src, i) => sub.x.set(data.train.x.subarray(src * CANONICAL_PIXELS, (src + 1) * CANONICAL_PIXELS), i * CANONICAL_PIXELS));

  const withTorch = !process.argv.includes("--no-torch") && torchAvailable();
  const dir = path.join(WORK_DIR, "npy");
  if (withTorch) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "x.u8"), sub.x);
    writeFileSync(path.join(dir, "y.i32"), Buffer.from(sub.labels.buffer, sub.labels.byteOffset, sub.labels.byteLength));
  } else if (!process.argv.includes("--no-torch")) {
    console.log(`PyTorch: not available (${PYTHON} has no torch: apt-get install -y python3-torch)`);
  }
  const torchRate = (threads: number): number => {
    const script = path.join(process.cwd(), "scripts", "bench_train_torch.py");
    const out = spawnSync(PYTHON, [script, dir, String(classes.length), String(threads)], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(`torch bench failed: ${out.stderr}`);
    return Number(/samples_per_sec=([\d.]+)/.exec(out.stdout)?.[1]);
  };

  const model = createModel(config, classes.length);
  // Warm-up: XNNPACK operator creation, optimizer slots, JIT.
  const warm = { x: sub.x.subarray(0, 3 * 64 * CANONICAL_PIXELS), labels: sub.labels.subarray(0, 3 * 64) };
  await train(model, { train: warm }, config);

  // The machine is shared: interleave the contenders and keep each one's best round, the
  // least disturbed one.
  const best = { ours1: 0, ours2: 0, torch1: 0, torch2: 0 };
  const rounds = Number(arg("rounds", "2"));
  for (let round = 0; round < rounds; round++) {
    const r1 = await train(model, { train: sub }, config);
    best.ours1 = Math.max(best.ours1, r1.history[0]!.samplesPerSec);
    const r2 = await train(model, { train: sub }, config, { threads: 2 });
    if (r2.threads === 2) best.ours2 = Math.max(best.ours2, r2.history[0]!.samplesPerSec);
    else if (round === 0) console.log(r2.threadsNote);
    if (withTorch) {
      best.torch1 = Math.max(best.torch1, torchRate(1));
      best.torch2 = Math.max(best.torch2, torchRate(2));
    }
  }
  const fmt = (v: number) => v.toFixed(0).padStart(5);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores; batch 64, ${n} samples per epoch, best of ${rounds}`);
  console.log(`ours  [${engine.name}, 1 thread ] ${fmt(best.ours1)} training samples/s`);
  if (best.ours2 > 0) console.log(`ours  [${engine.name}, 2 threads] ${fmt(best.ours2)} training samples/s (data parallel)`);
  if (!withTorch) return;
  console.log(`torch [1 thread ] ${fmt(best.torch1)} training samples/s`);
  console.log(`torch [2 threads] ${fmt(best.torch2)} training samples/s`);
  const ours = Math.max(best.ours1, best.ours2);
  console.log(`ratio ours/torch: best ${(ours / best.torch2).toFixed(2)} of 2-thread PyTorch; 1 thread vs 1 thread ${(best.ours1 / best.torch1).toFixed(2)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
