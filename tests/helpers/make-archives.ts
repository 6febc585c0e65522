import fs from "node:fs";
import zlib from "node:zlib";
import tarStream from "tar-stream";

/** Writes a .tar.gz holding the given files. */
export async function writeTarGz(file: string, entries: { name: string; data: Uint8Array }[]): Promise<void> {
  const pack = tarStream.pack();
  for (const e of entries) pack.entry({ name: e.name }, Buffer.from(e.data));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  fs.writeFileSync(file, zlib.gzipSync(Buffer.concat(chunks)));
}

/** Writes a .zip with stored (uncompressed) entries: enough to exercise the zip reader. */
export function writeZip(file: string, entries: { name: string; data: Uint8Array }[]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = Buffer.from(e.data);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, ...centrals, end]));
}

/** Writes MNIST-format idx3 images and idx1 labels (gzip-compressed when the name ends in .gz). */
export function writeIdx(imagesFile: string, labelsFile: string, images: Uint8Array[], labels: number[], rows = 28, cols = 28): void {
  const img = Buffer.alloc(16 + images.length * rows * cols);
  img.writeUInt32BE(0x803, 0);
  img.writeUInt32BE(images.length, 4);
  img.writeUInt32BE(rows, 8);
  img.writeUInt32BE(cols, 12);
  images.forEach((im, i) => img.set(im, 16 + i * rows * cols));
  const lab = Buffer.alloc(8 + labels.length);
  lab.writeUInt32BE(0x801, 0);
  lab.writeUInt32BE(labels.length, 4);
  labels.forEach((l, i) => (lab[8 + i] = l));
  const out = (f: string, b: Buffer) => fs.writeFileSync(f, f.endsWith(".gz") ? zlib.gzipSync(b) : b);
  out(imagesFile, img);
  out(labelsFile, lab);
}
