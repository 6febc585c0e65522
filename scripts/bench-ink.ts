/**
 * Benchmarks the InkML core on the CROHME training ink and checks the 1-px renders against the
 * pre-rendered Kaggle-style images.  Usage: npx tsx scripts/bench-ink.ts [--compare N]
 *
 * Reads both archives as streams (no extraction), so it needs no scratch space.
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import sharp from "sharp";
import tar from "tar-stream";
import { CANONICAL_SIZE } from "../lib/images/canonical-form";
import { isInkmlError } from "../lib/ink/inkml-error";
import { mapInkLabel } from "../lib/ink/map-label";
import { parseInkml } from "../lib/ink/parse-inkml";
import { renderSymbol } from "../lib/ink/render-strokes";
import { deriveWriterKey } from "../lib/ink/writer-key";
import { splitByWriter } from "../lib/ink/writer-split";

const DATA = "/work/shared/data";
const INKML_ARCHIVE = `${DATA}/crohme-train-inkml.tar.gz`;
const RENDERED_ARCHIVE = `${DATA}/crohme-train-rendered.tar.gz`;

async function* readArchive(path: string): AsyncGenerator<{ name: string; data: Buffer }> {
  const extract = tar.extract();
  createReadStream(path).pipe(createGunzip()).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    yield { name: entry.header.name, data: Buffer.concat(chunks) };
  }
}

/** "inkml/HAMEX/foo.inkml" -> { corpus: "HAMEX", file: "HAMEX/foo.inkml", fileName: "foo.inkml" } */
function locate(name: string): { corpus: string; file: string; fileName: string } {
  const parts = name.replace(/^\.\//, "").split("/").filter((p) => p !== "" && p !== "inkml");
  return { corpus: parts[0] ?? "", file: parts.join("/"), fileName: parts[parts.length - 1] ?? "" };
}

interface Sample {
  file: string;
  tracegroup: string;
  jpeg: Buffer;
}

async function loadComparisonSamples(every: number): Promise<Sample[]> {
  const jpegs = new Map<string, Buffer>();
  let manifest = "";
  for await (const { name, data } of readArchive(RENDERED_ARCHIVE)) {
    if (name.endsWith(".csv")) manifest = data.toString("utf8");
    else if (name.endsWith(".jpg")) jpegs.set(name.replace(/^\.\//, ""), data);
  }
  const rows = manifest.trim().split("\n").slice(1);
  const samples: Sample[] = [];
  for (let i = 0; i < rows.length; i += every) {
    // path,class,crohme_label,corpus,inkml_file,tracegroup_id,... : none of these hold commas.
    const [path, , , , file, tracegroup] = rows[i]!.split(",");
    const jpeg = path ? jpegs.get(path) : undefined;
    if (jpeg && file && tracegroup) samples.push({ file, tracegroup, jpeg });
  }
  return samples;
}

/** Fraction of `from`'s ink pixels with ink of `to` within one pixel (8-neighbourhood). */
function nearFraction(from: Uint8Array, to: Uint8Array): number {
  let ink = 0;
  let near = 0;
  for (let y = 0; y < CANONICAL_SIZE; y++) {
    for (let x = 0; x < CANONICAL_SIZE; x++) {
      if (!from[y * CANONICAL_SIZE + x]) continue;
      ink++;
      search: for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < CANONICAL_SIZE && ny < CANONICAL_SIZE && to[ny * CANONICAL_SIZE + nx]) {
            near++;
            break search;
          }
        }
      }
    }
  }
  return ink === 0 ? 1 : near / ink;
}

function exactOverlap(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] && b[i]) both++;
    if (a[i] || b[i]) either++;
  }
  return either === 0 ? 1 : both / either;
}

function summarise(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(1)}%`;
  return `mean ${pct(mean)}, median ${pct(sorted[Math.floor(sorted.length / 2)])}, min ${pct(sorted[0])}`;
}

async function main(): Promise<void> {
  const compareArg = process.argv.indexOf("--compare");
  const compareCount = compareArg > 0 ? Number(process.argv[compareArg + 1]) : 300;

  const samples = compareCount > 0 ? await loadComparisonSamples(Math.max(1, Math.floor(29120 / compareCount))) : [];
  const wanted = new Map<string, Sample[]>();
  for (const sample of samples) wanted.set(sample.file, [...(wanted.get(sample.file) ?? []), sample]);
  const mine = new Map<Sample, Uint8Array>();

  let files = 0;
  let symbols = 0;
  let parseMs = 0;
  let renderMs = 0;
  const malformed: string[] = [];
  const unknownLabels = new Map<string, number>();
  const writerItems: { id: string; writer: string | null }[] = [];
  const started = performance.now();
  for await (const { name, data } of readArchive(INKML_ARCHIVE)) {
    if (!name.endsWith(".inkml")) continue;
    files++;
    const { corpus, file, fileName } = locate(name);
    const t0 = performance.now();
    let doc;
    try {
      doc = parseInkml(data.toString("utf8"));
    } catch (error) {
      if (!isInkmlError(error)) throw error;
      malformed.push(`${file}: ${error.message}`);
      continue;
    } finally {
      parseMs += performance.now() - t0;
    }
    const t1 = performance.now();
    for (const symbol of doc.symbols) {
      const pixels = renderSymbol(doc, symbol);
      symbols++;
      for (const sample of wanted.get(file) ?? []) if (sample.tracegroup === symbol.id) mine.set(sample, pixels);
      if (symbol.label !== null && !mapInkLabel(symbol.label).known) {
        unknownLabels.set(symbol.label, (unknownLabels.get(symbol.label) ?? 0) + 1);
      }
    }
    renderMs += performance.now() - t1;
    writerItems.push({ id: file, writer: deriveWriterKey({ corpus, writer: doc.writer, fileName }) });
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(`files: ${files} (${malformed.length} malformed)`);
  console.log(`symbols rendered (stroke width 1): ${symbols}`);
  console.log(`wall time (gunzip + untar + parse + render): ${seconds.toFixed(2)} s`);
  console.log(`  ${(files / seconds).toFixed(0)} files/s, ${(symbols / seconds).toFixed(0)} symbols/s`);
  console.log(`  parse ${(parseMs / 1000).toFixed(2)} s, render ${(renderMs / 1000).toFixed(2)} s`);
  for (const line of malformed) console.log(`  malformed: ${line}`);

  const writers = new Set(writerItems.map((item) => item.writer).filter((w) => w !== null));
  const split = splitByWriter(writerItems, { train: 0.8, val: 0.1, test: 0.1 }, 42);
  console.log(
    `writer keys: ${writers.size} (+${writerItems.filter((i) => i.writer === null).length} files without one); ` +
      `file split 80/10/10: ${split.train.length}/${split.val.length}/${split.test.length}`,
  );
  const unknown = [...unknownLabels].sort((a, b) => b[1] - a[1]);
  console.log(`labels not in class-names (${unknown.length}): ${unknown.map(([l, n]) => `${l} ${n}`).join(", ")}`);

  if (samples.length === 0) return;
  const recall: number[] = [];
  const precision: number[] = [];
  const iou: number[] = [];
  let missing = 0;
  for (const sample of samples) {
    const render = mine.get(sample);
    if (!render) {
      missing++;
      continue;
    }
    const gray = await sharp(sample.jpeg).greyscale().raw().toBuffer();
    // The JPEGs are black ink on white; JPEG ringing stays well clear of mid-grey.
    const theirs = Uint8Array.from(gray, (v) => (v < 128 ? 1 : 0));
    const ours = Uint8Array.from(render, (v) => (v > 0 ? 1 : 0));
    recall.push(nearFraction(theirs, ours));
    precision.push(nearFraction(ours, theirs));
    iou.push(exactOverlap(theirs, ours));
  }
  console.log(`\ncomparison with crohme-train-rendered (${recall.length} symbols, ${missing} not found):`);
  console.log(`  their ink within 1 px of ours: ${summarise(recall)}`);
  console.log(`  our ink within 1 px of theirs: ${summarise(precision)}`);
  console.log(`  exact ink overlap (IoU):       ${summarise(iou)}`);
  console.log(`  symbols with >= 95% of their ink within 1 px: ${recall.filter((r) => r >= 0.95).length}/${recall.length}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
