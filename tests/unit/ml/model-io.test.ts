import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { initEngine } from "../../../lib/ml/backend";
import { createModel } from "../../../lib/ml/create-model";
import { predict } from "../../../lib/ml/evaluate";
import { loadModel, readModelMetadata, saveModel } from "../../../lib/ml/model-io";
import { parseModelConfig } from "../../../lib/ml/model-config";
import { train } from "../../../lib/ml/train";
import { toyImages } from "./helpers";

describe("model-io", () => {
  let dir: string;
  before(async () => {
    await initEngine({ prefer: "wasm" });
    dir = mkdtempSync(path.join(os.tmpdir(), "inkset-model-io-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("round-trips a trained model with identical predictions and metadata", async () => {
    const config = parseModelConfig({ convFilters: [4, 8], denseUnits: 16, epochs: 1, batchSize: 8 });
    const data = toyImages(16, 4);
    const model = createModel(config, 3);
    await train(model, { train: data }, config);
    const target = path.join(dir, "models", "m1");
    await saveModel(model, target, { metadata: { classNames: ["a", "b", "c"], config } });
    assert.deepEqual(readdirSync(target).sort(), ["model.json", "weights.bin"]);
    assert.deepEqual(readdirSync(path.dirname(target)), ["m1"], "no temp dir left behind");

    const loaded = await loadModel(target);
    const before = await predict(model, data.x);
    const afterLoad = await predict(loaded, data.x);
    assert.deepEqual(Array.from(afterLoad), Array.from(before));
    assert.deepEqual((await readModelMetadata(target))?.classNames, ["a", "b", "c"]);

    // Saving again over an existing model replaces it atomically.
    const other = createModel({ ...config, seed: 99 }, 3);
    await saveModel(other, target);
    const replaced = await predict(await loadModel(target), data.x);
    assert.deepEqual(Array.from(replaced), Array.from(await predict(other, data.x)));
    assert.deepEqual(readdirSync(path.dirname(target)), ["m1"]);
    assert.equal(existsSync(path.join(target, "model.json")), true);
  });
});
