import fs from "node:fs/promises";
import path from "node:path";
import type Database from "better-sqlite3";
import sharp from "sharp";
import * as tf from "@tensorflow/tfjs";
import { initEngine } from "../ml/backend";
import { loadModel } from "../ml/model-io";
import { CANONICAL_SIZE } from "../images/canonical-form";
import { NotFoundError } from "../dataset/curation-errors";
import { requireModel } from "./evaluation-store";
import { vizDir, type ActivationManifest, type FiltersManifest } from "./viz-files";

const FILTER_SCALE = 20;
const MAP_SCALE = 3;
const GAP = 2;

/**
 * Renders what a model learned, in the worker (TensorFlow.js stays out of the web server): the
 * first conv layer's kernels as a grid of small images (red positive, blue negative weights),
 * and, for a chosen sample, every conv layer's activation maps (brighter = stronger response).
 * PNGs and a JSON manifest are cached in the model's viz/ folder.
 */
export async function visualizeModel(options: { db: Database.Database; modelId: number; sampleId?: number }): Promise<{ filters: FiltersManifest; activations: ActivationManifest | null }> {
  const { db } = options;
  const model = requireModel(db, options.modelId);
  const classes = JSON.parse(model.classes) as string[];
  const sample = options.sampleId === undefined
    ? null
    : (db.prepare(`SELECT id, label, canonical FROM samples WHERE id = ?`).get(options.sampleId) as { id: number; label: string; canonical: Buffer } | undefined);
  if (options.sampleId !== undefined && !sample) throw new NotFoundError(`no sample ${options.sampleId}`);
  await initEngine();
  const net = await loadModel(model.dir);
  const dir = vizDir(model.dir);
  await fs.mkdir(dir, { recursive: true });
  try {
    const conv = net.layers.filter((l) => l.getClassName() === "Conv2D");
    const first = conv[0];
    if (!first) throw new Error(`model ${model.id} has no convolution layer`);
    const kernel = first.getWeights()[0]!;
    const [kh, kw, inC, outC] = kernel.shape as [number, number, number, number];
    if (kw !== kh) throw new Error("non-square kernels are not rendered");
    const w = await kernel.data();
    const cells: { rgb: Uint8Array; size: number }[] = [];
    let maxAbs = 0;
    for (let f = 0; f < outC; f++) {
      let m = 1e-12;
      for (let i = 0; i < kh * kw; i++) m = Math.max(m, Math.abs(w[(i * inC) * outC + f]!));
      maxAbs = Math.max(maxAbs, m);
      const rgb = new Uint8Array(kh * kw * 3);
      for (let i = 0; i < kh * kw; i++) {
        // Channel 0 only: the input is grayscale (inC = 1).
        const v = w[(i * inC) * outC + f]! / m;
        rgb.set(v >= 0 ? [255, Math.round(255 * (1 - v)), Math.round(255 * (1 - v))] : [Math.round(255 * (1 + v)), Math.round(255 * (1 + v)), 255], i * 3);
      }
      cells.push({ rgb, size: kh });
    }
    await writeGrid(path.join(dir, "filters.png"), cells, 3, FILTER_SCALE);
    const filters: FiltersManifest = { layer: first.name, filters: outC, kernel: kh, file: "filters.png", maxAbs };
    await fs.writeFile(path.join(dir, "filters.json"), JSON.stringify(filters));

    let activations: ActivationManifest | null = null;
    if (sample) {
      const probe = tf.model({ inputs: net.inputs, outputs: [...conv.map((l) => l.output as tf.SymbolicTensor), net.outputs[0]!] });
      const input = tf.tidy(() => tf.tensor4d(Float32Array.from(sample.canonical, (v) => v / 255), [1, CANONICAL_SIZE, CANONICAL_SIZE, 1]));
      const outputs = probe.predict(input) as tf.Tensor[];
      input.dispose();
      const layers: ActivationManifest["layers"] = [];
      for (const [li, layer] of conv.entries()) {
        const t = outputs[li]!;
        const [, h, , c] = t.shape as [number, number, number, number];
        const data = await t.data();
        const maps: { rgb: Uint8Array; size: number }[] = [];
        for (let ch = 0; ch < c; ch++) {
          let lo = Infinity;
          let hi = -Infinity;
          for (let i = 0; i < h * h; i++) {
            const v = data[i * c + ch]!;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
          const rgb = new Uint8Array(h * h * 3);
          for (let i = 0; i < h * h; i++) {
            const g = hi > lo ? Math.round((255 * (data[i * c + ch]! - lo)) / (hi - lo)) : 0;
            rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = g;
          }
          maps.push({ rgb, size: h });
        }
        const file = `sample-${sample.id}-${layer.name}.png`;
        await writeGrid(path.join(dir, file), maps, 1, MAP_SCALE);
        layers.push({ name: layer.name, channels: c, size: h, file });
      }
      const probs = await outputs[outputs.length - 1]!.data();
      tf.dispose(outputs);
      let best = 0;
      for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[best]!) best = i;
      activations = { sampleId: sample.id, label: sample.label, predicted: classes[best] ?? null, layers };
      await fs.writeFile(path.join(dir, `sample-${sample.id}.json`), JSON.stringify(activations));
    }
    return { filters, activations };
  } finally {
    net.dispose();
  }
}

/** Square RGB cells in a near-square grid on white, each enlarged with nearest-neighbour. */
async function writeGrid(file: string, cells: { rgb: Uint8Array; size: number }[], gapPx: number, scale: number): Promise<void> {
  const size = cells[0]!.size * scale;
  const cols = Math.ceil(Math.sqrt(cells.length));
  const rows = Math.ceil(cells.length / cols);
  const gap = Math.max(gapPx, GAP);
  const width = cols * size + (cols + 1) * gap;
  const height = rows * size + (rows + 1) * gap;
  const out = new Uint8Array(width * height * 3).fill(255);
  cells.forEach((cell, n) => {
    const ox = gap + (n % cols) * (size + gap);
    const oy = gap + Math.floor(n / cols) * (size + gap);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const src = (Math.floor(y / scale) * cell.size + Math.floor(x / scale)) * 3;
        const dst = ((oy + y) * width + ox + x) * 3;
        out[dst] = cell.rgb[src]!;
        out[dst + 1] = cell.rgb[src + 1]!;
        out[dst + 2] = cell.rgb[src + 2]!;
      }
    }
  });
  await sharp(Buffer.from(out), { raw: { width, height, channels: 3 } }).png().toFile(file);
}
