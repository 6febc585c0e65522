import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { registerWasmTrainingKernels } from "./wasm-kernels";

export type EngineName = "tfjs-node" | "wasm" | "cpu";

export interface EngineInfo {
  name: EngineName;
  /** Human-readable: backend, SIMD, threads, custom kernels, and why better engines were skipped. */
  details: string;
}

export interface InitEngineOptions {
  /** Force one engine (tests, benchmarks); by default the fastest that loads wins. */
  prefer?: EngineName;
}

const TFJS_NODE = "@tensorflow/tfjs-node";
let wasmReady: Promise<string> | null = null;
let tfjsNodeReady: Promise<boolean> | null = null;

/**
 * Selects the fastest available TensorFlow.js backend: tfjs-node (native libtensorflow, only
 * where its install script could download it), else wasm with our training kernels, else the
 * pure-JS cpu backend (under 5 samples/s: a last resort). Safe to call repeatedly.
 */
export async function initEngine(options: InitEngineOptions = {}): Promise<EngineInfo> {
  const skipped: string[] = [];
  const order: EngineName[] = options.prefer
    ? [options.prefer, ...(["tfjs-node", "wasm", "cpu"] as const).filter((n) => n !== options.prefer)]
    : ["tfjs-node", "wasm", "cpu"];
  for (const name of order) {
    try {
      if (name === "tfjs-node") {
        if (await loadTfjsNode()) {
          await switchTo("tensorflow");
          return { name, details: "native libtensorflow via @tensorflow/tfjs-node" };
        }
        skipped.push("tfjs-node not installed");
      } else if (name === "wasm") {
        const details = await loadWasm();
        await switchTo("wasm");
        return { name, details: [details, ...skipped].join("; ") };
      } else {
        await switchTo("cpu");
        return { name, details: ["pure JavaScript cpu backend (slow)", ...skipped].join("; ") };
      }
    } catch (error) {
      skipped.push(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${skipped.join("; ")}`);
}

/** The engine tf currently runs on (after initEngine). */
export function getEngineName(): EngineName {
  const backend = tf.getBackend();
  return backend === "tensorflow" ? "tfjs-node" : backend === "wasm" ? "wasm" : "cpu";
}

async function switchTo(backend: string): Promise<void> {
  if (tf.getBackend() === backend) return;
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend("${backend}") returned false`);
  await tf.ready();
}

function loadTfjsNode(): Promise<boolean> {
  tfjsNodeReady ??= (async () => {
    try {
      // A computed specifier keeps bundlers from resolving an optional dependency at build time.
      const specifier = TFJS_NODE;
      await import(/* webpackIgnore: true */ specifier);
      return tf.findBackend("tensorflow") != null || tf.engine().registryFactory["tensorflow"] != null;
    } catch {
      return false;
    }
  })();
  return tfjsNodeReady;
}

/** Directory holding the three .wasm binaries, resolved from the project (not the bundle). */
export function wasmBinaryDir(): string {
  const resolvers = [createRequire(path.join(process.cwd(), "package.json"))];
  if (typeof require === "function") resolvers.push(require as NodeJS.Require);
  for (const req of resolvers) {
    try {
      const main = req.resolve("@tensorflow/tfjs-backend-wasm");
      return path.join(path.dirname(main), path.sep);
    } catch {
      // try the next resolver
    }
  }
  throw new Error("cannot resolve @tensorflow/tfjs-backend-wasm");
}

function loadWasm(): Promise<string> {
  wasmReady ??= (async () => {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const dir = wasmBinaryDir();
    // Node reads these with fs, so plain paths work; the threaded build is never picked in Node.
    wasm.setWasmPaths({
      "tfjs-backend-wasm.wasm": path.join(dir, "tfjs-backend-wasm.wasm"),
      "tfjs-backend-wasm-simd.wasm": path.join(dir, "tfjs-backend-wasm-simd.wasm"),
      "tfjs-backend-wasm-threaded-simd.wasm": path.join(dir, "tfjs-backend-wasm-threaded-simd.wasm"),
    });
    await switchTo("wasm");
    const kernels = registerWasmTrainingKernels();
    const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    return `wasm backend (XNNPACK, simd=${simd}, threads=${wasm.getThreadsCount()}), custom kernels: ${kernels.join(", ")}`;
  })();
  wasmReady.catch(() => {
    wasmReady = null;
  });
  return wasmReady;
}
