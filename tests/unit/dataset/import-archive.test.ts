import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { importDataset } from "../../../lib/dataset/import-dataset";
import { ImportInputError } from "../../../lib/dataset/import-types";
import { createTempDb, sampleImages, tableSnapshot } from "../../helpers/temp-db";
import { writeTarGz, writeZip } from "../../helpers/make-archives";

let t: ReturnType<typeof createTempDb>;
beforeEach(() => (t = createTempDb()));
afterEach(() => t.cleanup());

function entries() {
  const eights = sampleImages("8").slice(0, 3);
  const pis = sampleImages("pi").slice(0, 2);
  return [
    ...eights.map((f, i) => ({ name: `extracted_images/8/8_${i}.jpg`, data: fs.readFileSync(f) })),
    ...pis.map((f, i) => ({ name: `extracted_images/pi/pi_${i}.jpg`, data: fs.readFileSync(f) })),
    { name: "extracted_images/8/copy.jpg", data: fs.readFileSync(eights[0]!) },
    { name: "extracted_images/pi/truncated.jpg", data: fs.readFileSync(pis[0]!).subarray(0, 60) },
    { name: "README.txt", data: Buffer.from("hello") },
    { name: "__MACOSX/8/._8_0.jpg", data: Buffer.from("resource fork") },
  ];
}

test("a zip of class folders imports like the folder, with the same origin paths", async () => {
  const zip = path.join(t.dir, "ds.zip");
  writeZip(zip, entries());
  const s = await importDataset({ db: t.db, path: zip });
  assert.equal(s.kind, "archive");
  assert.equal(s.imported, 5);
  assert.equal(s.duplicates, 1);
  assert.deepEqual(s.classes, { "8": 3, "π": 2 });
  assert.deepEqual(s.rejected.map((r) => r.path).sort(), ["README.txt", "pi/truncated.jpg"]);
  const origins = t.db.prepare(`SELECT path FROM sample_origins ORDER BY path`).all() as { path: string }[];
  assert.ok(origins.every((o) => /^(8|pi)\//.test(o.path)));
});

test("a .tar.gz gives the same rows as the .zip", async () => {
  const zip = path.join(t.dir, "ds.zip");
  const tgz = path.join(t.dir, "ds.tar.gz");
  writeZip(zip, entries());
  await writeTarGz(tgz, entries());
  await importDataset({ db: t.db, path: zip });
  const other = createTempDb();
  try {
    const s = await importDataset({ db: other.db, path: tgz });
    assert.equal(s.imported, 5);
    assert.deepEqual(tableSnapshot(other.db), tableSnapshot(t.db));
  } finally {
    other.cleanup();
  }
});

test("a file that is no archive, and an archive with no class folders, are refused", async () => {
  const junk = path.join(t.dir, "junk.zip");
  fs.writeFileSync(junk, "definitely not a zip");
  await assert.rejects(importDataset({ db: t.db, path: junk }), (e: Error) => e instanceof ImportInputError && /not a dataset/.test(e.message));
  const empty = path.join(t.dir, "flat.zip");
  writeZip(empty, [{ name: "a.jpg", data: fs.readFileSync(sampleImages("7")[0]!) }]);
  await assert.rejects(importDataset({ db: t.db, path: empty }), (e: Error) => e instanceof ImportInputError && /no images in class folders/.test(e.message));
  const batch = t.db.prepare(`SELECT status, error FROM import_batches ORDER BY id DESC LIMIT 1`).get() as { status: string; error: string };
  assert.equal(batch.status, "failed");
  assert.match(batch.error, /no images in class folders/);
});
