import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { ZodError } from "zod";
import { initEngine } from "../../../lib/ml/backend";
import { createModel } from "../../../lib/ml/create-model";
import { checkedModelConfigSchema, parseModelConfig } from "../../../lib/ml/model-config";

describe("model config", () => {
  it("fills the Keras defaults", () => {
    const c = parseModelConfig({});
    assert.deepEqual(c.convFilters, [32, 64]);
    assert.equal(c.kernelSize, 3);
    assert.equal(c.poolSize, 2);
    assert.equal(c.denseUnits, 128);
    assert.equal(c.dropout, 0.4);
    assert.equal(c.activation, "relu");
    assert.equal(c.optimizer, "adam");
    assert.equal(c.learningRate, 0.001);
    assert.equal(c.batchSize, 64);
    assert.equal(c.classWeights, "none");
    assert.equal(c.earlyStopping, undefined);
    assert.deepEqual(parseModelConfig({ earlyStopping: { patience: 3 } }).earlyStopping, {
      patience: 3,
      minDelta: 0,
      restoreBestWeights: true,
    });
  });

  for (const [field, input] of [
    ["kernelSize", { kernelSize: 7 }],
    ["activation", { activation: "softplus" }],
    ["learningRate", { learningRate: -1 }],
    ["optimizer", { optimizer: "adagrad" }],
    ["earlyStopping", { earlyStopping: { patience: 0 } }],
    ["convFilters", { convFilters: [] }],
  ] as const) {
    it(`rejects a bad ${field} with an error naming it`, () => {
      assert.throws(
        () => parseModelConfig(input),
        (error: unknown) => error instanceof ZodError && error.issues.some((i) => i.path[0] === field),
      );
    });
  }

  it("rejects stacks that shrink 45x45 to nothing", () => {
    const result = checkedModelConfigSchema.safeParse({ convFilters: [8, 8, 8, 8], kernelSize: 5, poolSize: 2 });
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.path[0], "convFilters");
  });
});

describe("createModel", () => {
  before(async () => {
    await initEngine({ prefer: "wasm" });
  });

  for (const [label, input, classes, flat] of [
    ["defaults", {}, 17, 9 * 9 * 64],
    ["one 5x5 stage", { convFilters: [16], kernelSize: 5 }, 10, 20 * 20 * 16],
    ["three stages, pool 2", { convFilters: [8, 16, 32], kernelSize: 3 }, 40, 3 * 3 * 32],
    ["tanh, no dropout, pool 3", { convFilters: [8], poolSize: 3, dropout: 0, activation: "tanh" }, 2, 14 * 14 * 8],
  ] as const) {
    it(`builds ${label}`, () => {
      const config = parseModelConfig(input);
      const model = createModel(config, classes);
      assert.deepEqual(model.inputs[0]!.shape, [null, 45, 45, 1]);
      assert.deepEqual(model.outputs[0]!.shape, [null, classes]);
      const flatten = model.getLayer("flatten");
      assert.deepEqual(flatten.outputShape, [null, flat]);
      assert.equal(model.layers.some((l) => l.name === "dropout"), config.dropout > 0);
      model.dispose();
    });
  }

  it("is deterministic for a seed", () => {
    const config = parseModelConfig({ convFilters: [4], denseUnits: 8, seed: 3 });
    const a = createModel(config, 3).getWeights()[0]!.dataSync();
    const b = createModel(config, 3).getWeights()[0]!.dataSync();
    const c = createModel({ ...config, seed: 4 }, 3).getWeights()[0]!.dataSync();
    assert.deepEqual(Array.from(a), Array.from(b));
    assert.notDeepEqual(Array.from(a), Array.from(c));
  });

  it("refuses fewer than two classes", () => {
    assert.throws(() => createModel(parseModelConfig({}), 1), /numClasses/);
  });
});
