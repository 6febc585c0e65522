import { CANONICAL_SIZE } from "../images/canonical-form";
import { createBilinearSampler } from "./bilinear-sampler";
import { prepareOutput } from "./pixel-buffer";
import type { Rng } from "./prng";

// A local copy: under tsx (CommonJS output) each use of an imported binding is a property
// read through a getter, which slowed the pixel loops measurably.
const N = CANONICAL_SIZE;

export interface ElasticParams {
  /** Largest displacement, in pixels, at a control point. */
  alpha: number;
  /** Smoothness: distance in pixels between control points (Simard's blur width plays this role). */
  sigma: number;
}

// Enough nodes for the smallest allowed sigma (2 px): 44 / 2 + 1.
const MAX_NODES = 24;
const fieldX = new Float64Array(MAX_NODES * MAX_NODES);
const fieldY = new Float64Array(MAX_NODES * MAX_NODES);
const cellOf = new Int32Array(N);
const weightOf = new Float64Array(N);
const sampler = createBilinearSampler();

/**
 * Elastic distortion in the spirit of Simard et al. (2003), made cheap: random displacements
 * drawn on a coarse grid of control points `sigma` px apart and interpolated bilinearly,
 * instead of a Gaussian blur of a per-pixel random field. That costs ~2*(45/sigma)^2 draws
 * rather than 4,050 draws and two blurs, and keeps the displacement in plain pixels (alpha).
 */
export function distortElastic(pixels: Uint8Array, params: ElasticParams, rng: Rng, out?: Uint8Array): Uint8Array {
  const target = prepareOutput(pixels, out);
  const { alpha, sigma } = params;
  if (!(sigma >= 2)) throw new Error(`elastic sigma must be at least 2, got ${sigma}`);
  const cells = Math.max(1, Math.ceil((N - 1) / sigma));
  const nodes = cells + 1;
  const spacing = (N - 1) / cells;
  for (let i = 0; i < nodes * nodes; i++) {
    fieldX[i] = alpha * (2 * rng() - 1);
    fieldY[i] = alpha * (2 * rng() - 1);
  }
  // Rows and columns share one lookup: which cell a coordinate falls in and how far along.
  for (let p = 0; p < N; p++) {
    const g = p / spacing;
    const cell = Math.min(cells - 1, Math.floor(g));
    cellOf[p] = cell;
    weightOf[p] = g - cell;
  }
  sampler.fill(pixels);
  for (let y = 0; y < N; y++) {
    const cy = cellOf[y]!;
    const wy = weightOf[y]!;
    const row = y * N;
    for (let x = 0; x < N; x++) {
      const cx = cellOf[x]!;
      const wx = weightOf[x]!;
      const i = cy * nodes + cx;
      const j = i + nodes;
      const dxTop = fieldX[i]! + (fieldX[i + 1]! - fieldX[i]!) * wx;
      const dxBottom = fieldX[j]! + (fieldX[j + 1]! - fieldX[j]!) * wx;
      const dyTop = fieldY[i]! + (fieldY[i + 1]! - fieldY[i]!) * wx;
      const dyBottom = fieldY[j]! + (fieldY[j + 1]! - fieldY[j]!) * wx;
      target[row + x] = sampler.sample(x + dxTop + (dxBottom - dxTop) * wy, y + dyTop + (dyBottom - dyTop) * wy);
    }
  }
  return target;
}
