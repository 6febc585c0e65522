import { CANONICAL_PIXELS as IMPORTED_PIXELS } from "../images/canonical-form";
import { NORMAL_TABLE, NORMAL_TABLE_BITS } from "./normal-table";
import { prepareOutput } from "./pixel-buffer";
import type { Rng } from "./prng";

// A local copy: under tsx (CommonJS output) each use of an imported binding is a property
// read through a getter; the pixel loops ran about twice as fast with local constants.
const CANONICAL_PIXELS = IMPORTED_PIXELS;
const table = NORMAL_TABLE;
const MASK = (1 << NORMAL_TABLE_BITS) - 1;

export interface SaltPepperParams {
  /** Fraction of pixels overwritten, 0-1. */
  amount: number;
  /** Share of the overwritten pixels set to 255 (salt); the rest become 0 (pepper). */
  saltRatio: number;
}

export interface GaussianNoiseParams {
  /** Standard deviation in gray levels. */
  sigma: number;
}

const IDENTITY = Uint16Array.from({ length: CANONICAL_PIXELS }, (_, i) => i);
const order = new Uint16Array(CANONICAL_PIXELS);

/**
 * Overwrites exactly round(amount * pixels) distinct pixels, round(that * saltRatio) of them
 * with 255 and the rest with 0. Exact counts rather than a per-pixel coin keep the effect the
 * same from sample to sample and need one draw per changed pixel instead of one per pixel.
 */
export function addSaltPepper(pixels: Uint8Array, params: SaltPepperParams, rng: Rng, out?: Uint8Array): Uint8Array {
  const target = prepareOutput(pixels, out);
  if (target !== pixels) target.set(pixels);
  const count = Math.min(CANONICAL_PIXELS, Math.round(params.amount * CANONICAL_PIXELS));
  const salt = Math.round(count * params.saltRatio);
  // Partial Fisher-Yates from a fresh identity order: the chosen set depends on the rng alone.
  order.set(IDENTITY);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (CANONICAL_PIXELS - i));
    const picked = order[j]!;
    order[j] = order[i]!;
    order[i] = picked;
    target[picked] = i < salt ? 255 : 0;
  }
  return target;
}

/** Adds zero-mean normal noise to every pixel and clamps; deviates come from NORMAL_TABLE. */
export function addGaussianNoise(pixels: Uint8Array, params: GaussianNoiseParams, rng: Rng, out?: Uint8Array): Uint8Array {
  const target = prepareOutput(pixels, out);
  const sigma = params.sigma;
  if (sigma === 0) {
    if (target !== pixels) target.set(pixels);
    return target;
  }
  for (let i = 0; i < CANONICAL_PIXELS; i += 2) {
    const bits = (rng() * 4294967296) >>> 0;
    target[i] = clampByte(pixels[i]! + sigma * table[bits & MASK]!);
    if (i + 1 < CANONICAL_PIXELS) target[i + 1] = clampByte(pixels[i + 1]! + sigma * table[(bits >>> NORMAL_TABLE_BITS) & MASK]!);
  }
  return target;
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0;
}
