import { CANONICAL_SIZE } from "../images/canonical-form";
import { IDENTITY_AFFINE, invertAffine, type Affine } from "./affine";
import { createBilinearSampler, FIXED_ONE } from "./bilinear-sampler";
import { prepareOutput } from "./pixel-buffer";
import type { Rng } from "./prng";

// A local copy: under tsx (CommonJS output) each use of an imported binding is a property
// read through a getter; the pixel loops ran about twice as fast with local constants.
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
const rowU = new Float64Array(MAX_NODES);
const rowV = new Float64Array(MAX_NODES);
const sampler = createBilinearSampler();

/**
 * Elastic distortion in the spirit of Simard et al. (2003), made cheap: random displacements
 * drawn on a coarse grid of control points `sigma` px apart and interpolated bilinearly,
 * instead of a Gaussian blur of a per-pixel random field. That costs ~2*(45/sigma)^2 draws
 * rather than 4,050 draws and two blurs, and keeps the displacement in plain pixels (alpha).
 */
export function distortElastic(pixels: Uint8Array, params: ElasticParams, rng: Rng, out?: Uint8Array): Uint8Array {
  return distortElasticAfterAffine(pixels, params, rng, IDENTITY_AFFINE, out);
}

/**
 * The same distortion applied to `pixels` moved by `forward`, resampling once instead of
 * twice: less blur on one-pixel strokes, and one pass fewer in applyRecipe.
 */
export function distortElasticAfterAffine(
  pixels: Uint8Array,
  params: ElasticParams,
  rng: Rng,
  forward: Affine,
  out?: Uint8Array,
): Uint8Array {
  const target = prepareOutput(pixels, out);
  const { a, b, c, d, tx, ty } = invertAffine(forward);
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
  const stepX = a * FIXED_ONE;
  const stepY = c * FIXED_ONE;
  for (let y = 0; y < N; y++) {
    const cy = cellOf[y]!;
    const wy = weightOf[y]!;
    // The field is linear between nodes and the map is linear, so interpolate the nodes down
    // to this row and push them through the map once, leaving two lerps per pixel.
    for (let k = 0; k < nodes; k++) {
      const i = cy * nodes + k;
      const dx = fieldX[i]! + (fieldX[i + nodes]! - fieldX[i]!) * wy;
      const dy = fieldY[i]! + (fieldY[i + nodes]! - fieldY[i]!) * wy;
      rowU[k] = (a * dx + b * dy) * FIXED_ONE;
      rowV[k] = (c * dx + d * dy) * FIXED_ONE;
    }
    let baseX = (b * y + tx + 1) * FIXED_ONE;
    let baseY = (d * y + ty + 1) * FIXED_ONE;
    const row = y * N;
    for (let x = 0; x < N; x++, baseX += stepX, baseY += stepY) {
      const k = cellOf[x]!;
      const wx = weightOf[x]!;
      const u = rowU[k]! + (rowU[k + 1]! - rowU[k]!) * wx;
      const v = rowV[k]! + (rowV[k + 1]! - rowV[k]!) * wx;
      target[row + x] = sampler.sample(baseX + u, baseY + v);
    }
  }
  return target;
}
