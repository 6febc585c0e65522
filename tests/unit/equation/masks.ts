import type { InkMask } from "../../../lib/equation/ink-mask";

/** An ink mask of the given size with these rectangles [x, y, width, height] inked. */
export function maskOf(width: number, height: number, rects: readonly [number, number, number, number][]): InkMask {
  const mask = new Uint8Array(width * height);
  for (const [x0, y0, w, h] of rects) for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) mask[y * width + x] = 1;
  return { width, height, mask };
}

export const inkAt = (m: InkMask, x: number, y: number) => m.mask[y * m.width + x];
export const inkCount = (m: InkMask) => m.mask.reduce((n, v) => n + v, 0);
