import { CANONICAL_PIXELS, CANONICAL_SIZE as N } from "../../../lib/images/canonical-form";
import { inkBoundingBox, type Box } from "../../../lib/images/canonicalize";

/** A black canvas with a white rectangle covering columns x0..x1 and rows y0..y1 (inclusive). */
export function drawRect(x0: number, x1: number, y0: number, y1: number): Uint8Array {
  const pixels = new Uint8Array(CANONICAL_PIXELS);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) pixels[y * N + x] = 255;
  return pixels;
}

/** A vertical stroke 3 px wide (columns 20-22), rows 10-34. */
export function drawThickStroke(): Uint8Array {
  return drawRect(20, 22, 10, 34);
}

/** A crude "7": a bar across the top and a diagonal down to the bottom left. */
export function drawSeven(): Uint8Array {
  const pixels = drawRect(10, 34, 8, 9);
  for (let y = 10; y <= 36; y++) {
    const x = Math.round(34 - (y - 10) * 0.7);
    pixels[y * N + x] = 255;
    pixels[y * N + x - 1] = 200;
  }
  return pixels;
}

export function inkBox(pixels: Uint8Array, threshold = 128): Box | null {
  return inkBoundingBox(pixels, N, N, threshold);
}

/** Width of the ink run on one row. */
export function rowInkWidth(pixels: Uint8Array, y: number, threshold = 128): number {
  let count = 0;
  for (let x = 0; x < N; x++) if (pixels[y * N + x]! >= threshold) count++;
  return count;
}

export function countInk(pixels: Uint8Array, threshold = 128): number {
  let count = 0;
  for (const v of pixels) if (v >= threshold) count++;
  return count;
}

export function countDifferent(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}

/** Intensity-weighted centre of the ink. */
export function inkCentroid(pixels: Uint8Array): { x: number; y: number } {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]!;
    sum += v;
    sx += v * (i % N);
    sy += v * Math.floor(i / N);
  }
  return { x: sx / sum, y: sy / sum };
}
