import type { Stroke } from "../ink/ink-document";

/**
 * Pen width of canvas drawings in the canonical form: 1 px, the Kaggle style the shipped
 * samples use, so a drawn 7 looks to the model like an imported 7.
 */
export const DRAW_STROKE_WIDTH = 1;
export const MAX_DRAW_STROKES = 100;
export const MAX_DRAW_POINTS = 20_000;

/**
 * Strokes as stored: coordinates rounded to 0.1 px and empty strokes dropped. Browser and server
 * both render from this form, so the preview is exactly what is saved.
 */
export function normalizeStrokes(strokes: readonly (readonly (readonly number[])[])[]): Stroke[] {
  return strokes
    .map((stroke) => stroke.map(([x, y]) => [Math.round((x ?? 0) * 10) / 10, Math.round((y ?? 0) * 10) / 10] as const))
    .filter((stroke) => stroke.length > 0);
}
