/**
 * Measures augmentation throughput, single-threaded, on canonical images: the default
 * pipeline (sampling + applying a recipe) and each operation alone.
 * Usage: npx tsx scripts/bench-augment-ops.ts [--images N] [--seconds S] [--synthetic]
 *
 * Uses the first N Kaggle images from the shared archive, streamed without extraction, and
 * falls back to synthetic strokes when the archive is missing or --synthetic is given.
 */
import { existsSync, createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import sharp from "sharp";
import tar from "tar-stream";
import { applyRecipe } from "../lib/augment/apply-recipe";
import { DEFAULT_PIPELINE } from "../lib/augment/default-pipeline";
import { createRng, deriveSeed } from "../lib/augment/prng";
import type { Recipe } from "../lib/augment/recipe-types";
import { OPERATIONS } from "../lib/augment/registry";
import { sampleRecipe } from "../lib/augment/sample-recipe";
import { CANONICAL_PIXELS, CANONICAL_SIZE, type CanonicalImage } from "../lib/images/canonical-form";
import { canonicalize } from "../lib/images/canonicalize";

const KAGGLE_ARCHIVE = "/work/shared/data/kaggle-math-symbols.tar.gz";

/** Parameters typical of the default pipeline, for timing each operation on its own. */
const TYPICAL_PARAMS: Record<string, Record<string, number>> = {
  rotate: { degrees: 7 },
  shift: { dx: 2, dy: -1 },
  zoom: { factor: 0.9 },
  elastic: { alpha: 1, sigma: 10 },
  thickness: { delta: 0.6 },
  erode: { size: 3 },
  dilate: { size: 3 },
  "salt-pepper": { amount: 0.01, saltRatio: 0.5 },
  "gaussian-noise": { sigma: 6 },
  invert: {},
};

async function main(): Promise<void> {
  const imageCount = readFlag("--images", 400);
  const seconds = readFlag("--seconds", 1.5);
  const useKaggle = existsSync(KAGGLE_ARCHIVE) && !process.argv.includes("--synthetic");
  const images = useKaggle ? await loadKaggle(imageCount) : [];
  const source = images.length > 0 ? `${images.length} Kaggle images` : `${imageCount} synthetic images`;
  if (images.length === 0) images.push(...makeSynthetic(imageCount));
  console.log(`augmentation benchmark on ${source}, single thread, ${seconds} CPU-s per measurement; rates are per CPU second`);

  const sampled = measure(seconds, (i) => applyRecipe(images[i % images.length]!, sampleRecipe(DEFAULT_PIPELINE, i)));
  console.log(`default pipeline, sample + apply: ${format(sampled)} images/s`);

  const recipes: Recipe[] = Array.from({ length: 4096 }, (_, i) => sampleRecipe(DEFAULT_PIPELINE, deriveSeed(7, i)));
  const applied = measure(seconds, (i) => applyRecipe(images[i % images.length]!, recipes[i & 4095]!));
  console.log(`default pipeline, apply only:    ${format(applied)} images/s`);

  const rng = createRng(1);
  const out = new Uint8Array(CANONICAL_PIXELS);
  for (const op of OPERATIONS) {
    const params = TYPICAL_PARAMS[op.name] ?? op.schema.parse({});
    const rate = measure(seconds / 4, (i) => op.apply(images[i % images.length]!, params, rng, out));
    console.log(`  ${op.name.padEnd(15)} ${format(rate)} images/s`);
  }
}

/**
 * Calls `run` with a counter until `seconds` of CPU time have passed (after a warm-up) and
 * returns calls per CPU second. CPU rather than wall time, because the machine is shared and
 * wall-clock rates swung threefold with other processes' load.
 */
function measure(seconds: number, run: (i: number) => unknown): number {
  for (let i = 0; i < 2000; i++) run(i);
  const start = cpuSeconds();
  let calls = 0;
  let elapsed = 0;
  // Reading the clock every 256 calls keeps its cost out of the measurement.
  while (elapsed < seconds) {
    for (let k = 0; k < 256; k++) run(calls++);
    elapsed = cpuSeconds() - start;
  }
  return calls / elapsed;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function loadKaggle(count: number): Promise<CanonicalImage[]> {
  const images: CanonicalImage[] = [];
  const extract = tar.extract();
  const input = createReadStream(KAGGLE_ARCHIVE);
  input.pipe(createGunzip()).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    if (!entry.header.name.endsWith(".jpg")) continue;
    const { data, info } = await sharp(Buffer.concat(chunks)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const canonical = canonicalize({ width: info.width, height: info.height, pixels: new Uint8Array(data) });
    if (canonical) images.push(canonical);
    if (images.length >= count) break;
  }
  input.destroy();
  return images;
}

/** Random polylines three pixels wide, enough to exercise every operation. */
function makeSynthetic(count: number): CanonicalImage[] {
  const rng = createRng(2024);
  return Array.from({ length: count }, () => {
    const pixels = new Uint8Array(CANONICAL_PIXELS);
    let x = 5 + rng() * 35;
    let y = 5 + rng() * 35;
    for (let step = 0; step < 60; step++) {
      x = Math.min(43, Math.max(1, x + (rng() - 0.5) * 4));
      y = Math.min(43, Math.max(1, y + (rng() - 0.5) * 4));
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) pixels[Math.round(y + dy) * CANONICAL_SIZE + Math.round(x + dx)] = 255;
      }
    }
    return pixels;
  });
}

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString("en-US");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
