import { rotationAffine, shiftAffine, slantAffine, warpAffine, zoomAffine } from "./affine";
import { distortElastic, distortElasticAfterAffine } from "./elastic";
import { invertPolarity } from "./invert";
import { dilate, erode, jitterThickness } from "./morphology";
import { addGaussianNoise, addSaltPepper } from "./noise";
import { rerenderSample } from "../ink/rerender-sample";
import { defineOperation, defineStrokeOperation, type AugmentOperation, type PixelOperation, type StrokeOperation } from "./operation";

const KERNEL_SIZE = {
  min: 1,
  max: 7,
  default: 3,
  odd: true,
  description: "side of the square kernel in pixels (odd)",
} as const;

/** Name of the stroke-width step, for callers that plan around it (parents need strokes). */
export const STROKE_WIDTH_OP = "stroke-width";

/**
 * Operations that redraw an ink-born sample from its stored strokes. They run before any
 * pixel operation (validation keeps them first) and only on samples with strokes.
 */
export const STROKE_OPERATIONS: readonly StrokeOperation[] = [
  defineStrokeOperation({
    name: STROKE_WIDTH_OP,
    description: "Re-render from the strokes with another pen width (ink samples only)",
    // Kaggle strokes are 1-2 px, canvas drawings about 3-4; past 8 px a 45 px symbol's loops fill in.
    params: { width: { min: 1, max: 8, default: 2, integer: true, description: "pen width in pixels" } },
    render: (strokes, params) => rerenderSample(strokes, params.width),
  }),
];

/** Every pixel operation, in the order a UI should list them. */
export const OPERATIONS: readonly PixelOperation[] = [
  defineOperation({
    name: "rotate",
    description: "Rotate about the centre",
    params: { degrees: { min: -45, max: 45, default: 0, description: "counter-clockwise degrees" } },
    toAffine: rotationAffine,
    apply: (pixels, params, _rng, out) => warpAffine(pixels, rotationAffine(params), out),
  }),
  defineOperation({
    name: "shift",
    description: "Translate by whole pixels",
    params: {
      dx: { min: -10, max: 10, default: 0, integer: true, description: "pixels right" },
      dy: { min: -10, max: 10, default: 0, integer: true, description: "pixels down" },
    },
    toAffine: shiftAffine,
    apply: (pixels, params, _rng, out) => warpAffine(pixels, shiftAffine(params), out),
  }),
  defineOperation({
    name: "zoom",
    description: "Scale about the centre",
    // Keras' zoom_range 0.3 covers 0.7-1.3; canonical ink already spans the frame, so >1 crops.
    params: { factor: { min: 0.5, max: 1.5, default: 1, description: "ink scale (1.2 = 20% larger)" } },
    toAffine: zoomAffine,
    apply: (pixels, params, _rng, out) => warpAffine(pixels, zoomAffine(params), out),
  }),
  defineOperation({
    name: "slant",
    description: "Lean the ink left or right, as writers slant",
    params: { factor: { min: -0.6, max: 0.6, default: 0, description: "shear: 0.2 leans about 11 degrees to the right" } },
    toAffine: slantAffine,
    apply: (pixels, params, _rng, out) => warpAffine(pixels, slantAffine(params), out),
  }),
  defineOperation({
    name: "elastic",
    description: "Smooth random local distortion",
    params: {
      alpha: { min: 0, max: 8, default: 2, description: "largest displacement in pixels" },
      sigma: { min: 2, max: 44, default: 8, description: "pixels between control points" },
    },
    apply: distortElastic,
    applyAfterAffine: distortElasticAfterAffine,
  }),
  defineOperation({
    name: "thickness",
    description: "Thicken or thin strokes by a fraction of a pixel or more",
    params: { delta: { min: -2, max: 2, default: 0, description: "half-width change in pixels" } },
    apply: (pixels, params, _rng, out) => jitterThickness(pixels, params, out),
  }),
  defineOperation({
    name: "erode",
    description: "Thin strokes (grayscale erosion)",
    params: { size: KERNEL_SIZE },
    apply: (pixels, params, _rng, out) => erode(pixels, params, out),
  }),
  defineOperation({
    name: "dilate",
    description: "Thicken strokes (grayscale dilation)",
    params: { size: KERNEL_SIZE },
    apply: (pixels, params, _rng, out) => dilate(pixels, params, out),
  }),
  defineOperation({
    name: "salt-pepper",
    description: "Set random pixels to white or black",
    params: {
      amount: { min: 0, max: 0.5, default: 0.02, description: "fraction of pixels changed" },
      saltRatio: { min: 0, max: 1, default: 0.5, description: "share of changed pixels made white" },
    },
    apply: addSaltPepper,
  }),
  defineOperation({
    name: "gaussian-noise",
    description: "Add normal noise to every pixel",
    params: { sigma: { min: 0, max: 64, default: 8, description: "standard deviation in gray levels" } },
    apply: addGaussianNoise,
  }),
  defineOperation({
    name: "invert",
    description: "Swap ink and background (black-on-white variant)",
    params: {},
    apply: (pixels, _params, _rng, out) => invertPolarity(pixels, out),
  }),
];

/** Every operation, stroke operations first (they must lead a pipeline): the order a UI lists them. */
export const ALL_OPERATIONS: readonly AugmentOperation[] = [...STROKE_OPERATIONS, ...OPERATIONS];

const BY_NAME = new Map(ALL_OPERATIONS.map((op) => [op.name, op]));

/** The operation of that name, or undefined. */
export function findOperation(name: string): AugmentOperation | undefined {
  return BY_NAME.get(name);
}

/** The operation of that name; throws naming it when there is none. */
export function getOperation(name: string): AugmentOperation {
  const op = BY_NAME.get(name);
  if (!op) throw new Error(`unknown operation "${name}"`);
  return op;
}
