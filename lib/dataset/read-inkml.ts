import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { ArchiveFormat } from "./read-archive";
import { IMAGE_EXTENSIONS, isIgnorable, type FolderItem } from "./read-folder";

export const INKML_EXTENSION = ".inkml";

export function isInkmlName(name: string): boolean {
  return name.toLowerCase().endsWith(INKML_EXTENSION);
}

/**
 * The .inkml files under a folder (any depth, CROHME keeps one folder per corpus), as paths
 * relative to it in sorted order; null when the folder is not an InkML dataset. The walk
 * gives up as soon as it has seen a folder of images and no ink, so telling a Kaggle folder
 * apart costs one class folder's listing, not all 375,000 files.
 */
export function findInkmlFiles(dir: string): string[] | null {
  const found: string[] = [];
  let images = 0;
  let gaveUp = false;
  const visit = (rel: string) => {
    if (gaveUp) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isIgnorable(entry.name)) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (isInkmlName(entry.name)) found.push(child);
      else if (IMAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) images++;
      if (found.length === 0 && images > 0) {
        gaveUp = true;
        return;
      }
    }
  };
  visit("");
  return found.length > images ? found : null;
}

/** Yields one entry per .inkml file of a folder, read lazily. */
export function* readInkmlFolder(dir: string, files: readonly string[]): Generator<FolderItem> {
  for (const rel of files) {
    yield { entry: { path: rel, rawLabel: "", load: async () => ({ kind: "encoded", bytes: await fs.promises.readFile(path.join(dir, rel)) }) } };
  }
}

/** How an archive member is handled in an InkML import: its path, or why it is skipped. */
export function classifyInkmlMember(name: string, bytes: () => Promise<Uint8Array>): FolderItem | null {
  const parts = name.split(/[\\/]+/).filter((p) => p.length > 0 && p !== ".");
  if (parts.length === 0 || parts.some(isIgnorable)) return null;
  const rel = parts.join("/");
  if (!isInkmlName(rel)) return { rejection: { path: rel, reason: `not an InkML file ("${path.extname(rel) || rel}")` } };
  return { entry: { path: rel, rawLabel: "", load: async () => ({ kind: "encoded", bytes: await bytes() }) } };
}

/**
 * Whether an archive holds InkML rather than class folders of images, decided without
 * unpacking it: a zip's central directory, or the tar headers within the first compressed
 * megabyte. planImport must answer synchronously (the API refuses a wrong path at once).
 */
export function isInkmlArchive(file: string, format: ArchiveFormat): boolean {
  const names = format === "zip" ? zipMemberNames(file) : tarMemberNames(file, format === "tar.gz");
  let ink = 0;
  let images = 0;
  for (const name of names) {
    if (isInkmlName(name)) ink++;
    else if (IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase())) images++;
  }
  return ink > images;
}

const PEEK_BYTES = 1 << 20;

function readHead(file: string, bytes: number, position = 0): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, position);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** File names from the tar headers found in the first megabyte; a damaged archive gives []. */
function tarMemberNames(file: string, gzip: boolean): string[] {
  let data = readHead(file, PEEK_BYTES);
  if (gzip) {
    try {
      // SYNC_FLUSH inflates a truncated stream as far as it goes instead of failing.
      data = zlib.gunzipSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch {
      return [];
    }
  }
  const names: string[] = [];
  for (let offset = 0; offset + 512 <= data.length; ) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, to: number) => header.toString("utf8", from, to).replace(/\0.*$/s, "");
    const size = parseInt(field(124, 136).trim() || "0", 8) || 0;
    const type = field(156, 157);
    const prefix = field(257, 263).startsWith("ustar") ? field(345, 500) : "";
    if (type === "0" || type === "") names.push(prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

/** File names from a zip's central directory; [] when it cannot be found. */
function zipMemberNames(file: string): string[] {
  const size = fs.statSync(file).size;
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KB.
  const tailStart = Math.max(0, size - 65_557);
  const tail = readHead(file, size - tailStart, tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || cdOffset + cdSize > size) return [];
  const cd = readHead(file, Math.min(cdSize, 16 * PEEK_BYTES), cdOffset);
  const names: string[] = [];
  for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const name = cd.toString("utf8", p + 46, p + 46 + nameLength);
    if (!name.endsWith("/")) names.push(name);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
