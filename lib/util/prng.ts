/**
 * Seeded randomness (augmentation, shuffles, splits, tests). mulberry32: one 32-bit state, a handful of integer
 * operations per draw, and the same sequence on every platform, which is what lets a stored
 * recipe reproduce its sample byte for byte.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Largest seed a recipe may carry; seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** A mulberry32 generator; seeds are taken modulo 2^32. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A well-mixed seed for one numbered stream of a parent seed (murmur3's finaliser), so
 * neighbouring seeds or indices (job seed + sample index) give unrelated sequences.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
