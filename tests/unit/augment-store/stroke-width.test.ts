import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { applyRecipe, MissingStrokesError, parseRecipe, type Pipeline } from "../../../lib/augment";
import { buildRebalancePlan, parsePlanRequest, previewGallery, removeAugmentRun, runAugmentPlan } from "../../../lib/augment-store";
import { importDataset } from "../../../lib/dataset/import-dataset";
import { contentHash } from "../../../lib/dataset/split";
import { createTempDb } from "../../helpers/temp-db";
import { importShipped, runSamples, trainCount } from "./fixtures";

let t: ReturnType<typeof createTempDb>;
before(async () => {
  t = createTempDb();
  await importShipped(t.db, t.dir, ["+", "7"]);
  // Four ink symbols (√, x, <, +); the malformed fixtures beside them are reported, not fatal.
  await importDataset({ db: t.db, path: path.resolve("tests/fixtures/ink") });
  // Writer-aware splitting may put the single writer in val or test; these tests need parents.
  t.db.prepare(`UPDATE samples SET split = 'train' WHERE strokes IS NOT NULL`).run();
});
after(() => t.cleanup());

/** Thicker pens and a little rotation, so one parent still gives distinct variants. */
const THICK: Pipeline = {
  steps: [
    { op: "stroke-width", params: { width: [3, 4] } },
    { op: "rotate", params: { degrees: [-8, 8] } },
  ],
};

const inkPixels = (pixels: Uint8Array) => pixels.reduce((n, v) => n + (v > 127 ? 1 : 0), 0);
const idOf = (label: string, inkOnly: boolean) =>
  t.db.prepare(`SELECT id FROM samples WHERE label = ? AND strokes IS ${inkOnly ? "NOT" : ""} NULL ORDER BY id LIMIT 1`).pluck().get(label) as number;
const sampleOf = (id: number) => t.db.prepare(`SELECT canonical, strokes FROM samples WHERE id = ?`).get(id) as { canonical: Buffer; strokes: string | null };

describe("stroke-width augmentation", () => {
  it("plans ink parents only and says how many image parents it skips", () => {
    const images = t.db.prepare(`SELECT COUNT(*) FROM samples WHERE label = '+' AND split = 'train' AND strokes IS NULL`).pluck().get() as number;
    assert.ok(images > 0);
    const target = { kind: "count", n: trainCount(t.db, "+") + 3 } as const;
    const plan = buildRebalancePlan(t.db, { classes: ["+"], target, pipeline: THICK });
    assert.deepEqual(
      plan.rebalance.classes[0]!.assignments.map((a) => a.sourceId),
      [idOf("+", true)],
    );
    assert.ok(plan.rebalance.warnings.includes(`${images} source images have no strokes; stroke-width applies only to ink samples`), plan.rebalance.warnings.join("\n"));

    // Without the step every train original is a parent again, and nothing is said about strokes.
    const pixelOnly = buildRebalancePlan(t.db, { classes: ["+"], target, pipeline: { steps: THICK.steps.slice(1) } });
    assert.equal(pixelOnly.rebalance.classes[0]!.sourceCount, images + 1);
    assert.ok(!pixelOnly.rebalance.warnings.some((w) => w.includes("strokes")));
  });

  it("generates thicker strokes than the ink parents, with recipes that rebuild the bytes", async () => {
    const plan = buildRebalancePlan(t.db, { classes: ["x", "√", "+"], target: { kind: "count", n: trainCount(t.db, "+") + 3 }, pipeline: THICK, seed: 4 });
    const summary = await runAugmentPlan(t.db, plan);
    assert.equal(summary.generated, plan.rebalance.total.toGenerate);
    const rows = runSamples(t.db, summary.runId);
    assert.ok(rows.length >= 3);
    for (const row of rows) {
      const parent = sampleOf(row.parentId);
      assert.ok(parent.strokes, "every parent is an ink sample");
      const recipe = parseRecipe(JSON.parse(row.recipe));
      const width = recipe.ops[0]!;
      assert.equal(width.op, "stroke-width");
      assert.ok(width.params.width === 3 || width.params.width === 4, `drawn width ${width.params.width} is recorded`);
      assert.ok(inkPixels(row.canonical) > 1.5 * inkPixels(parent.canonical), `variant ${row.id} is not thicker than its parent`);
      // Same recipe, same parent: the same bytes; without the strokes it refuses rather than guess.
      const rebuilt = applyRecipe(new Uint8Array(parent.canonical), recipe, { strokes: parent.strokes });
      assert.deepEqual(Buffer.from(rebuilt), row.canonical);
      assert.equal(row.hash, contentHash(rebuilt));
      assert.throws(() => applyRecipe(new Uint8Array(parent.canonical), recipe), MissingStrokesError);
    }
    removeAugmentRun(t.db, summary.runId);
  });

  it("gives the same bytes for the same seed, on worker threads as on the calling thread", async () => {
    const plan = () => buildRebalancePlan(t.db, { classes: ["x", "<"], target: { kind: "count", n: 5 }, pipeline: THICK, seed: 9 });
    const hashes = async (threads: number) => {
      const run = await runAugmentPlan(t.db, plan(), { threads, chunkSize: 3 });
      const out = runSamples(t.db, run.runId).map((r) => [r.parentId, r.hash, r.recipe]);
      removeAugmentRun(t.db, run.runId);
      return out;
    };
    const inline = await hashes(0);
    assert.equal(inline.length, 8);
    assert.deepEqual(await hashes(0), inline);
    // The threads get the strokes in the request: without them every item would be skipped.
    assert.deepEqual(await hashes(1), inline);
  });

  it("refuses an out-of-range width or a stroke-width step after pixel steps, as for other operations", () => {
    const request = (steps: unknown[]) => parsePlanRequest(t.db, { classes: ["x"], target: 5, pipeline: { steps } });
    const tooWide = request([{ op: "stroke-width", params: { width: [1, 9] } }]);
    assert.equal(tooWide.ok, false);
    assert.match(tooWide.ok ? "" : tooWide.message, /stroke-width\.width must be <= 8/);
    const late = request([{ op: "rotate" }, { op: "stroke-width", params: { width: 2 } }]);
    assert.match(late.ok ? "" : late.message, /steps\[1\]: stroke-width must be the first step/);
    assert.equal(request([{ op: "stroke-width", params: { width: [1, 4] } }, { op: "rotate" }]).ok, true);
  });

  it("previews on ink samples when the classes have some, and says so when they have none", () => {
    const withInk = previewGallery(t.db, { pipeline: THICK, seed: 1, classes: ["+"] });
    const row = withInk.find((r) => r.key === "0:stroke-width")!;
    assert.deepEqual(row.items.map((i) => i.sampleId), [idOf("+", true)]);
    assert.ok(inkPixels(row.items[0]!.pixels) > inkPixels(withInk[0]!.items[0]!.pixels));
    assert.equal(row.note, undefined);

    const imagesOnly = previewGallery(t.db, { pipeline: THICK, seed: 1, classes: ["7"] });
    assert.equal(imagesOnly.find((r) => r.key === "original")!.items.length, 6);
    const empty = imagesOnly.find((r) => r.key === "0:stroke-width")!;
    assert.equal(empty.items.length, 0);
    assert.match(empty.note ?? "", /stroke-width applies only to samples with strokes/);
    // Pixel steps are still previewed on the images.
    assert.equal(imagesOnly.find((r) => r.key === "1:rotate")!.items.length, 6);
  });
});
