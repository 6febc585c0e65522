import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Uploads larger than this are refused: the full Kaggle archive is ~31 MB, so there is room. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/**
 * Streams an uploaded archive to `<dir>/<random>-<name>` (never held in memory whole) and
 * returns the path. Throws when it is empty or over the size limit, leaving no partial file.
 */
export async function saveUpload(options: { dir: string; name: string; body: ReadableStream<Uint8Array> }): Promise<string> {
  fs.mkdirSync(options.dir, { recursive: true });
  const safeName = path.basename(options.name).replace(/[^A-Za-z0-9._-]+/g, "_").slice(-120) || "upload";
  const file = path.join(options.dir, `${crypto.randomUUID().slice(0, 8)}-${safeName}`);
  let bytes = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      if (bytes > MAX_UPLOAD_BYTES) controller.error(new Error(`upload is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB`));
      else controller.enqueue(chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(options.body.pipeThrough(counter) as never), fs.createWriteStream(file));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  if (bytes === 0) {
    fs.rmSync(file, { force: true });
    throw new Error("the upload is empty");
  }
  return file;
}
