import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type * as tf from "@tensorflow/tfjs";
import type { EngineName } from "./backend";
import type { ThreadReply, ThreadRequest } from "./train-thread";

interface Share {
  pixels: Float32Array;
  labels: Int32Array;
  sampleWeights: Float32Array | null;
}

type StepResult = { grads: Float32Array[]; loss: number; correct: number };

/**
 * A second training thread holding a replica of the model. Each step sends it the current
 * weights and its share of the batch, and resolves with that share's gradients.
 */
export class DataParallel {
  private nextId = 0;
  private pending = new Map<number, { resolve: (r: StepResult) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: ThreadReply) => {
      if (reply.type === "result") {
        this.pending.get(reply.id)?.resolve(reply);
        this.pending.delete(reply.id);
      } else if (reply.type === "error") {
        this.fail(new Error(`training thread: ${reply.message}`));
      }
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      if (this.pending.size > 0) this.fail(new Error(`training thread exited with code ${code}`));
    });
  }

  /** Starts the thread and builds the replica; rejects when a worker cannot run here. */
  static async start(model: tf.LayersModel, engine: EngineName): Promise<DataParallel> {
    const worker = spawnThread(threadEntry());
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: ThreadReply) => {
        worker.off("error", reject);
        if (reply.type === "ready") resolve();
        else reject(new Error(reply.type === "error" ? reply.message : "unexpected reply"));
      };
      worker.once("message", onMessage);
      worker.once("error", reject);
    });
    const init: ThreadRequest = { type: "init", topology: JSON.stringify(model.toJSON(null, false)), engine };
    worker.postMessage(init);
    try {
      await ready;
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return new DataParallel(worker);
  }

  step(vars: tf.Variable[], share: Share, numClasses: number): Promise<StepResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const weights = vars.map((v) => (v.dataSync() as Float32Array).slice());
    const msg: ThreadRequest = { type: "step", id, weights, ...share, numClasses };
    const transfer = [...weights.map((w) => w.buffer as ArrayBuffer), share.pixels.buffer as ArrayBuffer];
    return new Promise<StepResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(msg, transfer);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage({ type: "close" } satisfies ThreadRequest);
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/**
 * Loader hooks registered with --import do not reach worker threads, so a .ts entry is loaded
 * through tsx's CommonJS hook explicitly. A bundled build without the source cannot start it.
 */
function spawnThread(file: string): Worker {
  if (!file.endsWith(".ts")) return new Worker(file);
  const tsx = createRequire(path.join(process.cwd(), "package.json")).resolve("tsx/cjs");
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, { eval: true });
}

function threadEntry(): string {
  const dir = typeof __dirname === "string" ? __dirname : path.join(process.cwd(), "lib", "ml");
  for (const name of ["train-thread.ts", "train-thread.js"]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`train-thread entry not found in ${dir}`);
}
