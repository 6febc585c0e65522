import { CANONICAL_SIZE } from "../images/canonical-form";
import { createBilinearSampler } from "./bilinear-sampler";
import { prepareOutput } from "./pixel-buffer";

// A local copy: under tsx (CommonJS output) each use of an imported binding is a property
// read through a getter, which slowed the pixel loops measurably.
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
  const det = forward.a * forward.d - forward.b * forward.c;
  if (Math.abs(det) < 1e-9) throw new Error("affine map is not invertible");
  // Each output pixel pulls from the inverse-mapped source position.
  const ia = forward.d / det;
  const ib = -forward.b / det;
  const ic = -forward.c / det;
  const id = forward.a / det;
  const itx = -(ia * forward.tx + ib * forward.ty);
  const ity = -(ic * forward.tx + id * forward.ty);
  sampler.fill(pixels);
  for (let y = 0; y < N; y++) {
    let sx = ib * y + itx;
    let sy = id * y + ity;
    const row = y * N;
    for (let x = 0; x < N; x++, sx += ia, sy += ic) {
      target[row + x] = sampler.sample(sx, sy);
    }
  }
  return target;
}

function aboutCentre(a: number, b: number, c: number, d: number): Affine {
  return { a, b, c, d, tx: CENTRE - a * CENTRE - b * CENTRE, ty: CENTRE - c * CENTRE - d * CENTRE };
}
