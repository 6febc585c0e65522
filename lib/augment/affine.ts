import { CANONICAL_SIZE } from "../images/canonical-form";
import { createBilinearSampler, FIXED_ONE } from "./bilinear-sampler";
import { prepareOutput } from "./pixel-buffer";

// A local copy: under tsx (CommonJS output) each use of an imported binding is a property
// read through a getter; the pixel loops ran about twice as fast with local constants.
const N = CANONICAL_SIZE;

/**
 * A 2-D affine map in pixel coordinates (x right, y down, pixel centres on integers):
 * x' = a*x + b*y + tx, y' = c*x + d*y + ty.
 */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  tx: number;
  ty: number;
}

export interface RotateParams {
  /** Positive turns the symbol counter-clockwise as seen on screen. */
  degrees: number;
}

export interface ShiftParams {
  /** Pixels right (negative: left). */
  dx: number;
  /** Pixels down (negative: up). */
  dy: number;
}

export interface ZoomParams {
  /** Scale of the ink about the centre: 1.2 draws it 20% larger (cropping), 0.8 smaller. */
  factor: number;
}

export interface SlantParams {
  /** Horizontal shift per pixel above the centre: 0.2 leans the ink about 11 degrees to the right. */
  factor: number;
}

const CENTRE = (N - 1) / 2;
const sampler = createBilinearSampler();

export const IDENTITY_AFFINE: Readonly<Affine> = { a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0 };

/** Rotation about the image centre. */
export function rotationAffine({ degrees }: RotateParams): Affine {
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  // With y pointing down, this matrix turns counter-clockwise on screen.
  return aboutCentre(cos, sin, -sin, cos);
}

/** Translation by whole or fractional pixels; whole pixels move ink without resampling blur. */
export function shiftAffine({ dx, dy }: ShiftParams): Affine {
  return { a: 1, b: 0, c: 0, d: 1, tx: dx, ty: dy };
}

/** Uniform scaling about the image centre. */
export function zoomAffine({ factor }: ZoomParams): Affine {
  return aboutCentre(factor, 0, 0, factor);
}

/**
 * Leans the ink as a writer's slant does: a shear about the centre (the top moves right for a
 * positive factor), narrowed by 1 + |factor| / 2 so that ink spanning the frame loses at most
 * the tips of its corners; narrowed all the way, a thin symbol lost half its ink. The height,
 * which canonical ink fills for most symbols, is kept.
 */
export function slantAffine({ factor }: SlantParams): Affine {
  const narrow = 1 / (1 + Math.abs(factor) / 2);
  return aboutCentre(narrow, -factor * narrow, 0, 1);
}

/** The map that applies `first`, then `second`. */
export function composeAffine(first: Affine, second: Affine): Affine {
  return {
    a: second.a * first.a + second.b * first.c,
    b: second.a * first.b + second.b * first.d,
    c: second.c * first.a + second.d * first.c,
    d: second.c * first.b + second.d * first.d,
    tx: second.a * first.tx + second.b * first.ty + second.tx,
    ty: second.c * first.tx + second.d * first.ty + second.ty,
  };
}

/**
 * Moves the image by `forward` (where each source pixel goes), sampling bilinearly; what
 * comes in from outside the frame is background. Output may alias the input.
 */
export function warpAffine(pixels: Uint8Array, forward: Affine, out?: Uint8Array): Uint8Array {
  const target = prepareOutput(pixels, out);
  // Each output pixel pulls from the inverse-mapped source position, stepped along the row in
  // fixed point (drift over a row stays under 1/1000 px).
  const { a, b, c, d, tx, ty } = invertAffine(forward);
  const stepX = Math.round(a * FIXED_ONE);
  const stepY = Math.round(c * FIXED_ONE);
  sampler.fill(pixels);
  for (let y = 0; y < N; y++) {
    let fx = Math.round((b * y + tx + 1) * FIXED_ONE);
    let fy = Math.round((d * y + ty + 1) * FIXED_ONE);
    const row = y * N;
    for (let x = 0; x < N; x++, fx += stepX, fy += stepY) {
      target[row + x] = sampler.sample(fx, fy);
    }
  }
  return target;
}

/** The inverse map; throws for a degenerate one (zero scale). */
export function invertAffine(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c;
  if (Math.abs(det) < 1e-9) throw new Error("affine map is not invertible");
  const a = m.d / det;
  const b = -m.b / det;
  const c = -m.c / det;
  const d = m.a / det;
  return { a, b, c, d, tx: -(a * m.tx + b * m.ty), ty: -(c * m.tx + d * m.ty) };
}

function aboutCentre(a: number, b: number, c: number, d: number): Affine {
  return { a, b, c, d, tx: CENTRE - a * CENTRE - b * CENTRE, ty: CENTRE - c * CENTRE - d * CENTRE };
}
