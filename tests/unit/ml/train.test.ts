import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { initEngine } from "../../../lib/ml/backend";
import { createModel } from "../../../lib/ml/create-model";
import { parseModelConfig } from "../../../lib/ml/model-config";
import { classWeights, train, type EpochLogs } from "../../../lib/ml/train";
import { shuffledIndices } from "../../../lib/ml/epoch-order";
import { toyImages } from "./helpers";

const small = { convFilters: [8], denseUnits: 16, dropout: 0.2, batchSize: 16, learningRate: 0.005, seed: 1 };

describe("train", () => {
  before(async () => {
    await initEngine({ prefer: "wasm" });
  });

  it("lowers the loss on a separable toy set and reports every epoch", async () => {
    const config = parseModelConfig({ ...small, epochs: 4 });
    const data = { train: toyImages(96, 1), val: toyImages(30, 2) };
    const epochs: EpochLogs[] = [];
    let batches = 0;
    const result = await train(createModel(config, 3), data, config, {
      onEpochEnd: (_, logs) => void epochs.push(logs),
      onBatchEnd: () => void batches++,
      batchThrottleMs: 0,
    });
    assert.equal(result.stopReason, "completed");
    assert.equal(epochs.length, 4);
    assert.equal(batches, 4 * 6);
    assert.ok(epochs[3]!.loss < epochs[0]!.loss * 0.7, `loss ${epochs[0]!.loss} -> ${epochs[3]!.loss}`);
    assert.ok(epochs[3]!.valAcc! >= 0.8, `val acc ${epochs[3]!.valAcc}`);
    for (const e of epochs) {
      assert.ok(e.samplesPerSec > 0 && Number.isFinite(e.valLoss!));
    }
  });

  it("applies the augmentation hook to every sample and stops on request", async () => {
    const config = parseModelConfig({ ...small, epochs: 5 });
    const seen = new Set<string>();
    const result = await train(createModel(config, 3), { train: toyImages(32, 1) }, config, {
      augment: (pixels, index, epoch) => {
        seen.add(`${epoch}:${index}`);
        return pixels.slice().reverse();
      },
      onEpochEnd: (epoch) => (epoch === 1 ? "stop" : undefined),
    });
    assert.equal(result.stopReason, "callback");
    assert.equal(result.epochsRun, 2);
    assert.equal(seen.size, 64);
  });

  it("sqrt-balanced sampling augments each repeat of a rare sample differently, and cosine ends near zero", async () => {
    const config = parseModelConfig({ ...small, epochs: 2, sampling: "sqrt-balanced", lrSchedule: "cosine" });
    // 60 of class 0, 6 of class 1: class 1 is drawn about 3x per epoch.
    const set = toyImages(66, 1);
    set.labels.fill(0);
    set.labels.fill(1, 60);
    const draws: { index: number; epoch: number }[] = [];
    const firstSeen = new Map<number, number>();
    const model = createModel(config, 3);
    const result = await train(model, { train: set }, config, {
      augment: (pixels, draw, epoch) => {
        draws.push({ index: draw, epoch });
        const key = pixels.reduce((h, p, i) => (h * 31 + p * (i + 1)) >>> 0, 0);
        firstSeen.set(key, (firstSeen.get(key) ?? 0) + 1);
        return pixels.slice();
      },
    });
    assert.equal(result.epochsRun, 2);
    assert.equal(draws.length, 2 * 66);
    assert.equal(new Set(draws.map((d) => `${d.epoch}:${d.index}`)).size, draws.length, "every draw has its own augmentation key");
    assert.ok(Math.max(...firstSeen.values()) > 2, "rare samples are drawn more than once per epoch");
    const rate = (model.optimizer as unknown as { learningRate: number }).learningRate;
    // 66 samples in batches of 16: 5 steps per epoch, 10 in all; the last step ran at step 9 of 10.
    const expected = 0.5 * config.learningRate * (1 + Math.cos((Math.PI * 9) / 10));
    assert.ok(Math.abs(rate - expected) < 1e-9, `last step's rate ${rate}, expected ${expected}`);
  });

  it("can be cancelled with an AbortSignal", async () => {
    const config = parseModelConfig({ ...small, epochs: 50, batchSize: 8 });
    const controller = new AbortController();
    const result = await train(createModel(config, 3), { train: toyImages(48, 1) }, config, {
      signal: controller.signal,
      onBatchEnd: (logs) => {
        if (logs.batch === 2) controller.abort();
      },
      batchThrottleMs: 0,
    });
    assert.equal(result.stopReason, "cancelled");
    assert.equal(result.epochsRun, 0);
  });

  it("stops early when the monitored loss stalls and restores the best weights", async () => {
    // A learning rate this high makes the loss diverge after the first epoch.
    const config = parseModelConfig({ ...small, epochs: 30, learningRate: 0.8, optimizer: "sgd", earlyStopping: { patience: 2 } });
    const data = { train: toyImages(32, 1), val: toyImages(15, 2) };
    const result = await train(createModel(config, 3), data, config);
    assert.equal(result.stopReason, "early-stopping");
    assert.ok(result.epochsRun < 30);
    const best = Math.min(...result.history.map((h) => h.valLoss!));
    assert.equal(result.history[result.bestEpoch]!.valLoss, best);
  });

  it("data-parallel training on 2 threads matches one thread", async () => {
    // No dropout and plain SGD: both runs must then take the same steps up to rounding.
    const config = parseModelConfig({ ...small, dropout: 0, optimizer: "sgd", learningRate: 0.05, epochs: 1, batchSize: 24 });
    const data = { train: toyImages(48, 5) };
    const one = createModel(config, 3);
    const two = createModel(config, 3);
    const r1 = await train(one, data, config);
    const r2 = await train(two, data, config, { threads: 2 });
    assert.equal(r1.threads, 1);
    assert.equal(r2.threads, 2, r2.threadsNote);
    const w1 = one.getWeights();
    const w2 = two.getWeights();
    w1.forEach((w, i) => {
      const a = w.dataSync();
      const b = w2[i]!.dataSync();
      let diff = 0;
      for (let k = 0; k < a.length; k++) diff = Math.max(diff, Math.abs(a[k]! - b[k]!));
      assert.ok(diff < 1e-5, `weight ${i} differs by ${diff}`);
    });
    assert.ok(Math.abs(r1.history[0]!.loss - r2.history[0]!.loss) < 1e-5);
    assert.equal(r1.history[0]!.acc, r2.history[0]!.acc);
  });

  it("rejects labels outside the model's classes", async () => {
    const config = parseModelConfig({ ...small, epochs: 1 });
    const data = toyImages(6, 1);
    data.labels[0] = 3;
    await assert.rejects(train(createModel(config, 3), { train: data }, config), /label 3/);
  });
});

describe("training helpers", () => {
  it("balanced class weights follow n / (k * count)", () => {
    const w = classWeights(Int32Array.from([0, 0, 0, 1]), 3, "balanced")!;
    // k counts the classes present, as sklearn's np.unique(y) does.
    [4 / 6, 2, 0].forEach((v, i) => assert.ok(Math.abs(w[i]! - v) < 1e-6, `class ${i}: ${w[i]}`));
    assert.equal(classWeights(Int32Array.from([0]), 2, "none"), null);
  });

  it("shuffles reproducibly and completely", () => {
    const a = shuffledIndices(50, 9);
    assert.deepEqual(Array.from(a), Array.from(shuffledIndices(50, 9)));
    assert.deepEqual(Array.from(a).sort((p, q) => p - q), Array.from({ length: 50 }, (_, i) => i));
    assert.notDeepEqual(Array.from(a), Array.from(shuffledIndices(50, 10)));
  });
});
