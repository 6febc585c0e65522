import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import { importDataset } from "../../../lib/dataset/import-dataset";
import { ImportInputError } from "../../../lib/dataset/import-types";
import { createTempDb, sampleImages, tableSnapshot } from "../../helpers/temp-db";

let t: ReturnType<typeof createTempDb>;
beforeEach(() => (t = createTempDb()));
afterEach(() => t.cleanup());

/**
 * A Kaggle-layout folder: three 7s, two ×s, one extra copy of a 7 in its own folder (duplicate),
 * the same 7 again under `times/` (conflict), a corrupt JPEG and a text file.
 */
function makeKaggleFolder(root: string): void {
  const sevens = sampleImages("7").slice(0, 3);
  const times = sampleImages("times").slice(0, 2);
  fs.mkdirSync(path.join(root, "7"), { recursive: true });
  fs.mkdirSync(path.join(root, "times"), { recursive: true });
  sevens.forEach((f, i) => fs.copyFileSync(f, path.join(root, "7", `7_${i}.jpg`)));
  times.forEach((f, i) => fs.copyFileSync(f, path.join(root, "times", `times_${i}.jpg`)));
  fs.copyFileSync(sevens[0]!, path.join(root, "7", "exp999.jpg"));
  fs.copyFileSync(sevens[1]!, path.join(root, "times", "exp1000.jpg"));
  fs.writeFileSync(path.join(root, "7", "broken.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  fs.writeFileSync(path.join(root, "7", "notes.txt"), "not an image");
}

describe("importing a folder of class folders", () => {
  test("stores each distinct picture once, counts copies, flags conflicts, lists rejects", async () => {
    const root = path.join(t.dir, "extracted_images");
    makeKaggleFolder(root);
    const s = await importDataset({ db: t.db, path: root });
    assert.equal(s.imported, 5);
    assert.equal(s.duplicates, 2);
    assert.equal(s.conflicts, 1);
    assert.equal(s.files, 9);
    assert.deepEqual(s.classes, { "7": 3, "×": 2 });
    assert.deepEqual(
      s.rejected.map((r) => r.path).sort(),
      ["7/broken.jpg", "7/notes.txt"],
    );
    assert.match(s.rejected.find((r) => r.path === "7/broken.jpg")!.reason, /corrupt|cannot decode|not an image/);
    assert.match(s.rejected.find((r) => r.path === "7/notes.txt")!.reason, /unsupported file type/);

    const rows = t.db.prepare(`SELECT label, copies, conflict, source, length(canonical) AS n FROM samples ORDER BY id`).all() as {
      label: string; copies: number; conflict: number; source: string; n: number;
    }[];
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.n === 45 * 45 && r.source === "kaggle"));
    assert.deepEqual(rows.map((r) => r.copies).sort(), [1, 1, 1, 2, 2]);
    assert.equal(rows.filter((r) => r.conflict === 1).length, 1);
    const classes = t.db.prepare(`SELECT name, slug FROM classes ORDER BY slug`).all();
    assert.deepEqual(classes, [{ name: "7", slug: "7" }, { name: "×", slug: "times" }]);
  });

  test("running the same import again adds nothing and counts every file as a duplicate", async () => {
    const root = path.join(t.dir, "ds");
    makeKaggleFolder(root);
    await importDataset({ db: t.db, path: root });
    const before = tableSnapshot(t.db);
    const again = await importDataset({ db: t.db, path: root });
    assert.equal(again.imported, 0);
    assert.equal(again.duplicates, 7);
    assert.equal(again.conflicts, 0);
    assert.deepEqual(tableSnapshot(t.db), before);
  });

  test("an interrupted import, run again, ends with the same database as an uninterrupted one", async () => {
    const root = path.join(t.dir, "ds");
    makeKaggleFolder(root);
    const reference = createTempDb();
    try {
      const full = await importDataset({ db: reference.db, path: root, chunkSize: 2 });
      const controller = new AbortController();
      const first = await importDataset({
        db: t.db,
        path: root,
        chunkSize: 2,
        concurrency: 1,
        signal: controller.signal,
        onProgress: (p) => p.processed >= 4 && controller.abort(),
      });
      assert.ok(first.files < full.files, "the first run stopped early");
      const status = t.db.prepare(`SELECT status FROM import_batches WHERE id = ?`).get(first.batchId) as { status: string };
      assert.equal(status.status, "interrupted");
      const resumed = await importDataset({ db: t.db, path: root, chunkSize: 2 });
      assert.equal(resumed.resumed, true);
      assert.equal(resumed.batchId, first.batchId);
      assert.deepEqual(
        { imported: resumed.imported, duplicates: resumed.duplicates, conflicts: resumed.conflicts, files: resumed.files, classes: resumed.classes },
        { imported: full.imported, duplicates: full.duplicates, conflicts: full.conflicts, files: full.files, classes: full.classes },
      );
      assert.equal(resumed.rejected.length, full.rejected.length);
      assert.deepEqual(tableSnapshot(t.db), tableSnapshot(reference.db));
    } finally {
      reference.cleanup();
    }
  });

  test("splits come from the content, so a re-import into a new database gives the same splits", async () => {
    const root = path.join(t.dir, "ds");
    makeKaggleFolder(root);
    await importDataset({ db: t.db, path: root });
    const other = createTempDb();
    try {
      await importDataset({ db: other.db, path: root });
      const q = `SELECT hash, split FROM samples ORDER BY hash`;
      assert.deepEqual(t.db.prepare(q).all(), other.db.prepare(q).all());
    } finally {
      other.cleanup();
    }
  });

  test("a missing path or a folder that is no dataset is refused with a clear error", async () => {
    await assert.rejects(importDataset({ db: t.db, path: path.join(t.dir, "nope") }), (e: Error) => e instanceof ImportInputError && /does not exist/.test(e.message));
    const flat = path.join(t.dir, "flat");
    fs.mkdirSync(flat);
    fs.copyFileSync(sampleImages("7")[0]!, path.join(flat, "a.jpg"));
    await assert.rejects(importDataset({ db: t.db, path: flat }), (e: Error) => e instanceof ImportInputError && /not a dataset folder/.test(e.message));
    assert.equal((t.db.prepare(`SELECT COUNT(*) AS n FROM samples`).get() as { n: number }).n, 0);
  });
});
