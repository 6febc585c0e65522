/** worker_threads entry for the variant pool (variant-pool.ts): computes batches on another core. */
import { parentPort } from "node:worker_threads";
import { computeVariants, type VariantRequest } from "./variant-compute";

parentPort!.on("message", (message: { id: number; request: VariantRequest }) => {
  try {
    const batch = computeVariants(message.request);
    parentPort!.postMessage({ id: message.id, batch }, [batch.pixels.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
});
