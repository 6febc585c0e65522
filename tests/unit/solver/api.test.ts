import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { checkImageBytes } from "../../../lib/solver/check-image";
import { openDatabase } from "../../../lib/db/open-database";
import { closeDb, getSqlite } from "../../../lib/db";
import { resetEnvCache } from "../../../lib/env";
import { createModel } from "../../../lib/ml/create-model";
import { parseModelConfig } from "../../../lib/ml/model-config";
import { saveModel } from "../../../lib/ml/model-io";
import { forgetCurrentClassifier, getCurrentClassifier } from "../../../lib/solver/current-classifier";
import { SolveInputError } from "../../../lib/solver/check-image";
import { SOLVE_MAX_WORKING_PIXELS, solveUpload } from "../../../lib/solver/solve-upload";
import { promoteModel } from "../../../lib/training/models";
import { CLASSES, scriptedClassifier, sure, written } from "./fakes";

// The route reads the database through lib/env: point it at a fresh folder before it loads.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-solve-api-"));
process.env.INKSET_DATA_DIR = dir;
delete process.env.DATABASE_URL;
resetEnvCache();
openDatabase(path.join(dir, "inkset.db")).close();
let POST: (request: Request) => Promise<Response>;
before(async () => {
  ({ POST } = await import("../../../app/api/solve/route"));
});

const URL_ = "http://localhost/api/solve";
const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  POST(new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit));

async function png(image: { width: number; height: number; pixels: Uint8Array }): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 1 } }).png().toBuffer());
}

/** A PNG whose header claims width x height, followed by junk instead of pixel data. */
function pngHeaderOnly(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const type = Buffer.from("IHDR");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(13);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([type, ihdr])) >>> 0);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), len, type, ihdr, crc, Buffer.alloc(2000, 7)]));
}

/** POSTs a JPEG with every symbol corrected to `text` (what the untrained model reads does not matter), expecting 200. */
async function solvePhoto(jpeg: Buffer, text: string) {
  const f = new FormData();
  f.append("image", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "photo.jpg");
  f.append("corrections", JSON.stringify([...text].map((label, index) => ({ index, label }))));
  const res = await POST(new Request(URL_, { method: "POST", body: f }));
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as { tokens: { box: number[] }[]; expression: string; image: { width: number; height: number } };
}

async function message(res: Response): Promise<string> {
  return ((await res.json()) as { message: string }).message;
}

after(async () => {
  forgetCurrentClassifier();
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("POST /api/solve input checks", () => {
  it("400 for an empty upload", async () => {
    const res = await post(new Uint8Array(0), { "content-type": "image/png" });
    assert.equal(res.status, 400);
    assert.match(await message(res), /empty/);
  });

  it("400 for something that is not an image", async () => {
    const res = await post("2x+3=7, please", { "content-type": "image/png" });
    assert.equal(res.status, 400);
    assert.match(await message(res), /not an image/);
  });

  it("400 naming the format for a HEIC photo, which cannot be decoded here", async () => {
    // An ISO media file's first box: size, "ftyp", the major brand.
    const heic = new Uint8Array([0, 0, 0, 24, ...Buffer.from("ftypheic"), 0, 0, 0, 0, ...Buffer.from("mif1heic"), 0, 0, 0, 0]);
    const res = await post(heic, { "content-type": "image/heic" });
    assert.equal(res.status, 400);
    assert.match(await message(res), /HEIC.*JPEG or PNG/);
  });

  it("takes an AVIF image (a newer phone or browser format)", async () => {
    const avif = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#ffffff" } }).avif().toBuffer();
    assert.deepEqual(await checkImageBytes(avif), { type: "image/avif", width: 64, height: 48 });
  });

  it("400 for a form without an image field", async () => {
    const form = new FormData();
    form.append("corrections", "[]");
    const res = await POST(new Request(URL_, { method: "POST", body: form }));
    assert.equal(res.status, 400);
    assert.match(await message(res), /image/);
  });

  it("413 from Content-Length alone, without reading the body", async () => {
    let pulled = false;
    const body = new ReadableStream({
      pull(controller) {
        pulled = true;
        controller.close();
      },
    }, { highWaterMark: 0 });
    const res = await post(body, { "content-type": "image/png", "content-length": String(11 * 1024 * 1024) });
    assert.equal(res.status, 413);
    assert.match(await message(res), /too large/);
    assert.equal(pulled, false);
  });

  it("413 for a body that grows past 10 MB without declaring its length", async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await post(body, { "content-type": "application/octet-stream" });
    assert.equal(res.status, 413);
    assert.ok(sent <= 12);
  });

  it("413 for over 40 megapixels by the header, before decoding (the pixel data is junk)", async () => {
    const res = await post(pngHeaderOnly(8000, 6000), { "content-type": "image/png" });
    assert.equal(res.status, 413);
    assert.match(await message(res), /48\.0 megapixels/);
    // the same junk under the limit gets past the header check and fails only at decoding
    const small = await post(pngHeaderOnly(800, 600), { "content-type": "image/png" });
    assert.equal(small.status, 400);
    assert.match(await message(small), /corrupt|cannot decode|not a readable/);
  });

  it("409 'train a model first' when there is no current model", async () => {
    const form = new FormData();
    form.append("image", new Blob([await png(written("2x+3=7"))], { type: "image/png" }), "eq.png");
    const res = await POST(new Request(URL_, { method: "POST", body: form }));
    assert.equal(res.status, 409);
    assert.match(await message(res), /train a model first/);
  });

  it("400 for a blank page", async () => {
    const blank = await png({ width: 400, height: 150, pixels: new Uint8Array(400 * 150).fill(250) });
    await assert.rejects(
      solveUpload({ db: getSqlite(), bytes: blank, classifier: scriptedClassifier([]) }),
      (err: unknown) => err instanceof SolveInputError && err.status === 400 && /blank/.test(err.message),
    );
  });
});

describe("solving through the API with the current model", () => {
  let modelDirs: string[] = [];
  before(async () => {
    const db = getSqlite();
    // Untrained tiny models: what they read does not matter here, corrections decide.
    const config = parseModelConfig({ convFilters: [4], denseUnits: 8, epochs: 1 });
    modelDirs = [path.join(dir, "models", "a"), path.join(dir, "models", "b")];
    for (const [i, d] of modelDirs.entries()) {
      await saveModel(createModel(config, CLASSES.length), d);
      const run = db.prepare(`INSERT INTO training_runs (status, classes, config) VALUES ('succeeded', ?, ?) RETURNING id`).get(JSON.stringify(CLASSES), JSON.stringify(config)) as { id: number };
      db.prepare(
        `INSERT INTO models (runId, name, dir, classes, config, engine, splitMode, isCurrent) VALUES (?, ?, ?, ?, ?, 'wasm', 'stored', ?)`,
      ).run(run.id, `tiny ${i}`, d, JSON.stringify(CLASSES), JSON.stringify(config), i === 0 ? 1 : 0);
    }
    for (const c of CLASSES) {
      db.prepare(`INSERT OR IGNORE INTO classes (name, slug, symbol) VALUES (?, ?, ?)`).run(c, `c${CLASSES.indexOf(c)}`, c);
    }
  });

  it("loads the current model once and again only when another model is promoted", async () => {
    const db = getSqlite();
    const first = await getCurrentClassifier(db);
    assert.equal(first.modelName, "tiny 0");
    assert.equal(await getCurrentClassifier(db), first);
    const other = db.prepare(`SELECT id FROM models WHERE name = 'tiny 1'`).pluck().get() as number;
    promoteModel(db, other);
    const second = await getCurrentClassifier(db);
    assert.equal(second.modelName, "tiny 1");
    assert.notEqual(second, first);
  });

  it("solves 2x+3=7 with corrections, saves the corrected crops once, as 'equation' samples", async () => {
    const image = await png(written("2x+3=7"));
    const labels = [..."2x+3=7"];
    const form = () => {
      const f = new FormData();
      f.append("image", new Blob([image], { type: "image/png" }), "eq.png");
      f.append("corrections", JSON.stringify(labels.map((label, index) => ({ index, label }))));
      return f;
    };
    const res = await POST(new Request(`${URL_}?crops=1`, { method: "POST", body: form() }));
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      tokens: { label: string; confidence: number; box: number[]; crop: string }[];
      expression: string;
      solution: { text: string };
      model: { name: string };
      saved: { duplicate: boolean; split: string }[];
      timing: { totalMs: number };
    };
    assert.deepEqual(body.tokens.map((t) => t.label), labels);
    assert.equal(body.expression, "2*x+3=7");
    assert.equal(body.solution.text, "x = 2");
    assert.equal(body.model.name, "tiny 1");
    assert.equal(Buffer.from(body.tokens[0]!.crop, "base64").length, 2025);
    assert.equal(body.tokens[0]!.box.length, 4);
    assert.ok(body.timing.totalMs > 0);
    assert.equal(body.saved.length, 6);
    assert.ok(body.saved.every((s) => !s.duplicate && ["train", "val", "test"].includes(s.split)));
    const stored = getSqlite().prepare(`SELECT label, source FROM samples ORDER BY id`).all() as { label: string; source: string }[];
    assert.deepEqual(stored.map((s) => s.label), labels);
    assert.ok(stored.every((s) => s.source === "equation"));

    const again = (await (await POST(new Request(URL_, { method: "POST", body: form() }))).json()) as { saved: { duplicate: boolean }[] };
    assert.ok(again.saved.every((s) => s.duplicate));
    assert.equal(getSqlite().prepare(`SELECT COUNT(*) FROM samples`).pluck().get(), 6);
  });

  it("reads a phone photo stored sideways with an EXIF orientation upright, boxes in the upright frame", async () => {
    const upright = written("2x+3=7");
    // Pixels turned a quarter left, tagged "rotate 90° clockwise to view", as a phone held upright stores them.
    const sideways = await sharp(Buffer.from(upright.pixels), { raw: { width: upright.width, height: upright.height, channels: 1 } })
      .rotate(-90)
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const body = await solvePhoto(sideways, "2x+3=7");
    assert.deepEqual(body.image, { width: upright.width, height: upright.height });
    assert.equal(body.expression, "2*x+3=7");
    const xs = body.tokens.map((t) => t.box[0]!);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  });

  it("reads a picture of many megapixels scaled down, boxes in the frame it reports", async () => {
    const small = written("2x+3=7");
    const factor = 8;
    const big = await sharp(Buffer.from(small.pixels), { raw: { width: small.width, height: small.height, channels: 1 } })
      .resize(small.width * factor, small.height * factor)
      .jpeg({ quality: 85 })
      .toBuffer();
    const body = await solvePhoto(big, "2x+3=7");
    assert.ok(small.width * small.height * factor ** 2 > SOLVE_MAX_WORKING_PIXELS);
    assert.ok(body.image.width * body.image.height <= SOLVE_MAX_WORKING_PIXELS);
    assert.ok(Math.abs(body.image.width / body.image.height - small.width / small.height) < 0.01);
    assert.equal(body.expression, "2*x+3=7");
    for (const t of body.tokens) assert.ok(t.box[0]! + t.box[2]! <= body.image.width && t.box[1]! + t.box[3]! <= body.image.height);
  });

  it("solves digital ink: an InkML file of 2x+3=7 is drawn and read like a picture; broken InkML is a 400 with the reason", async () => {
    const trace = (points: [number, number][]) => `<trace>${points.map(([x, y]) => `${x} ${y}`).join(", ")}</trace>`;
    const strokes: [number, number][][] = [
      [[10, 20], [25, 8], [40, 20], [12, 55], [42, 55]],
      [[60, 30], [85, 55]], [[85, 30], [60, 55]],
      [[110, 42], [140, 42]], [[125, 27], [125, 57]],
      [[160, 10], [185, 12], [170, 30], [188, 42], [160, 56]],
      [[210, 35], [240, 35]], [[210, 47], [240, 47]],
      [[260, 10], [292, 10], [272, 56]],
    ];
    const inkml = `<?xml version="1.0" encoding="UTF-8"?>\n<ink xmlns="http://www.w3.org/2003/InkML">${strokes.map(trace).join("")}</ink>`;
    const res = await post(new TextEncoder().encode(inkml), { "content-type": "application/inkml+xml" });
    assert.equal(res.status, 200, await res.clone().text());
    const body = (await res.json()) as { tokens: unknown[]; image: { width: number; height: number }; drawing?: string };
    assert.equal(body.tokens.length, 6);
    assert.equal(body.image.height, 192);
    // No browser shows InkML: the ink comes back drawn, in the frame the boxes are in.
    const drawing = await sharp(Buffer.from(body.drawing!.replace(/^data:image\/png;base64,/, ""), "base64")).metadata();
    assert.deepEqual([drawing.format, drawing.width, drawing.height], ["png", body.image.width, body.image.height]);

    const broken = await post(new TextEncoder().encode("<ink><trace>1 2, x y</trace></ink>"), { "content-type": "application/inkml+xml" });
    assert.equal(broken.status, 400);
    assert.match(await message(broken), /not readable InkML/);
  });

  it("400 for a correction naming no class, or a symbol that is not there", async () => {
    const image = await png(written("2x+3=7"));
    const res = await post(image, { "content-type": "image/png" });
    assert.equal(res.status, 200);
    const bad = await POST(new Request(`${URL_}?corrections=${encodeURIComponent('[{"index":0,"label":"nope"}]')}`, { method: "POST", body: image }));
    assert.equal(bad.status, 400);
    assert.match(await message(bad), /no class "nope"/);
    const far = await POST(new Request(`${URL_}?corrections=${encodeURIComponent('[{"index":40,"label":"2"}]')}`, { method: "POST", body: image }));
    assert.equal(far.status, 400);
    assert.match(await message(far), /only 6 symbols/);
  });
});
