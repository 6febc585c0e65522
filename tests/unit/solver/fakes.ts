import type { SymbolClassifier } from "../../../lib/equation/classify";
import { drawBrace, drawGlyphs, layoutEquation, renderOnPaper } from "../../../lib/equation/synthetic-ink";
import type { GrayImage } from "../../../lib/images/canonicalize";
import { CANONICAL_PIXELS } from "../../../lib/images/canonical-form";

export const CLASSES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "-", "=", "x", "y", "(", ")"];

/**
 * A classifier that reads from a script instead of pixels: the i-th crop of each call gets the
 * i-th row of `rows` (label -> probability; the rest of the mass spread evenly). Records calls.
 */
export function scriptedClassifier(rows: Record<string, number>[], classes: readonly string[] = CLASSES): SymbolClassifier & { calls: number[] } {
  const calls: number[] = [];
  const CLASSES = classes;
  return {
    classes,
    calls,
    async predict(images: Uint8Array) {
      const n = images.length / CANONICAL_PIXELS;
      calls.push(n);
      const out = new Float32Array(n * CLASSES.length);
      for (let r = 0; r < n; r++) {
        const row = rows[r] ?? {};
        const rest = Math.max(0, 1 - Object.values(row).reduce((a, b) => a + b, 0)) / CLASSES.length;
        CLASSES.forEach((c, k) => (out[r * CLASSES.length + k] = (row[c] ?? 0) + rest));
      }
      return out;
    },
  };
}

/**
 * Like scriptedClassifier, but the k-th call reads `batches[k]` (the solver's second look at
 * doubtful symbols is a second call).
 */
export function scriptedBatches(batches: Record<string, number>[][], classes: readonly string[] = CLASSES): SymbolClassifier & { calls: number[] } {
  const calls: number[] = [];
  return {
    classes,
    calls,
    async predict(images: Uint8Array) {
      const rows = batches[calls.length] ?? [];
      const one = scriptedClassifier(rows, classes);
      calls.push(images.length / CANONICAL_PIXELS);
      return one.predict(images);
    },
  };
}

/** One-hot rows for a label sequence. */
export const sure = (labels: string): Record<string, number>[] => [...labels].map((l) => ({ [l]: 0.97 }));

/** A line of handwriting in the synthetic stroke font, dark ink on paper. */
export function written(text: string, seed = 3): GrayImage {
  const { glyphs, width, height } = layoutEquation(text, { size: 60, stroke: 6, jitter: 0.1, seed });
  return renderOnPaper(drawGlyphs(glyphs, width, height, 6), width, height, {});
}

/** Images stacked top to bottom on white, `gap` blank rows between them. */
export function stacked(images: GrayImage[], gap: number): GrayImage {
  const width = Math.max(...images.map((i) => i.width));
  const height = images.reduce((h, i) => h + i.height, 0) + gap * (images.length - 1);
  const pixels = new Uint8Array(width * height).fill(255);
  let top = 0;
  for (const img of images) {
    for (let y = 0; y < img.height; y++) pixels.set(img.pixels.subarray(y * img.width, (y + 1) * img.width), (top + y) * width);
    top += img.height + gap;
  }
  return { width, height, pixels };
}

/** The image moved right to make room for a curly brace drawn down its left side, as a system is written. */
export function braced(image: GrayImage, pen = 6): GrayImage {
  const room = Math.round(image.height * 0.2);
  const width = image.width + room;
  const ink = new Float32Array(width * image.height);
  drawBrace(ink, width, image.height, { left: room * 0.25, right: room * 0.85, top: image.height * 0.08, bottom: image.height * 0.92 }, pen);
  const pixels = new Uint8Array(width * image.height).fill(255);
  for (let y = 0; y < image.height; y++) pixels.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), y * width + room);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(pixels[i]!, Math.round(255 * (1 - Math.min(1, ink[i]!))));
  return { width, height: image.height, pixels };
}

/** The image turned clockwise by `degrees` (writing then falls to the right), grown to keep it whole, on white. */
export function turned(image: GrayImage, degrees: number): GrayImage {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const width = Math.ceil(Math.abs(image.width * cos) + Math.abs(image.height * sin));
  const height = Math.ceil(Math.abs(image.width * sin) + Math.abs(image.height * cos));
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - width / 2;
      const dy = y + 0.5 - height / 2;
      const sx = Math.floor(image.width / 2 + dx * cos + dy * sin);
      const sy = Math.floor(image.height / 2 - dx * sin + dy * cos);
      if (sx >= 0 && sy >= 0 && sx < image.width && sy < image.height) pixels[y * width + x] = image.pixels[sy * image.width + sx]!;
    }
  }
  return { width, height, pixels };
}
