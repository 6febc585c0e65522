import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import sharp from "sharp";
import { importDataset } from "../../../lib/dataset/import-dataset";
import { ImportInputError } from "../../../lib/dataset/import-types";
import { createTempDb } from "../../helpers/temp-db";
import { writeIdx } from "../../helpers/make-archives";

let t: ReturnType<typeof createTempDb>;
beforeEach(() => (t = createTempDb()));
afterEach(() => t.cleanup());

/** A white-on-black 28x28 digit-like mark: a vertical bar with a foot, shifted by `k`. */
function mnistDigit(k: number): Uint8Array {
  const px = new Uint8Array(28 * 28);
  for (let y = 5; y < 23; y++) for (let x = 12 + k; x < 15 + k; x++) px[y * 28 + x] = 255;
  for (let x = 9 + k; x < 18 + k; x++) px[22 * 28 + x] = 255;
  return px;
}

test("MNIST idx files (gzip) import with their labels, white on black, canonical 45x45", async () => {
  const images = path.join(t.dir, "t10k-images-idx3-ubyte.gz");
  const labels = path.join(t.dir, "t10k-labels-idx1-ubyte.gz");
  writeIdx(images, labels, [mnistDigit(0), mnistDigit(1), mnistDigit(2), mnistDigit(0)], [1, 1, 7, 1]);
  const s = await importDataset({ db: t.db, path: images });
  assert.equal(s.kind, "mnist");
  assert.equal(s.files, 4);
  assert.equal(s.imported, 3);
  assert.equal(s.duplicates, 1);
  assert.deepEqual(s.classes, { "1": 2, "7": 1 });
  const row = t.db.prepare(`SELECT source, originPath, originalType, length(original) AS n, canonical FROM samples ORDER BY id LIMIT 1`).get() as {
    source: string; originPath: string; originalType: string; n: number; canonical: Buffer;
  };
  assert.equal(row.source, "mnist");
  assert.equal(row.originPath, "t10k-images-idx3-ubyte.gz#0");
  assert.equal(row.n, 784);
  assert.match(row.originalType, /28x28/);
  assert.equal(row.canonical.length, 45 * 45);
  assert.equal(row.canonical[0], 0, "background is black");
  assert.equal(Math.max(...row.canonical), 255, "ink is white");
});

test("an MNIST digit and the same shape drawn black on white as a 45x45 JPEG come out alike", async () => {
  const images = path.join(t.dir, "x-images-idx3-ubyte");
  const labels = path.join(t.dir, "x-labels-idx1-ubyte");
  const digit = mnistDigit(0);
  writeIdx(images, labels, [digit], [1]);
  await importDataset({ db: t.db, path: images });
  // The same mark, inverted and scaled to 45x45 like a Kaggle file.
  const inverted = Buffer.from(digit.map((v) => 255 - v));
  const jpeg = await sharp(inverted, { raw: { width: 28, height: 28, channels: 1 } }).resize(45, 45).jpeg({ quality: 95 }).toBuffer();
  const folder = path.join(t.dir, "kaggle", "1");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "1_0.jpg"), jpeg);
  await importDataset({ db: t.db, path: path.join(t.dir, "kaggle") });
  const [a, b] = (t.db.prepare(`SELECT canonical FROM samples ORDER BY id`).all() as { canonical: Buffer }[]).map((r) => r.canonical);
  let diff = 0;
  for (let i = 0; i < a!.length; i++) diff += Math.abs(a![i]! - b![i]!);
  const meanDiff = diff / a!.length;
  assert.ok(meanDiff < 12, `mean absolute difference ${meanDiff.toFixed(1)} should be small`);
});

test("an images file without its labels file is refused, naming the file it expected", async () => {
  const images = path.join(t.dir, "train-images-idx3-ubyte");
  writeIdx(images, path.join(t.dir, "other-labels-idx1-ubyte"), [mnistDigit(0)], [3]);
  await assert.rejects(importDataset({ db: t.db, path: images }), (e: Error) => e instanceof ImportInputError && /train-labels-idx1-ubyte/.test(e.message));
});
