import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { importDataset } from "../../../lib/dataset/import-dataset";
import { exportExpressions } from "../../../lib/dataset/export-expressions";
import { createTempDb } from "../../helpers/temp-db";

describe("exportExpressions", () => {
  let t: ReturnType<typeof createTempDb>;
  before(async () => {
    t = createTempDb();
    await importDataset({ db: t.db, path: path.resolve("tests/fixtures/ink") });
  });
  after(() => t.cleanup());

  it("writes a dark-on-white PNG and its truth per expression, plus an index", async () => {
    const out = path.join(t.dir, "export");
    const result = await exportExpressions({ db: t.db, out, strokeWidth: 2, height: 100 });
    assert.equal(result.written, 2);
    const index = JSON.parse(fs.readFileSync(path.join(out, "index.json"), "utf8")) as { expressions: { image: string; truth: string }[] };
    assert.deepEqual(index.expressions.map((e) => e.image), ["crohme-two-symbols.png", "w3c-href-timed.png"]);
    const truth = JSON.parse(fs.readFileSync(path.join(out, "crohme-two-symbols.json"), "utf8"));
    assert.equal(truth.latex, "\\sqrt{X}");
    assert.deepEqual(truth.labels, ["√", "x"]);
    assert.deepEqual(truth.rawLabels, ["\\sqrt", "X"]);
    assert.equal(truth.writer, "ink:w042");
    assert.equal(truth.height, 100);
    assert.equal(truth.boxes.length, 2);
    const png = fs.readFileSync(path.join(out, "crohme-two-symbols.png"));
    assert.equal(png[25], 0, "PNG colour type 0: grayscale");
    const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [truth.width, truth.height]);
    assert.equal(data[0], 255, "paper is white");
    assert.ok(data.some((v) => v === 0), "ink is dark");
    // The x's box (traces 1 and 2) sits inside the √'s box, which spans the whole ink.
    const [root, x] = truth.boxes as [number, number, number, number][];
    assert.ok(x![0] > root![0] && x![0] + x![2] <= root![0] + root![2]);
  });

  it("keeps only the writers asked for, and honours the limit", async () => {
    const listFile = path.join(t.dir, "writers.txt");
    fs.writeFileSync(listFile, "# writer keys\nink:w042\n");
    const only = await exportExpressions({ db: t.db, out: path.join(t.dir, "w"), writers: new Set(["ink:w042"]) });
    assert.equal(only.written, 1);
    const limited = await exportExpressions({ db: t.db, out: path.join(t.dir, "l"), limit: 1 });
    assert.equal(limited.written, 1);
    const none = await exportExpressions({ db: t.db, out: path.join(t.dir, "n"), writers: new Set(["nobody"]) });
    assert.equal(none.written, 0);
  });
});
