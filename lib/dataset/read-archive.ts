import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import tarStream from "tar-stream";
import yauzl from "yauzl";
import { ImportInputError } from "./import-types";
import type { FolderItem } from "./read-folder";
import { IMAGE_EXTENSIONS, isIgnorable } from "./read-folder";

export type ArchiveFormat = "zip" | "tar" | "tar.gz";

/** Archive format from the file's first bytes (an upload's name may not tell). */
export function detectArchiveFormat(file: string): ArchiveFormat | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(262);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    if (n >= 4 && head.readUInt32LE(0) === 0x04034b50) return "zip";
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "tar.gz";
    if (n >= 262 && head.toString("ascii", 257, 262) === "ustar") return "tar";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

export interface ArchiveReader {
  items: AsyncGenerator<FolderItem>;
  /** Fraction of the archive's bytes consumed so far, for the progress bar. */
  fraction(): number;
}

/** Turns an archive member (name, lazy bytes) into an entry, a rejection, or nothing (skipped). */
export type ClassifyMember = (name: string, bytes: () => Promise<Uint8Array>) => FolderItem | null;

/**
 * Streams the images of a zip or tar(.gz) of class folders. A file's class is the folder it sits
 * in; its origin path is `<class>/<file>`, the same as a folder import of the unpacked archive,
 * so importing either way stores the same rows. `classifyMember` replaces that rule for other
 * layouts (InkML archives keep each file's full path).
 */
export function readArchive(file: string, classifyMember: ClassifyMember = classify): ArchiveReader {
  const format = detectArchiveFormat(file);
  if (!format) throw new ImportInputError(`${path.basename(file)} is not a .zip, .tar or .tar.gz archive`);
  const size = fs.statSync(file).size || 1;
  let read = 0;
  const items =
    format === "zip" ? readZip(file, classifyMember, (n) => (read = n)) : readTar(file, format === "tar.gz", classifyMember, (n) => (read += n));
  return { items, fraction: () => Math.min(1, read / size) };
}

function classify(name: string, bytes: () => Promise<Uint8Array>): FolderItem | null {
  const parts = name.split(/[\\/]+/).filter((p) => p.length > 0);
  if (parts.some(isIgnorable)) return null;
  const base = parts[parts.length - 1]!;
  const folder = parts[parts.length - 2];
  if (!folder) return { rejection: { path: base, reason: "not inside a class folder (images must sit in one sub-folder per class)" } };
  const rel = `${folder}/${base}`;
  const ext = path.extname(base).toLowerCase();
  if (!IMAGE_EXTENSIONS.has(ext)) return { rejection: { path: rel, reason: `unsupported file type "${ext || base}"` } };
  return { entry: { path: rel, rawLabel: folder, load: async () => ({ kind: "encoded", bytes: await bytes() }) } };
}

async function* readTar(file: string, gzip: boolean, classify: ClassifyMember, onBytes: (n: number) => void): AsyncGenerator<FolderItem> {
  const input = fs.createReadStream(file);
  input.on("data", (chunk) => onBytes(chunk.length));
  const extract = tarStream.extract();
  const source = gzip ? input.pipe(zlib.createGunzip()) : input;
  source.on("error", (err: Error) => extract.destroy(new ImportInputError(`archive is damaged: ${err.message}`)));
  source.pipe(extract);
  for await (const entry of extract) {
    if (entry.header.type !== "file") {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const item = classify(entry.header.name, async () => bytes);
    if (item) yield item;
  }
}

async function* readZip(file: string, classify: ClassifyMember, onOffset: (n: number) => void): AsyncGenerator<FolderItem> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, z) =>
      err || !z ? reject(new ImportInputError(`archive is damaged: ${err?.message ?? "unreadable zip"}`)) : resolve(z),
    ),
  );
  try {
    while (true) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once("entry", resolve);
        zip.once("end", () => resolve(null));
        zip.once("error", reject);
        zip.readEntry();
      });
      zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      if (!entry) return;
      onOffset(entry.relativeOffsetOfLocalHeader + entry.compressedSize);
      if (entry.fileName.endsWith("/")) continue;
      const bytes = await new Promise<Buffer>((resolve, reject) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error("cannot open entry"));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => resolve(Buffer.concat(chunks)));
          stream.on("error", reject);
        }),
      ).catch((err: Error) => err);
      if (bytes instanceof Error) {
        yield { rejection: { path: entry.fileName, reason: `cannot read from archive: ${bytes.message}` } };
        continue;
      }
      const item = classify(entry.fileName, async () => bytes);
      if (item) yield item;
    }
  } finally {
    zip.close();
  }
}
