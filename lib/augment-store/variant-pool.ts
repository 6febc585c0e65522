import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { computeVariants, type VariantBatch, type VariantRequest } from "./variant-compute";

type Reply = { id: number; batch: VariantBatch; error?: undefined } | { id: number; error: string };

/**
 * Computes variant batches on worker threads, round-robin, so drawing images (about 80% of a
 * run's CPU time) uses every core while the main thread writes to SQLite. Falls back to
 * computing inline when threads cannot start (a bundled build without the .ts sources).
 */
export class VariantPool {
  private next = 0;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (b: VariantBatch) => void; reject: (e: Error) => void }>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on("message", (reply: Reply) => {
        const p = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.error !== undefined) p?.reject(new Error(`variant thread: ${reply.error}`));
        else p?.resolve(reply.batch);
      });
      worker.on("error", (err) => this.failAll(err));
    }
  }

  /** A pool of `threads` workers; 0 threads (or none startable) computes on the calling thread. */
  static create(threads: number = defaultThreads()): VariantPool {
    if (threads <= 0) return new VariantPool([]);
    try {
      const entry = threadEntry();
      return new VariantPool(Array.from({ length: threads }, () => spawnThread(entry)));
    } catch {
      return new VariantPool([]);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run(request: VariantRequest): Promise<VariantBatch> {
    if (this.workers.length === 0) return Promise.resolve(computeVariants(request));
    const worker = this.workers[this.next++ % this.workers.length]!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.failAll(new Error("variant pool closed"));
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** One thread per core: the main thread's SQLite writes are light enough to share a core. */
function defaultThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** As lib/ml/data-parallel.ts: --import loader hooks do not reach threads, so load tsx's CJS hook. */
function spawnThread(file: string): Worker {
  if (!file.endsWith(".ts")) return new Worker(file);
  const tsx = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json")).resolve("tsx/cjs");
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, { eval: true });
}

function threadEntry(): string {
  // turbopackIgnore: only the worker process (tsx) starts threads; Next must not trace the project for it.
  const dir = typeof __dirname === "string" ? __dirname : path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "augment-store");
  for (const name of ["variant-thread.ts", "variant-thread.js"]) {
    const file = path.join(/*turbopackIgnore: true*/ dir, name);
    if (existsSync(/*turbopackIgnore: true*/ file)) return file;
  }
  throw new Error(`variant-thread entry not found in ${dir}`);
}
