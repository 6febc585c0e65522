import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { initEngine } from "../../../lib/ml/backend";
import { createModel } from "../../../lib/ml/create-model";
import { parseModelConfig } from "../../../lib/ml/model-config";
import { shiftOutputLogits, sqrtSamplingLogShift } from "../../../lib/ml/prior-correction";
import { train } from "../../../lib/ml/train";
import { maxAbsDiff, toyImages } from "./helpers";

const small = { convFilters: [4], denseUnits: 8, dropout: 0, batchSize: 16, learningRate: 0.01, seed: 3 };

function outputBias(model: tf.LayersModel): Float32Array {
  return model.layers[model.layers.length - 1]!.getWeights()[1]!.dataSync() as Float32Array;
}

describe("prior correction after sqrt-balanced sampling", () => {
  before(async () => {
    await initEngine({ prefer: "wasm" });
  });

  it("shifts each class by log(true count / sampled count)", () => {
    const labels = Int32Array.from([...new Array(400).fill(0), ...new Array(100).fill(1), ...new Array(25).fill(2)]);
    // Sampled 300 / 150 / 75 of 525 (sqrt shares).
    const shift = sqrtSamplingLogShift(labels, 4);
    assert.ok(maxAbsDiff(shift, [Math.log(4 / 3), Math.log(2 / 3), Math.log(1 / 3), 0]) < 1e-6);
  });

  it("turns the output into p * exp(shift), renormalised", () => {
    const config = parseModelConfig(small);
    const model = createModel(config, 3);
    const { x } = toyImages(6, 5);
    const input = tf.tensor4d(Float32Array.from(x, (v) => v / 255), [6, 45, 45, 1]);
    const before = (model.predict(input) as tf.Tensor).arraySync() as number[][];
    const shift = Float32Array.from([0.5, -1, 2]);
    shiftOutputLogits(model, shift);
    const after = (model.predict(input) as tf.Tensor).arraySync() as number[][];
    for (let r = 0; r < 6; r++) {
      const w = before[r]!.map((p, c) => p * Math.exp(shift[c]!));
      const sum = w.reduce((a, b) => a + b, 0);
      assert.ok(maxAbsDiff(after[r]!, w.map((v) => v / sum)) < 1e-5, `row ${r}`);
    }
    input.dispose();
  });

  it("is applied by train() to the model it returns, and only with sqrt-balanced sampling", async () => {
    const set = toyImages(90, 2);
    // 60 / 20 / 10: imbalanced, so the shift is not uniform.
    set.labels.fill(0, 0, 60);
    set.labels.fill(1, 60, 80);
    set.labels.fill(2, 80);
    for (const sampling of ["sqrt-balanced", "shuffle"] as const) {
      const config = parseModelConfig({ ...small, epochs: 1, sampling });
      const model = createModel(config, 3);
      let lastEpochBias: Float32Array | null = null;
      await train(model, { train: set }, config, { onEpochEnd: () => void (lastEpochBias = outputBias(model).slice()) });
      const moved = Array.from(outputBias(model), (b, c) => b - lastEpochBias![c]!);
      const expected = sampling === "shuffle" ? [0, 0, 0] : Array.from(sqrtSamplingLogShift(set.labels, 3));
      assert.ok(maxAbsDiff(moved, expected) < 1e-5, `${sampling}: bias moved by ${moved}, expected ${expected}`);
    }
  });
});
