import { CANONICAL_PIXELS, CANONICAL_SIZE } from "../../../lib/images/canonical-form";
import { createRng as mulberry32 } from "../../../lib/util/prng";

/** Largest absolute difference between two equally long arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/**
 * A separable toy set: class 0 a horizontal bar, class 1 a vertical bar, class 2 a filled box,
 * each jittered in position and thickness, with a little noise.
 */
export function toyImages(n: number, seed = 1): { x: Uint8Array; labels: Int32Array } {
  const rand = mulberry32(seed);
  const x = new Uint8Array(n * CANONICAL_PIXELS);
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const label = s % 3;
    labels[s] = label;
    const off = s * CANONICAL_PIXELS;
    const c = 15 + Math.floor(rand() * 15);
    const t = 2 + Math.floor(rand() * 3);
    for (let y = 0; y < CANONICAL_SIZE; y++) {
      for (let xx = 0; xx < CANONICAL_SIZE; xx++) {
        let ink = false;
        if (label === 0) ink = Math.abs(y - c) < t && xx > 5 && xx < 40;
        else if (label === 1) ink = Math.abs(xx - c) < t && y > 5 && y < 40;
        else ink = Math.abs(xx - c) < 6 && Math.abs(y - c) < 6;
        x[off + y * CANONICAL_SIZE + xx] = ink ? 255 : rand() < 0.02 ? 128 : 0;
      }
    }
  }
  return { x, labels };
}
