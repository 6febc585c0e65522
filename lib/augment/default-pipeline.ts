import type { Pipeline } from "./recipe-types";

/**
 * Mild variation for handwritten symbols. Canonical ink already spans the 45 px frame, so zoom
 * leans towards shrinking and shifts stay small, or strokes would be cropped; Kaggle strokes
 * are about one pixel wide, so thinning stops at a quarter pixel (dimming, not erasing).
 * Noise is occasional; inversion is left out since training uses white-on-black only.
 */
export const DEFAULT_PIPELINE: Pipeline = {
  steps: [
    { op: "zoom", params: { factor: [0.85, 1.05] } },
    { op: "rotate", params: { degrees: [-10, 10] } },
    { op: "shift", params: { dx: [-2, 2], dy: [-2, 2] } },
    { op: "elastic", params: { alpha: [0.5, 1.5], sigma: [8, 14] }, probability: 0.5 },
    { op: "thickness", params: { delta: [-0.25, 1] } },
    { op: "gaussian-noise", params: { sigma: [2, 10] }, probability: 0.15 },
    { op: "salt-pepper", params: { amount: [0.002, 0.01], saltRatio: 0.5 }, probability: 0.1 },
  ],
};
