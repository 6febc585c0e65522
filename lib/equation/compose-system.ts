import type { CanonicalImage } from "../images/canonical-form";
import type { GrayImage } from "../images/canonicalize";
import { composeEquation } from "./compose-equation";
import { drawBrace } from "./synthetic-ink";

/** composeEquation's paper above and below the ink, in digit heights. */
const MARGIN = 0.6;
/** Paper between one line's lowest ink and the next one's highest, in digit heights. */
const MIN_LINE_GAP = 0.3;
const MAX_LINE_GAP = 1.2;

type LineSymbols = readonly { label: string; canonical: CanonicalImage }[];

export interface ComposeSystemOptions {
  size: number;
  rng: () => number;
  /** Open the system with a curly brace down the left of its lines, as many write one. */
  brace?: boolean;
}

/**
 * A system of equations as written: each line composed like one equation (composeEquation, its
 * own jitter), the lines left-aligned one under the other with a writer's spacing between them,
 * optionally a brace to their left.
 */
export function composeSystem(lines: readonly LineSymbols[], options: ComposeSystemOptions): GrayImage {
  const { size, rng } = options;
  const images = lines.map((symbols) => composeEquation(symbols, { size, rng }).image);
  // Each line's image holds MARGIN of paper above and below its ink.
  const gaps = images.slice(1).map(() => Math.round((MIN_LINE_GAP + rng() * (MAX_LINE_GAP - MIN_LINE_GAP)) * size) - 2 * Math.round(size * MARGIN));
  const room = options.brace ? Math.round(size * (0.5 + rng() * 0.3)) : 0;
  const width = room + Math.max(...images.map((i) => i.width));
  const height = images.reduce((h, i) => h + i.height, 0) + gaps.reduce((a, b) => a + b, 0);
  const pixels = new Uint8Array(width * height).fill(255);
  let top = 0;
  images.forEach((img, k) => {
    for (let y = 0; y < img.height; y++) {
      const row = (top + y) * width + room;
      for (let x = 0; x < img.width; x++) pixels[row + x] = Math.min(pixels[row + x]!, img.pixels[y * img.width + x]!);
    }
    top += img.height + (gaps[k] ?? 0);
  });
  if (options.brace) {
    const ink = new Float32Array(width * height);
    // From the first line's top to the last one's foot, its tip near the middle.
    const margin = size * MARGIN;
    const span = { top: margin * (0.8 + rng() * 0.4), bottom: height - margin * (0.8 + rng() * 0.4) };
    const mid = (span.top + span.bottom) / 2 + (rng() - 0.5) * 0.1 * (span.bottom - span.top);
    drawBrace(ink, width, height, { left: room * (0.2 + rng() * 0.1), right: room * (0.8 + rng() * 0.1), ...span, mid }, Math.min(6, Math.max(2, size * 0.045)));
    for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(pixels[i]!, Math.round(255 * (1 - Math.min(1, ink[i]!))));
  }
  return { width, height, pixels };
}
