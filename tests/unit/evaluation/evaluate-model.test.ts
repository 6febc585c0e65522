import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createTempDb } from "../../helpers/temp-db";
import { createTrainingRun } from "../../../lib/training/create-run";
import { runTraining } from "../../../lib/training/run-training";
import { evaluateModel } from "../../../lib/evaluation/evaluate-model";
import { getLatestEvaluation, listCellSamples, mostConfusedPairs } from "../../../lib/evaluation/evaluation-store";
import { crossValidateModel } from "../../../lib/evaluation/cross-validate";
import { listLabelIssues, resolveLabelIssue } from "../../../lib/evaluation/label-issues";
import { compareModels } from "../../../lib/evaluation/compare-models";
import { visualizeModel } from "../../../lib/evaluation/visualize-model";
import { relabelSamples } from "../../../lib/dataset/relabel-samples";
import { NotFoundError, CurationInputError } from "../../../lib/dataset/curation-errors";
import { seedToySet, TOY_CLASSES, type ToySet } from "./toy-data";

// A tiny real model on a separable toy set: every step of the evaluation loop on real tensors,
// in well under a minute on two shared cores.
const CONFIG = { convFilters: [4], denseUnits: 16, dropout: 0, epochs: 2, batchSize: 16, learningRate: 0.01, seed: 7 };

describe("evaluation on a tiny trained model", () => {
  const temp = createTempDb();
  const { db } = temp;
  let toy: ToySet;
  let modelId: number;

  before(async () => {
    toy = seedToySet(db, { perClass: 100, flipRate: 0.05, seed: 11 });
    const run = createTrainingRun(db, { classes: [...TOY_CLASSES], splitMode: "stored", augmentOnTheFly: false, autoPromote: false, config: { ...CONFIG } as never });
    const summary = await runTraining({ db, runId: run.id, modelsDir: path.join(temp.dir, "models"), autoPromote: false });
    assert.equal(summary.status, "succeeded");
    modelId = summary.modelId!;
  });
  after(() => temp.cleanup());

  it("stores top-3 predictions and metrics for the test and val splits", async () => {
    const result = await evaluateModel({ db, modelId });
    assert.deepEqual(result.evaluations.map((e) => e.split), ["test", "val"]);
    const test = getLatestEvaluation(db, { modelId, split: "test" })!;
    assert.equal(test.total, 45);
    assert.ok(test.accuracy > 0.8, `test accuracy ${test.accuracy}`);
    assert.deepEqual(test.metrics.classes, [...TOY_CLASSES].sort());
    assert.equal(test.metrics.perClass.reduce((s, c) => s + c.support, 0), 45);
    const preds = db.prepare(`SELECT COUNT(*) FROM predictions WHERE modelId = ?`).pluck().get(modelId) as number;
    assert.equal(preds, 45 + 45);
    const top3 = JSON.parse(db.prepare(`SELECT top3 FROM predictions WHERE modelId = ? LIMIT 1`).pluck().get(modelId) as string) as [string, number][];
    assert.equal(top3.length, 3);
    assert.ok(Math.abs(top3.reduce((s, t) => s + t[1], 0) - 1) < 1e-3);
  });

  it("lists exactly the samples of a cell, and 404s an unknown class or model", () => {
    const test = getLatestEvaluation(db, { modelId, split: "test" })!;
    for (const [t, tName] of test.metrics.classes.entries()) {
      for (const [p, pName] of test.metrics.classes.entries()) {
        const cell = listCellSamples(db, { modelId, split: "test", trueLabel: tName, predLabel: pName });
        assert.equal(cell.items.length, test.metrics.confusion[t]![p]);
        assert.ok(cell.items.every((s) => s.predicted === pName && s.trueLabel === tName && s.confidence !== null));
      }
    }
    assert.throws(() => listCellSamples(db, { modelId, split: "test", trueLabel: "9", predLabel: "h" }), NotFoundError);
    assert.throws(() => listCellSamples(db, { modelId: 999, split: "test", trueLabel: "h", predLabel: "h" }), NotFoundError);
  });

  it("scores against the labels samples have now: a relabel moves a sample into another cell after re-evaluation", async () => {
    const before = getLatestEvaluation(db, { modelId, split: "test" })!;
    const cell = listCellSamples(db, { modelId, split: "test", trueLabel: "h", predLabel: "h" });
    const sample = cell.items[0]!;
    relabelSamples({ db, ids: [sample.id], label: "v" });
    // The stored cell is the evaluation's: the sample is still there, marked relabelled, until re-evaluation.
    const still = listCellSamples(db, { modelId, split: "test", trueLabel: "h", predLabel: "h" }).items.find((s) => s.id === sample.id)!;
    assert.equal(still.label, "v");
    assert.equal(still.relabelled, true);
    const result = await evaluateModel({ db, modelId });
    assert.equal(result.evaluations[0]!.relabelledSinceRun, 1);
    const afterEval = getLatestEvaluation(db, { modelId, split: "test" })!;
    const [h, v] = [before.metrics.classes.indexOf("h"), before.metrics.classes.indexOf("v")];
    assert.equal(afterEval.metrics.confusion[h]![h], before.metrics.confusion[h]![h]! - 1);
    assert.equal(afterEval.metrics.confusion[v]![h], before.metrics.confusion[v]![h]! + 1);
    assert.ok(mostConfusedPairs(afterEval.metrics).some((p) => p.trueLabel === "v" && p.predLabel === "h" && p.count >= 1));
    assert.ok(listCellSamples(db, { modelId, split: "test", trueLabel: "v", predLabel: "h" }).items.some((s) => s.id === sample.id));
  });

  it("compares a model with itself as no change", () => {
    const c = compareModels(db, { a: modelId, b: modelId, split: "test" });
    assert.equal(c.common, 45);
    assert.ok(c.diff.every((row) => row.every((v) => v === 0)));
    assert.equal(c.fixed + c.broken, 0);
    assert.equal(c.a.accuracy, c.b.accuracy);
  });

  it("cross-validation ranks the flipped training labels near the top; accept and keep resolve issues", async () => {
    const t0 = Date.now();
    const summary = await crossValidateModel({ db, modelId, k: 3, epochs: 2 });
    assert.equal(summary.k, 3);
    assert.equal(summary.samples, 210);
    const { items } = listLabelIssues(db, { modelId, status: "open" });
    const top = items.slice(0, 2 * toy.flipped.size);
    const found = top.filter((i) => toy.flipped.has(i.sampleId)).length;
    console.log(`# cross-validation: ${found} of ${toy.flipped.size} flipped labels in the top ${2 * toy.flipped.size} (${items.length} issues, oof accuracy ${summary.oofAccuracy.toFixed(3)}, ${Date.now() - t0} ms)`);
    assert.ok(found >= 0.8 * toy.flipped.size, `${found} of ${toy.flipped.size}`);

    const [first, second] = items.filter((i) => toy.flipped.has(i.sampleId));
    const accepted = resolveLabelIssue(db, { id: first!.id, action: "accept" });
    assert.equal(accepted.issue.status, "accepted");
    assert.equal(accepted.issue.label, first!.suggestedLabel);
    const history = db.prepare(`SELECT origin, fromLabel, toLabel FROM label_changes WHERE sampleId = ? ORDER BY id DESC LIMIT 1`).get(first!.sampleId);
    assert.deepEqual(history, { origin: "suggestion", fromLabel: first!.givenLabel, toLabel: first!.suggestedLabel });
    assert.throws(() => resolveLabelIssue(db, { id: first!.id, action: "keep" }), CurationInputError);

    resolveLabelIssue(db, { id: second!.id, action: "keep" });
    assert.throws(() => resolveLabelIssue(db, { id: 99999, action: "keep" }), NotFoundError);
    // A later cross-validation leaves the kept label alone.
    const again = await crossValidateModel({ db, modelId, k: 3, epochs: 2 });
    const open = listLabelIssues(db, { modelId, status: "open" }).items;
    assert.ok(!open.some((i) => i.sampleId === second!.sampleId && i.givenLabel === second!.givenLabel));
    assert.ok(!open.some((i) => i.sampleId === first!.sampleId), "an accepted sample now has the right label");
    assert.ok(again.alreadyKept <= 1);
  });

  it("scores a model without a snapshot (the shipped one) on the stored split", async () => {
    const row = db.prepare(`SELECT * FROM models WHERE id = ?`).get(modelId) as Record<string, unknown>;
    const { id: other } = db
      .prepare(`INSERT INTO models (runId, name, dir, classes, config, engine, splitMode, sizeBytes, isCurrent, createdAt) VALUES (999, 'shipped', ?, ?, ?, 'wasm', 'stored', 0, 0, ?) RETURNING id`)
      .get(row.dir, row.classes, row.config, row.createdAt) as { id: number };
    const result = await evaluateModel({ db, modelId: other });
    assert.equal(result.evaluations[0]!.total, 45);
  });

  it("renders the first layer's filters and a sample's activation maps", async () => {
    const { filters, activations } = await visualizeModel({ db, modelId, sampleId: toy.ids[0]! });
    assert.equal(filters.filters, 4);
    assert.equal(activations!.layers[0]!.channels, 4);
    const model = db.prepare(`SELECT dir FROM models WHERE id = ?`).get(modelId) as { dir: string };
    for (const f of [filters.file, activations!.layers[0]!.file]) {
      const png = fs.readFileSync(path.join(model.dir, "viz", f));
      assert.equal(png.subarray(1, 4).toString(), "PNG");
    }
  });
});
