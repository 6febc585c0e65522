import type { GrayImage } from "./canonicalize";

/**
 * The image shrunk `factor` times (an integer) by averaging each factor x factor block: a thin
 * pen stays a continuous gray line, where sampling every factor-th pixel would drop it. A
 * partial block at the right or bottom edge is the mean of the pixels it holds. Pure.
 */
export function downscaleGray(image: GrayImage, factor: number): GrayImage {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`downscale factor must be a whole number >= 1, not ${factor}`);
  if (factor === 1) return image;
  const { width, height, pixels } = image;
  const outW = Math.ceil(width / factor);
  const outH = Math.ceil(height / factor);
  const sums = new Uint32Array(outW * outH);
  // Block by block along each row, not a division per pixel: this runs over every pixel of a 3x canvas export.
  for (let y = 0; y < height; y++) {
    const row = ((y / factor) | 0) * outW;
    const from = y * width;
    for (let bx = 0, x = 0; bx < outW; bx++) {
      const end = Math.min(width, x + factor);
      let sum = 0;
      for (; x < end; x++) sum += pixels[from + x]!;
      sums[row + bx]! += sum;
    }
  }
  const out = new Uint8Array(outW * outH);
  for (let by = 0; by < outH; by++) {
    const rows = Math.min(factor, height - by * factor);
    for (let bx = 0; bx < outW; bx++) {
      const cols = Math.min(factor, width - bx * factor);
      out[by * outW + bx] = Math.round(sums[by * outW + bx]! / (rows * cols));
    }
  }
  return { width: outW, height: outH, pixels: out };
}
