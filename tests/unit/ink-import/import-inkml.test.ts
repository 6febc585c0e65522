import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type Database from "better-sqlite3";
import { importDataset, planImport } from "../../../lib/dataset/import-dataset";
import { renderStrokes } from "../../../lib/ink/render-strokes";
import { parseStrokesJson, strokesHash } from "../../../lib/ink/stroke-json";
import { storedInkSplit } from "../../../lib/dataset/resolve-splits";
import { writeTarGz, writeZip } from "../../helpers/make-archives";
import { createTempDb, tableSnapshot } from "../../helpers/temp-db";

const FIXTURES = path.resolve("tests/fixtures/ink");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

type Temp = ReturnType<typeof createTempDb>;

function inkSnapshot(db: Database.Database) {
  return {
    ...tableSnapshot(db),
    ink: db.prepare(`SELECT hash, writer, strokes, expressionId, hex(canonical) AS c FROM samples ORDER BY hash`).all(),
    expressions: db.prepare(`SELECT id, path, latex, writer, strokes, symbols FROM expressions ORDER BY path`).all(),
    rejections: db.prepare(`SELECT path, reason FROM import_rejections ORDER BY path`).all(),
  };
}

interface StoredSymbol {
  sampleId: number;
  label: string;
  rawLabel: string;
  traceIds: string[];
  traceIndexes: number[];
  box: { x: number; y: number; width: number; height: number };
}

describe("InkML import of a folder of fixtures", () => {
  let t: Temp;
  before(() => {
    t = createTempDb();
  });
  after(() => t.cleanup());

  it("is planned as an InkML import", () => {
    assert.equal(planImport(FIXTURES).kind, "inkml");
    assert.equal(planImport(path.join(FIXTURES, "crohme-two-symbols.inkml")).kind, "inkml");
  });

  it("stores each labelled traceGroup as a sample with the mapped label, writer, strokes and box", async () => {
    const summary = await importDataset({ db: t.db, path: FIXTURES });
    assert.equal(summary.kind, "inkml");
    assert.equal(summary.imported, 4);
    assert.deepEqual(summary.ink, { expressions: 2, writers: 1, strokeWidth: 1 });

    const samples = t.db
      .prepare(`SELECT id, label, source, originPath, writer, strokes, hash, canonical, split, expressionId FROM samples ORDER BY id`)
      .all() as { id: number; label: string; source: string; originPath: string; writer: string | null; strokes: string; hash: string; canonical: Buffer; split: string; expressionId: number }[];
    assert.deepEqual(
      samples.map((s) => [s.originPath, s.label, s.source, s.writer]),
      [
        ["crohme-two-symbols.inkml#4", "√", "inkml", "ink:w042"],
        ["crohme-two-symbols.inkml#5", "x", "inkml", "ink:w042"],
        ["w3c-href-timed.inkml#lt", "<", "inkml", null],
        ["w3c-href-timed.inkml#plus", "+", "inkml", null],
      ],
    );
    const x = samples[1]!;
    assert.deepEqual(parseStrokesJson(x.strokes), [
      [[20, 10], [30, 20], [40, 30]],
      [[20, 30], [40, 10]],
    ]);
    assert.equal(x.hash, strokesHash(parseStrokesJson(x.strokes)));
    assert.deepEqual(Buffer.from(x.canonical), Buffer.from(renderStrokes(parseStrokesJson(x.strokes))));
    // One writer, one split: both w042 symbols share it.
    assert.equal(samples[0]!.split, storedInkSplit("ink:w042", ""));
    assert.equal(samples[1]!.split, samples[0]!.split);

    const expression = t.db.prepare(`SELECT * FROM expressions WHERE path = ?`).get("crohme-two-symbols.inkml") as {
      id: number;
      latex: string;
      writer: string;
      strokes: string;
      symbols: string;
      batchId: number;
    };
    assert.equal(expression.latex, "\\sqrt{X}");
    assert.equal(expression.writer, "ink:w042");
    assert.equal(expression.batchId, summary.batchId);
    assert.equal(parseStrokesJson(expression.strokes).length, 3);
    const symbols = JSON.parse(expression.symbols) as StoredSymbol[];
    assert.deepEqual(symbols, [
      { sampleId: samples[0]!.id, label: "√", rawLabel: "\\sqrt", traceIds: ["0"], traceIndexes: [0], box: { x: 0, y: 0, width: 60, height: 40 } },
      { sampleId: samples[1]!.id, label: "x", rawLabel: "X", traceIds: ["1", "2"], traceIndexes: [1, 2], box: { x: 20, y: 10, width: 20, height: 20 } },
    ]);
    assert.ok(samples.slice(0, 2).every((s) => s.expressionId === expression.id));
  });

  it("lists malformed files with their reason instead of failing", () => {
    const rejections = t.db.prepare(`SELECT path, reason FROM import_rejections ORDER BY path`).all() as { path: string; reason: string }[];
    assert.deepEqual(
      rejections.map((r) => r.path),
      ["broken-xml.inkml", "empty.inkml", "missing-trace.inkml"],
    );
    assert.match(rejections[0]!.reason, /^malformed-xml/);
    assert.match(rejections[1]!.reason, /^empty/);
    assert.match(rejections[2]!.reason, /^missing-trace: .*"7"/);
  });

  it("is idempotent: importing again adds nothing and counts every symbol as a duplicate", async () => {
    const { rejections: _rejected, ...before } = inkSnapshot(t.db);
    const again = await importDataset({ db: t.db, path: FIXTURES });
    assert.equal(again.imported, 0);
    assert.equal(again.duplicates, 4);
    assert.equal(again.ink?.expressions, 0, "the expressions stay with the first import");
    // Rejections are a per-import report: the new import lists the same three files again.
    assert.deepEqual(again.rejected.map((r) => r.path).sort(), ["broken-xml.inkml", "empty.inkml", "missing-trace.inkml"]);
    const { rejections: _again, ...now } = inkSnapshot(t.db);
    assert.deepEqual(now, before);
  });
});

describe("InkML import options and sources", () => {
  it("renders at the chosen stroke width", async () => {
    const t = createTempDb();
    try {
      await importDataset({ db: t.db, path: path.join(FIXTURES, "crohme-two-symbols.inkml"), strokeWidth: 3 });
      const row = t.db.prepare(`SELECT strokes, canonical FROM samples WHERE originPath LIKE '%#5'`).get() as { strokes: string; canonical: Buffer };
      const strokes = parseStrokesJson(row.strokes);
      assert.deepEqual(Buffer.from(row.canonical), Buffer.from(renderStrokes(strokes, { strokeWidth: 3 })));
      assert.notDeepEqual(Buffer.from(row.canonical), Buffer.from(renderStrokes(strokes)));
      await assert.rejects(importDataset({ db: t.db, path: FIXTURES, strokeWidth: 0 }), /stroke width/);
    } finally {
      t.cleanup();
    }
  });

  it("imports a .zip and a .tar.gz of .inkml files to the same rows as the folder", async () => {
    const names = fs.readdirSync(FIXTURES).sort();
    const entries = names.map((name) => ({ name: `corpus/${name}`, data: fixture(name) }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-ink-"));
    const folder = path.join(dir, "folder", "corpus");
    fs.mkdirSync(folder, { recursive: true });
    for (const name of names) fs.copyFileSync(path.join(FIXTURES, name), path.join(folder, name));
    const zip = path.join(dir, "ink.zip");
    const tgz = path.join(dir, "ink.tar.gz");
    writeZip(zip, entries);
    await writeTarGz(tgz, entries);
    try {
      const snapshots = [];
      for (const target of [path.join(dir, "folder"), zip, tgz]) {
        assert.equal(planImport(target).kind, "inkml", target);
        const t = createTempDb();
        try {
          const summary = await importDataset({ db: t.db, path: target });
          assert.equal(summary.imported, 4);
          assert.equal(summary.rejected.length, 3);
          const snap = inkSnapshot(t.db);
          snapshots.push({ ...snap, expressions: snap.expressions.map((e) => ({ ...(e as object), id: 0 })) });
        } finally {
          t.cleanup();
        }
      }
      assert.deepEqual(snapshots[1], snapshots[0]);
      assert.deepEqual(snapshots[2], snapshots[0]);
      // Files in a corpus folder take the folder as their corpus.
      assert.ok(JSON.stringify(snapshots[0]).includes("corpus:w042"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stores the same ink once when another expression reuses it elsewhere on the page (KAIST)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-ink-"));
    const original = fixture("crohme-two-symbols.inkml").toString("utf8");
    // The same strokes moved by (+100, +50): a "sub" expression reusing the ink.
    const moved = original.replace(/<trace id="(\d+)">\s*([^<]*)<\/trace>/g, (_m, id: string, pts: string) => {
      const shifted = pts
        .trim()
        .split(",")
        .map((p) => p.trim().split(/\s+/).map(Number))
        .map(([x, y]) => `${x! + 100} ${y! + 50}`)
        .join(", ");
      return `<trace id="${id}">\n${shifted}\n</trace>`;
    });
    fs.writeFileSync(path.join(dir, "a.inkml"), original);
    fs.writeFileSync(path.join(dir, "b-sub.inkml"), moved);
    const t = createTempDb();
    try {
      const summary = await importDataset({ db: t.db, path: dir });
      assert.equal(summary.imported, 2);
      assert.equal(summary.duplicates, 2);
      assert.equal(summary.ink?.expressions, 2);
      const copies = t.db.prepare(`SELECT copies FROM samples ORDER BY id`).all() as { copies: number }[];
      assert.deepEqual(copies.map((c) => c.copies), [2, 2]);
      const [a, b] = t.db.prepare(`SELECT symbols FROM expressions ORDER BY path`).all() as { symbols: string }[];
      const ids = (row: { symbols: string }) => (JSON.parse(row.symbols) as StoredSymbol[]).map((s) => s.sampleId);
      assert.deepEqual(ids(a!), ids(b!), "both expressions link the one stored sample per symbol");
      const boxes = (JSON.parse(b!.symbols) as StoredSymbol[]).map((s) => s.box);
      assert.deepEqual(boxes[0], { x: 100, y: 50, width: 60, height: 40 }, "each expression keeps its own box");
    } finally {
      t.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resumes an interrupted import to the same database as an uninterrupted one", async () => {
    const full = createTempDb();
    const cut = createTempDb();
    try {
      await importDataset({ db: full.db, path: FIXTURES });
      const controller = new AbortController();
      let chunks = 0;
      const first = await importDataset({
        db: cut.db,
        path: FIXTURES,
        chunkSize: 1,
        signal: controller.signal,
        onProgress: () => {
          if (++chunks === 2) controller.abort();
        },
      });
      const status = cut.db.prepare(`SELECT status FROM import_batches WHERE id = ?`).get(first.batchId) as { status: string };
      assert.equal(status.status, "interrupted");
      const resumed = await importDataset({ db: cut.db, path: FIXTURES });
      assert.equal(resumed.resumed, true);
      assert.equal(resumed.batchId, first.batchId);
      assert.equal(resumed.imported, 4);
      assert.equal(resumed.rejected.length, 3);
      assert.equal(resumed.files, 7);
      assert.deepEqual(inkSnapshot(cut.db), inkSnapshot(full.db));
    } finally {
      full.cleanup();
      cut.cleanup();
    }
  });

  it("still plans a folder of class-folder images as an image import", () => {
    assert.equal(planImport(path.join("data", "sample", "kaggle")).kind, "folder");
  });
});

describe("InkML import with --junk", () => {
  /** "x20": an x in two arcs, then a 2 close to a 0 (writer w7). */
  const arcs = (cx: number, from: number, to: number) =>
    Array.from({ length: 9 }, (_, k) => {
      const a = from + ((to - from) * k) / 8;
      return `${Math.round(cx + 20 * Math.cos(a))} ${Math.round(50 + 20 * Math.sin(a))}`;
    }).join(", ");
  const ink = `<ink xmlns="http://www.w3.org/2003/InkML">
<annotation type="writer">w7</annotation>
<annotation type="truth">$x20$</annotation>
<trace id="0">${arcs(0, -Math.PI / 2, Math.PI / 2)}</trace>
<trace id="1">${arcs(50, Math.PI / 2, (3 * Math.PI) / 2)}</trace>
<trace id="2">100 30, 130 30, 100 70, 130 70</trace>
<trace id="3">${arcs(155, 0, 2 * Math.PI)}</trace>
<traceGroup xml:id="g">
  <traceGroup xml:id="x"><annotation type="truth">x</annotation><traceView traceDataRef="0"/><traceView traceDataRef="1"/></traceGroup>
  <traceGroup xml:id="two"><annotation type="truth">2</annotation><traceView traceDataRef="2"/></traceGroup>
  <traceGroup xml:id="zero"><annotation type="truth">0</annotation><traceView traceDataRef="3"/></traceGroup>
</traceGroup>
</ink>`;

  it("stores the x's arcs and the closest pair as junk of the expression's writer, never among its symbols", async () => {
    const t = createTempDb();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-junk-"));
    try {
      fs.writeFileSync(path.join(dir, "x20.inkml"), ink);
      const plain = await importDataset({ db: t.db, path: dir });
      assert.equal(plain.imported, 3);
      const summary = await importDataset({ db: t.db, path: dir, junk: true });
      assert.equal(summary.imported, 3, "two arcs and one pair are new; the symbols are duplicates");
      const junk = t.db.prepare(`SELECT originPath, writer, split, strokes, expressionId FROM samples WHERE label = 'junk' ORDER BY originPath`).all() as {
        originPath: string; writer: string; split: string; strokes: string; expressionId: number;
      }[];
      assert.deepEqual(junk.map((j) => j.originPath), ["x20.inkml#junk:pair:two+zero", "x20.inkml#junk:part:x", "x20.inkml#junk:part:x"]);
      const symbol = t.db.prepare(`SELECT writer, split FROM samples WHERE label = 'x'`).get() as { writer: string; split: string };
      assert.match(symbol.writer, /:w7$/);
      assert.ok(junk.every((j) => j.writer === symbol.writer && j.split === symbol.split));
      assert.equal(parseStrokesJson(junk[0]!.strokes).length, 2);
      const expression = t.db.prepare(`SELECT id, symbols FROM expressions`).get() as { id: number; symbols: string };
      assert.deepEqual((JSON.parse(expression.symbols) as StoredSymbol[]).map((s) => s.label), ["x", "2", "0"]);
      assert.ok(junk.every((j) => j.expressionId === expression.id));
    } finally {
      t.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
