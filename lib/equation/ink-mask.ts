/**
 * The binary form the segmenter works on: one byte per pixel, 1 = ink, 0 = background.
 * Kept separate from GrayImage so a mask is never mistaken for an 8-bit picture.
 */
export interface InkMask {
  width: number;
  height: number;
  mask: Uint8Array;
}

/** [x, y, width, height] in source pixels, the box shape the segmenter hands out. */
export type BoxTuple = [number, number, number, number];

/** An axis-aligned box, inclusive of x/y and exclusive of x+width / y+height. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smallest rect covering both. */
export function unionRect(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Length of the overlap of [a0, a0+aLen) and [b0, b0+bLen); 0 when disjoint. */
export function overlapLength(a0: number, aLen: number, b0: number, bLen: number): number {
  return Math.max(0, Math.min(a0 + aLen, b0 + bLen) - Math.max(a0, b0));
}

/** Gap between two intervals; 0 when they touch or overlap. */
export function gapLength(a0: number, aLen: number, b0: number, bLen: number): number {
  return Math.max(0, Math.max(a0, b0) - Math.min(a0 + aLen, b0 + bLen));
}

/** Median of a list (mean of the middle two for even lengths); 0 for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
