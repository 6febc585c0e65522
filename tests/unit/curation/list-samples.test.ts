import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTempDb } from "../../helpers/temp-db";
import { listSamples, listSampleIds } from "../../../lib/dataset/list-samples";
import { parseSampleQuery, sampleQueryToSearch, type SampleQuery } from "../../../lib/dataset/sample-query";
import { insertSamples } from "./fixtures";

describe("listSamples", () => {
  const t = createTempDb();
  const db = t.db;
  let ids: number[] = [];
  const query = (params: Record<string, string>): SampleQuery => {
    const parsed = parseSampleQuery(params);
    assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
    return parsed.query;
  };

  before(() => {
    db.prepare(`INSERT INTO import_batches (id, kind, sourcePath, status) VALUES (1, 'folder', '/x', 'done')`).run();
    ids = insertSamples(db, [
      ...Array.from({ length: 12 }, (_, i) => ({ label: "7", split: i % 3 === 0 ? "test" : "train", copies: (i % 4) + 1, originPath: `kaggle/7/img_${i}.jpg`, batch: 1 })),
      ...Array.from({ length: 5 }, (_, i) => ({ label: "x", source: "inkml", originPath: `crohme/X/writer_${i}.jpg` })),
      { label: "+", conflict: true, copies: 2, originPath: "kaggle/+/100%_sure.jpg" },
      { label: "+", source: "canvas", split: "val" },
    ]);
    const now = new Date().toISOString();
    const pred = db.prepare(`INSERT INTO predictions (modelId, sampleId, label, confidence, top3, createdAt) VALUES (?, ?, ?, ?, '[]', ?)`);
    pred.run(3, ids[0], "1", 0.55, now); // a 7 predicted as 1: misclassified
    pred.run(3, ids[1], "7", 0.99, now);
    pred.run(3, ids[12], "y", 0.7, now); // an x predicted as y
  });
  after(() => t.cleanup());

  it("pages through every sample without overlap and reports the total", () => {
    const seen = new Set<number>();
    for (let page = 1; page <= 4; page++) {
      const result = listSamples({ db, ...query({ page: String(page), pageSize: "5" }) });
      assert.equal(result.total, 19);
      result.items.forEach((r) => seen.add(r.id));
      if (page === 4) assert.equal(result.items.length, 4);
    }
    assert.equal(seen.size, 19);
  });

  it("filters by label, source, split, conflict and batch", () => {
    assert.equal(listSamples({ db, ...query({ label: "7" }) }).total, 12);
    assert.equal(listSamples({ db, ...query({ label: "7", split: "test" }) }).total, 4);
    assert.deepEqual(listSamples({ db, ...query({ source: "inkml" }) }).items.map((r) => r.label), ["x", "x", "x", "x", "x"]);
    const conflicts = listSamples({ db, ...query({ conflict: "1" }) });
    assert.equal(conflicts.total, 1);
    assert.equal(conflicts.items[0]!.conflict, true);
    assert.equal(listSamples({ db, ...query({ conflict: "0" }) }).total, 18);
    assert.equal(listSamples({ db, ...query({ batch: "1" }) }).total, 12);
    assert.equal(listSamples({ db, ...query({ relabelled: "1" }) }).total, 0);
  });

  it("searches origin paths as plain text (% and _ are not wildcards)", () => {
    assert.equal(listSamples({ db, ...query({ q: "crohme/X" }) }).total, 5);
    assert.equal(listSamples({ db, ...query({ q: "img_1" }) }).total, 3); // img_1, img_10, img_11
    assert.equal(listSamples({ db, ...query({ q: "100%" }) }).total, 1);
    assert.equal(listSamples({ db, ...query({ q: "%" }) }).total, 1);
  });

  it("sorts by a column with ties broken by id in the same direction", () => {
    const rows = listSamples({ db, ...query({ label: "7", sort: "-copies" }) }).items;
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      assert.ok(a.copies > b.copies || (a.copies === b.copies && a.id > b.id), `row ${i} out of order`);
    }
    const byLabel = listSamples({ db, ...query({ sort: "label", pageSize: "50" }) }).items.map((r) => r.label);
    assert.deepEqual(byLabel, [...byLabel].sort());
    const desc = listSamples({ db, ...query({ sort: "-id", pageSize: "3" }) }).items.map((r) => r.id);
    assert.deepEqual(desc, [ids[18], ids[17], ids[16]]);
  });

  it("shows a model's predictions and filters what it misclassifies", () => {
    const without = listSamples({ db, ...query({ label: "7", pageSize: "2" }) }).items;
    assert.equal(without[0]!.prediction, null);
    const withModel = listSamples({ db, ...query({ label: "7", model: "3", pageSize: "2" }) }).items;
    assert.equal(withModel[0]!.prediction, "1");
    assert.equal(withModel[0]!.confidence, 0.55);
    const wrong = listSamples({ db, ...query({ model: "3", misclassified: "1", sort: "-confidence" }) });
    assert.equal(wrong.total, 2);
    assert.deepEqual(wrong.items.map((r) => r.id), [ids[12], ids[0]]);
    assert.deepEqual(listSampleIds({ db, model: 3, misclassified: true, label: "x" }), [ids[12]]);
  });
});

describe("parseSampleQuery", () => {
  it("names the field of the first problem", () => {
    const bad = (params: Record<string, string>) => {
      const r = parseSampleQuery(params);
      assert.equal(r.ok, false);
      return r.ok ? "" : r.message;
    };
    assert.match(bad({ split: "training" }), /^split: /);
    assert.match(bad({ pageSize: "5000" }), /^pageSize: /);
    assert.match(bad({ page: "0" }), /^page: /);
    assert.match(bad({ sort: "-hash" }), /^sort: must be one of/);
    assert.match(bad({ conflict: "maybe" }), /^conflict: /);
    assert.match(bad({ misclassified: "1" }), /^misclassified: needs model/);
    assert.match(bad({ sort: "confidence" }), /^sort: confidence needs model/);
  });

  it("treats empty parameters as absent and round-trips through the URL form", () => {
    const r = parseSampleQuery(new URLSearchParams("label=7&source=&split=test&conflict=1&page=2&sort=-copies"));
    assert.ok(r.ok);
    assert.equal(r.query.source, undefined);
    assert.equal(r.query.conflict, true);
    assert.equal(r.query.pageSize, 100);
    const search = sampleQueryToSearch(r.query);
    assert.equal(search, "?label=7&split=test&conflict=1&page=2&sort=-copies");
    const again = parseSampleQuery(new URLSearchParams(search.slice(1)));
    assert.deepEqual(again, r);
  });
});
