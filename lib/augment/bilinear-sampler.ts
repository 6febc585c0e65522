import { CANONICAL_SIZE } from "../images/canonical-form";

const N = CANONICAL_SIZE;
const PADDED = N + 2;

/** Reads a canonical image at fractional positions; see createBilinearSampler. */
export interface BilinearSampler {
  /** Loads the image to read from. */
  fill(pixels: Uint8Array): void;
  /** Bilinear value at a source position, rounded; 0 (background) outside the frame. */
  sample(sx: number, sy: number): number;
}

/**
 * A sampler over a private copy of the image framed by one black pixel, so reads need no
 * bounds checks. Each warp module makes its own at load time: calling a function imported
 * from another module is, under tsx's CommonJS output, a getter call per pixel that kept
 * V8 from inlining it (measured 2-3x slower warps).
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
    sample(sx, sy) {
      if (!(sx > -1 && sx < N && sy > -1 && sy < N)) return 0;
      const fx0 = Math.floor(sx);
      const fy0 = Math.floor(sy);
      const fx = sx - fx0;
      const fy = sy - fy0;
      const i = (fy0 + 1) * PADDED + fx0 + 1;
      const p00 = padded[i]!;
      const p01 = padded[i + 1]!;
      const p10 = padded[i + PADDED]!;
      const p11 = padded[i + PADDED + 1]!;
      const top = p00 + (p01 - p00) * fx;
      const bottom = p10 + (p11 - p10) * fx;
      // Values are never negative, so adding 0.5 and truncating rounds like Math.round.
      return (top + (bottom - top) * fy + 0.5) | 0;
    },
  };
}
