import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { ImportInputError, type ImportEntry } from "./import-types";

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;
const IDX3 = /-idx3-ubyte(\.gz)?$/;

export function isMnistImagesFile(file: string): boolean {
  return IDX3.test(path.basename(file));
}

/** The idx3 image files of a folder, for a folder that holds MNIST. */
export function findMnistImageFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => IDX3.test(n)).sort().map((n) => path.join(dir, n));
}

/** The labels file that goes with an images file: `t10k-images-idx3-ubyte.gz` -> `t10k-labels-idx1-ubyte[.gz]`. */
export function findLabelsFile(imagesFile: string): string {
  const dir = path.dirname(imagesFile);
  const stem = path.basename(imagesFile).replace(IDX3, "").replace(/images$/, "labels");
  for (const candidate of [`${stem}-idx1-ubyte`, `${stem}-idx1-ubyte.gz`]) {
    if (fs.existsSync(path.join(dir, candidate))) return path.join(dir, candidate);
  }
  throw new ImportInputError(`no labels file for ${path.basename(imagesFile)}: expected ${stem}-idx1-ubyte[.gz] beside it`);
}

function readMaybeGzip(file: string): Buffer {
  const raw = fs.readFileSync(file);
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return zlib.gunzipSync(raw);
    } catch (err) {
      throw new ImportInputError(`${path.basename(file)} is a damaged gzip file: ${(err as Error).message}`);
    }
  }
  return raw;
}

export interface MnistSet {
  imagesFile: string;
  count: number;
  entries: ImportEntry[];
}

/**
 * Reads an MNIST idx3 images file and its idx1 labels. Each record's original bytes are its raw
 * rows x cols pixels (white on black), and its origin path is `<file>#<index>`.
 */
export function readMnist(imagesFile: string): MnistSet {
  if (!fs.existsSync(imagesFile)) throw new ImportInputError(`${imagesFile} does not exist`);
  const labelsFile = findLabelsFile(imagesFile);
  const images = readMaybeGzip(imagesFile);
  const labels = readMaybeGzip(labelsFile);
  if (images.length < 16 || images.readUInt32BE(0) !== IMAGES_MAGIC) {
    throw new ImportInputError(`${path.basename(imagesFile)} is not an idx3 image file (bad magic number)`);
  }
  if (labels.length < 8 || labels.readUInt32BE(0) !== LABELS_MAGIC) {
    throw new ImportInputError(`${path.basename(labelsFile)} is not an idx1 label file (bad magic number)`);
  }
  const count = images.readUInt32BE(4);
  const rows = images.readUInt32BE(8);
  const cols = images.readUInt32BE(12);
  const labelCount = labels.readUInt32BE(4);
  if (labelCount !== count) {
    throw new ImportInputError(`${path.basename(imagesFile)} holds ${count} images but ${path.basename(labelsFile)} ${labelCount} labels`);
  }
  const size = rows * cols;
  const available = Math.floor((images.length - 16) / size);
  const name = path.basename(imagesFile);
  const entries: ImportEntry[] = [];
  for (let i = 0; i < count; i++) {
    const label = labels[8 + i];
    const truncated = i >= available || label === undefined;
    entries.push({
      path: `${name}#${i}`,
      rawLabel: String(label ?? "?"),
      load: async () => {
        if (truncated) throw new Error("record is cut off: the idx file is shorter than its header says");
        return {
          kind: "raw",
          bytes: images.subarray(16 + i * size, 16 + (i + 1) * size),
          width: cols,
          height: rows,
          originalType: `application/x-idx-u8;${cols}x${rows}`,
          polarity: "light-on-dark",
        };
      },
    });
  }
  return { imagesFile, count, entries };
}
