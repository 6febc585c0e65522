import assert from "node:assert/strict";
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, it } from "node:test";
import sharp from "sharp";
import { createTempDb } from "../../helpers/temp-db";
import { CurationInputError } from "../../../lib/dataset/curation-errors";
import { drawingSchema, parseRelabelRequest } from "../../../lib/dataset/curation-requests";
import { DRAW_STROKE_WIDTH, normalizeStrokes } from "../../../lib/dataset/drawing-strokes";
import { saveDrawing } from "../../../lib/dataset/save-drawing";
import { describeZodError } from "../../../lib/dataset/sample-query";
import { assignSplit } from "../../../lib/dataset/split";
import { renderStrokes } from "../../../lib/ink/render-strokes";
import { addClasses } from "./fixtures";

const NINE = [
  [
    [60.04, 40],
    [40, 60],
    [60, 80],
    [80, 60],
    [60, 40],
  ],
  [
    [80, 60],
    [80, 140],
  ],
];

describe("saveDrawing", () => {
  let t: ReturnType<typeof createTempDb>;
  let db: ReturnType<typeof createTempDb>["db"];
  beforeEach(() => {
    t = createTempDb();
    db = t.db;
    addClasses(db, ["9"]);
  });
  afterEach(() => t.cleanup());

  it("stores strokes, the canonical rendering, a PNG original, md5 hash and the hash's split", async () => {
    const saved = await saveDrawing({ db, strokes: NINE, label: "9" });
    assert.equal(saved.duplicate, false);
    const row = db.prepare(`SELECT * FROM samples WHERE id = ?`).get(saved.id) as Record<string, unknown>;
    const json = JSON.stringify(normalizeStrokes(NINE));
    assert.equal(row.strokes, json);
    assert.equal(row.source, "canvas");
    assert.equal(row.label, "9");
    assert.equal(row.hash, crypto.createHash("md5").update(json).digest("hex"));
    assert.equal(row.split, assignSplit(row.hash as string));
    assert.deepEqual(Buffer.from(row.canonical as Buffer), Buffer.from(renderStrokes(normalizeStrokes(NINE), { strokeWidth: DRAW_STROKE_WIDTH })));
    const meta = await sharp(row.original as Buffer).metadata();
    assert.equal(meta.format, "png");
  });

  it("keeps the drawing's own PNG and does not store the same strokes twice", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } }).png().toBuffer();
    const first = await saveDrawing({ db, strokes: NINE, label: "9", png });
    const again = await saveDrawing({ db, strokes: NINE, label: "9", png });
    assert.equal(again.duplicate, true);
    assert.equal(again.id, first.id);
    assert.deepEqual(Buffer.from(db.prepare(`SELECT original FROM samples WHERE id = ?`).pluck().get(first.id) as Buffer), png);
    await assert.rejects(saveDrawing({ db, strokes: [[[1, 2]]], label: "9", png: Buffer.from("not a png") }), /png: /);
  });

  it("refuses unknown classes and empty drawings", async () => {
    await assert.rejects(saveDrawing({ db, strokes: NINE, label: "Ω" }), (e: unknown) => e instanceof CurationInputError && e.field === "label");
    await assert.rejects(saveDrawing({ db, strokes: [], label: "9" }), /strokes: draw something first/);
  });
});

describe("API request validation", () => {
  it("relabel requests name the wrong field", () => {
    const msg = (body: unknown) => {
      const r = parseRelabelRequest(body);
      return r.ok ? "ok" : r.message;
    };
    assert.equal(msg({ ids: [1, 2], label: "7" }), "ok");
    assert.equal(msg({ filter: { label: "7", split: "test" }, label: "1" }), "ok");
    assert.match(msg({ ids: [], label: "7" }), /^ids: select at least one/);
    assert.match(msg({ ids: ["a"], label: "7" }), /^ids\.0: /);
    assert.match(msg({ ids: [1] }), /^label: is required/);
    assert.match(msg({ ids: [1], label: "  " }), /^label: is required/);
    assert.match(msg({ filter: { split: "nope" }, label: "7" }), /^filter\.split: /);
    assert.match(msg(null), /^body: /);
  });

  it("drawing requests need strokes of [x, y] points and a label", () => {
    const ok = drawingSchema.safeParse({ label: "9", strokes: NINE });
    assert.ok(ok.success);
    const noPoints = drawingSchema.safeParse({ label: "9", strokes: [[]] });
    assert.ok(!noPoints.success);
    assert.match(describeZodError(noPoints.error), /^strokes\.0: a stroke needs at least one point/);
    const badPng = drawingSchema.safeParse({ label: "9", strokes: NINE, png: "data:image/jpeg;base64,AAAA" });
    assert.ok(!badPng.success);
    assert.match(describeZodError(badPng.error), /^png: /);
    const noLabel = drawingSchema.safeParse({ strokes: NINE });
    assert.ok(!noLabel.success);
    assert.match(describeZodError(noLabel.error), /^label: is required/);
  });
});
