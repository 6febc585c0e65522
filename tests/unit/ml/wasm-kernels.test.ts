import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { initEngine } from "../../../lib/ml/backend";
import { createModel } from "../../../lib/ml/create-model";
import { parseModelConfig } from "../../../lib/ml/model-config";
import { train } from "../../../lib/ml/train";
import { maxAbs, maxAbsDiff, toyImages } from "./helpers";

type Backend = "cpu" | "wasm";

async function on<T>(backend: Backend, f: () => T | Promise<T>): Promise<T> {
  const engine = await initEngine({ prefer: backend });
  assert.equal(engine.name, backend);
  return f();
}

function seeded(shape: number[], seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, 1, "float32", seed);
}

/** Values and gradients of f with respect to every input, read back as plain arrays. */
function gradients(f: (...xs: tf.Tensor[]) => tf.Tensor, shapes: number[][]): Float32Array[] {
  return tf.tidy(() => {
    const xs = shapes.map((s, i) => seeded(s, 100 + i));
    const { value, grads } = tf.valueAndGrads((...args: tf.Tensor[]) => f(...args) as tf.Scalar)(xs);
    return [value, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

async function compare(name: string, f: (...xs: tf.Tensor[]) => tf.Tensor, shapes: number[][], tolerance = 1e-4) {
  const expected = await on("cpu", () => gradients(f, shapes));
  const actual = await on("wasm", () => gradients(f, shapes));
  expected.forEach((e, i) => {
    const scale = Math.max(1, maxAbs(e));
    const diff = maxAbsDiff(e, actual[i]!);
    assert.ok(diff <= tolerance * scale, `${name}: output ${i} differs by ${diff} (scale ${scale})`);
  });
}

describe("wasm training kernels match the cpu backend", () => {
  before(async () => {
    const engine = await initEngine({ prefer: "wasm" });
    assert.equal(engine.name, "wasm");
    assert.match(engine.details, /Conv2DBackpropFilter/);
  });

  const loss = (y: tf.Tensor, w: tf.Tensor) => tf.sum(tf.mul(y, w));
  for (const [label, xShape, fShape, stride, pad] of [
    ["1 channel, valid", [3, 12, 11, 1], [3, 3, 1, 4], 1, "valid"],
    ["16 channels, valid (im2col)", [2, 9, 10, 16], [3, 3, 16, 8], 1, "valid"],
    ["16 channels, same (im2col with padding)", [2, 9, 10, 16], [3, 3, 16, 8], 1, "same"],
    ["3 channels, same, 5x5", [2, 8, 8, 3], [5, 5, 3, 2], 1, "same"],
    ["strided 2, same", [2, 9, 9, 8], [3, 3, 8, 4], 2, "same"],
    ["strided 2, valid, 12 channels", [2, 9, 9, 12], [2, 2, 12, 4], 2, "valid"],
  ] as const) {
    it(`conv2d gradients: ${label}`, async () => {
      const outShape = await on("cpu", () =>
        tf.conv2d(tf.zeros([...xShape]) as tf.Tensor4D, tf.zeros([...fShape]) as tf.Tensor4D, stride, pad).shape,
      );
      await compare(
        label,
        (x, f, w) => loss(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, stride, pad), w!),
        [xShape as unknown as number[], fShape as unknown as number[], outShape],
      );
    });
  }

  for (const [label, shape, size, stride, pad] of [
    ["2x2/2 valid", [2, 9, 8, 5], 2, 2, "valid"],
    ["3x3/2 same (overlapping, padded)", [2, 9, 8, 5], 3, 2, "same"],
    ["3x3/1 valid", [1, 6, 6, 3], 3, 1, "valid"],
  ] as const) {
    it(`maxPool gradient: ${label}`, async () => {
      const outShape = await on("cpu", () => tf.maxPool(tf.zeros([...shape]) as tf.Tensor4D, size, stride, pad).shape);
      await compare(label, (x, w) => loss(tf.maxPool(x as tf.Tensor4D, size, stride, pad), w!), [shape as unknown as number[], outShape]);
    });
  }

  it("matMul gradients with every transpose combination", async () => {
    for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      const a = ta ? [7, 5] : [5, 7];
      const b = tb ? [3, 7] : [7, 3];
      await compare(`matMul ${ta} ${tb}`, (x, y, w) => loss(tf.matMul(x!, y!, ta, tb), w!), [a, b, [5, 3]]);
    }
  });

  it("bias add, sum over leading axes, identity and cast", async () => {
    await compare("bias add", (x, b, w) => loss(tf.relu(tf.add(x!, b!)), w!), [[2, 4, 3, 6], [6], [2, 4, 3, 6]]);
    await compare("bias add (bias first)", (x, b, w) => loss(tf.add(b!, x!), w!), [[3, 6], [6], [3, 6]]);
    await compare("sum", (x) => tf.sum(tf.mul(tf.sum(x!, [0, 1], true), tf.sum(x!, [0]))), [[3, 4, 5]]);
    await compare("cast/identity", (x) => tf.sum(tf.mul(tf.cast(tf.clone(x!), "float32"), x!)), [[4, 5]]);
  });

  it("a small CNN gives the same outputs and the same weights after 3 SGD steps", async () => {
    const config = parseModelConfig({
      convFilters: [4, 8],
      denseUnits: 16,
      dropout: 0,
      optimizer: "sgd",
      learningRate: 0.05,
      batchSize: 8,
      epochs: 1,
      seed: 7,
    });
    const data = toyImages(24, 3);
    const run = async () => {
      const model = createModel(config, 3);
      const probe = tf.tensor4d(Float32Array.from(data.x.subarray(0, 4 * 2025), (v) => v / 255), [4, 45, 45, 1]);
      const outputs = (model.predict(probe) as tf.Tensor).dataSync().slice();
      await train(model, { train: data }, config);
      const weights = model.getWeights().map((w) => w.dataSync().slice());
      const after = (model.predict(probe) as tf.Tensor).dataSync().slice();
      return { outputs, weights, after };
    };
    const cpu = await on("cpu", run);
    const wasm = await on("wasm", run);
    assert.ok(maxAbsDiff(cpu.outputs, wasm.outputs) < 1e-5, "initial predictions differ");
    cpu.weights.forEach((w, i) => {
      const diff = maxAbsDiff(w, wasm.weights[i]!);
      assert.ok(diff < 1e-4 * Math.max(1, maxAbs(w)), `weight ${i} differs by ${diff}`);
    });
    assert.ok(maxAbsDiff(cpu.after, wasm.after) < 1e-4, "predictions after training differ");
    assert.ok(maxAbsDiff(cpu.outputs, cpu.after) > 1e-4, "training did not change the model");
  });
});
