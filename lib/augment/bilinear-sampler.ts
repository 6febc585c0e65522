import { CANONICAL_SIZE } from "../images/canonical-form";

const N = CANONICAL_SIZE;
const PADDED = N + 2;

/** One pixel in the sampler's 16.16 fixed-point coordinates. */
export const FIXED_ONE = 65536;
const LIMIT = (N + 1) * FIXED_ONE;

/** Reads a canonical image at fractional positions; see createBilinearSampler. */
export interface BilinearSampler {
  /** Loads the image to read from. */
  fill(pixels: Uint8Array): void;
  /**
   * Bilinear value at a position in fixed point, shifted by one pixel: pass
   * (sourceX + 1) * FIXED_ONE. Background (0) outside the frame.
   */
  sample(fx: number, fy: number): number;
}

/**
 * A sampler over a private copy of the image framed by one black pixel, so reads need no
 * bounds checks. Integer arithmetic with 8-bit weights, because Math.floor and float blends
 * per pixel measured 3x slower, and an all-black neighbourhood (most of a symbol image)
 * returns early. Each warp module makes its own: calling a function imported from another
 * module is, under tsx's CommonJS output, a getter call per pixel that V8 does not inline.
 */
export function createBilinearSampler(): BilinearSampler {
  const padded = new Uint8Array(PADDED * PADDED);
  return {
    fill(pixels) {
      // Plain loops: subarray() per row would allocate 45 views per image.
      for (let y = 0; y < N; y++) {
        const from = y * N;
        const to = (y + 1) * PADDED + 1;
        for (let x = 0; x < N; x++) padded[to + x] = pixels[from + x]!;
      }
    },
    sample(fx, fy) {
      if (!(fx > 0 && fx < LIMIT && fy > 0 && fy < LIMIT)) return 0;
      const i = (fy >> 16) * PADDED + (fx >> 16);
      const p00 = padded[i]!;
      const p01 = padded[i + 1]!;
      const p10 = padded[i + PADDED]!;
      const p11 = padded[i + PADDED + 1]!;
      if ((p00 | p01 | p10 | p11) === 0) return 0;
      const wx = (fx & 0xffff) >> 8;
      const wy = (fy & 0xffff) >> 8;
      const top = (p00 << 8) + (p01 - p00) * wx;
      const bottom = (p10 << 8) + (p11 - p10) * wx;
      return ((top << 8) + (bottom - top) * wy + 32768) >> 16;
    },
  };
}
