/**
 * worker_threads entry for data-parallel training (see data-parallel.ts): holds a replica of the
 * model, and for each step loads the main thread's weights and returns the gradients of the
 * mean loss over its share of the batch. The wasm backend is single-threaded in Node, so this
 * is how a second core gets used.
 */
import { parentPort } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs";
import { initEngine, type EngineName } from "./backend";
import { batchGradients, trainableVariables } from "./train";

export type ThreadRequest =
  | { type: "init"; topology: string; engine: EngineName }
  | {
      type: "step";
      id: number;
      weights: Float32Array[];
      pixels: Float32Array;
      labels: Int32Array;
      sampleWeights: Float32Array | null;
      numClasses: number;
    }
  | { type: "close" };

export type ThreadReply =
  | { type: "ready"; engine: EngineName }
  | { type: "result"; id: number; grads: Float32Array[]; loss: number; correct: number }
  | { type: "error"; message: string };

let model: tf.LayersModel | null = null;

async function handle(msg: ThreadRequest): Promise<ThreadReply | null> {
  if (msg.type === "close") {
    model?.dispose();
    parentPort!.close();
    return null;
  }
  if (msg.type === "init") {
    const engine = await initEngine({ prefer: msg.engine });
    model = await tf.models.modelFromJSON(JSON.parse(msg.topology));
    // One throw-away step compiles the kernels' JS and wasm paths before the first real batch.
    const shape = model.outputs[0]!.shape;
    const k = shape[shape.length - 1] as number;
    tf.dispose(batchGradients(model, new Float32Array(2 * 45 * 45), new Int32Array(2), null, k).grads);
    return { type: "ready", engine: engine.name };
  }
  if (!model) throw new Error("step before init");
  const vars = trainableVariables(model);
  vars.forEach((v, i) => {
    const t = tf.tensor(msg.weights[i]!, v.shape);
    v.assign(t);
    t.dispose();
  });
  const { grads, loss, correct } = batchGradients(model, msg.pixels, msg.labels, msg.sampleWeights, msg.numClasses);
  const arrays = grads.map((g) => {
    // A copy: the reply transfers its buffer, and the cpu backend hands out its own storage.
    const data = Float32Array.from(g.dataSync() as Float32Array);
    g.dispose();
    return data;
  });
  return { type: "result", id: msg.id, grads: arrays, loss, correct };
}

if (parentPort) {
  parentPort.on("message", (msg: ThreadRequest) => {
    handle(msg).then(
      (reply) => {
        if (!reply) return;
        const transfer = reply.type === "result" ? reply.grads.map((g) => g.buffer as ArrayBuffer) : [];
        parentPort!.postMessage(reply, transfer);
      },
      (error: unknown) => parentPort!.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) }),
    );
  });
}
