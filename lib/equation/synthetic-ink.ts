import type { GrayImage } from "../images/canonicalize";
import { createRng } from "../util/prng";
import type { BoxTuple } from "./ink-mask";

/**
 * A tiny stroke font and page renderer for testing and benchmarking the segmenter without a
 * dataset: equations are drawn as pen strokes at a chosen size, thickness and jitter onto
 * paper with optional grain, shading and ruling, and the true symbol boxes come back with them.
 */

type Point = [number, number];
interface Glyph {
  /** Advance width in em (1 em = digit height). */
  advance: number;
  strokes: Point[][];
  dots?: Point[];
}

const arc = (cx: number, cy: number, rx: number, ry: number, from: number, to: number, n = 14): Point[] =>
  Array.from({ length: n + 1 }, (_, k) => {
    const t = from + ((to - from) * k) / n;
    return [cx + rx * Math.cos(t), cy + ry * Math.sin(t)] as Point;
  });

/** y = 0 is the top of a digit, y = 1 the baseline. */
export const GLYPHS: Record<string, Glyph> = {
  "0": { advance: 0.6, strokes: [arc(0.3, 0.5, 0.27, 0.5, 0, Math.PI * 2, 20)] },
  "1": { advance: 0.4, strokes: [[[0.05, 0.2], [0.25, 0], [0.25, 1]]] },
  "2": { advance: 0.6, strokes: [[...arc(0.3, 0.28, 0.27, 0.28, Math.PI * 1.05, Math.PI * 2.15, 10), [0.02, 1], [0.6, 1]]] },
  "3": { advance: 0.6, strokes: [[...arc(0.3, 0.25, 0.25, 0.25, Math.PI * 1.1, Math.PI * 2.5, 10), ...arc(0.3, 0.73, 0.28, 0.27, Math.PI * 1.5, Math.PI * 2.9, 10)]] },
  "4": { advance: 0.6, strokes: [[[0.45, 1], [0.45, 0], [0.02, 0.68], [0.6, 0.68]]] },
  "7": { advance: 0.6, strokes: [[[0.02, 0], [0.58, 0], [0.2, 1]]] },
  x: { advance: 0.55, strokes: [[[0.02, 0.38], [0.53, 1]], [[0.53, 0.38], [0.02, 1]]] },
  y: { advance: 0.55, strokes: [[[0.02, 0.38], [0.28, 0.85]], [[0.53, 0.38], [0.12, 1.3]]] },
  "+": { advance: 0.6, strokes: [[[0.3, 0.3], [0.3, 0.9]], [[0.02, 0.6], [0.58, 0.6]]] },
  "-": { advance: 0.55, strokes: [[[0.02, 0.6], [0.53, 0.6]]] },
  "=": { advance: 0.6, strokes: [[[0.02, 0.48], [0.58, 0.48]], [[0.02, 0.76], [0.58, 0.76]]] },
  "÷": { advance: 0.6, strokes: [[[0.02, 0.6], [0.58, 0.6]]], dots: [[0.3, 0.35], [0.3, 0.85]] },
  i: { advance: 0.2, strokes: [[[0.1, 0.42], [0.1, 1]]], dots: [[0.1, 0.15]] },
  "(": { advance: 0.35, strokes: [arc(0.35, 0.5, 0.3, 0.6, Math.PI * 0.7, Math.PI * 1.3, 10)] },
  ")": { advance: 0.35, strokes: [arc(0.0, 0.5, 0.3, 0.6, -Math.PI * 0.3, Math.PI * 0.3, 10)] },
  "≤": { advance: 0.6, strokes: [[[0.58, 0.25], [0.02, 0.5], [0.58, 0.75]], [[0.02, 0.98], [0.58, 0.98]]] },
  "±": { advance: 0.6, strokes: [[[0.3, 0.2], [0.3, 0.72]], [[0.02, 0.46], [0.58, 0.46]], [[0.02, 0.98], [0.58, 0.98]]] },
};

export interface LayoutOptions {
  /** Digit height in pixels. */
  size: number;
  /** Pen width in pixels. */
  stroke: number;
  /** Gap between symbols in em. */
  spacing?: number;
  /** Random size, baseline and spacing jitter as a fraction (0 = none). */
  jitter?: number;
  seed?: number;
  margin?: number;
}

export interface PlacedGlyph {
  char: string;
  superscript: boolean;
  /** Pixel transform: px = x + u*scale, py = y + v*scale. */
  x: number;
  y: number;
  scale: number;
}

// Benches and tests that compose equations seed it from here; it is the project's one mulberry32.
export { createRng };

/** Places the characters of text; "^" raises the next character as a superscript. */
export function layoutEquation(text: string, options: LayoutOptions): { glyphs: PlacedGlyph[]; width: number; height: number } {
  const rng = createRng(options.seed ?? 1);
  const jitter = options.jitter ?? 0;
  const wobble = (): number => (rng() * 2 - 1) * jitter;
  const margin = options.margin ?? Math.round(options.size * 0.6);
  const spacing = options.spacing ?? 0.25;
  const glyphs: PlacedGlyph[] = [];
  let pen = margin;
  const baseline = margin + options.size;
  let raise = false;
  for (const char of text) {
    if (char === "^") {
      raise = true;
      continue;
    }
    const glyph = GLYPHS[char];
    if (!glyph) throw new Error(`no glyph for ${char}`);
    const scale = options.size * (raise ? 0.55 : 1) * (1 + 0.5 * wobble());
    const bottom = raise ? baseline - options.size * 0.55 : baseline + options.size * 0.08 * wobble();
    glyphs.push({ char, superscript: raise, x: pen, y: bottom - scale, scale });
    pen += (glyph.advance + spacing * (1 + wobble())) * scale;
    raise = false;
  }
  return { glyphs, width: Math.ceil(pen + margin), height: Math.ceil(baseline + options.size * 0.5 + margin) };
}

/**
 * Places `before`, then numerator over a bar over denominator (each side 0.8 of the size,
 * centred on the bar, `gap` digit heights off it, default 0.15), then `after`, on one line: a
 * fraction written stacked. The bar is a "-" glyph stretched to the wider side.
 */
export function layoutStackedFraction(
  parts: { before: string; numerator: string; denominator: string; after: string; gap?: number },
  options: LayoutOptions,
): { glyphs: PlacedGlyph[]; width: number; height: number } {
  const size = options.size;
  const margin = options.margin ?? Math.round(size * 0.6);
  const piece = (text: string, scale: number) => layoutEquation(text, { ...options, size: size * scale, margin: 0, jitter: 0 });
  const gap = size * (parts.gap ?? 0.15);
  const middle = margin + size * 0.95 + gap;
  const shifted = (p: ReturnType<typeof piece>, dx: number, top: number) => p.glyphs.map((g) => ({ ...g, x: g.x + dx, y: g.y + top }));
  const before = piece(parts.before, 1);
  const numerator = piece(parts.numerator, 0.8);
  const denominator = piece(parts.denominator, 0.8);
  const after = piece(parts.after, 1);
  const lineTop = middle - size / 2;
  const start = margin + before.width + (parts.before ? size * 0.15 : 0);
  const barWidth = Math.max(numerator.width, denominator.width) + size * 0.2;
  const dash = GLYPHS["-"]!;
  const barScale = barWidth / (dash.strokes[0]![1]![0] - dash.strokes[0]![0]![0]);
  const bar: PlacedGlyph = { char: "-", superscript: false, x: start - dash.strokes[0]![0]![0] * barScale, y: middle - dash.strokes[0]![0]![1] * barScale, scale: barScale };
  const glyphs = [
    ...shifted(before, margin, lineTop),
    ...shifted(numerator, start + (barWidth - numerator.width) / 2, middle - gap - size * 0.8),
    bar,
    ...shifted(denominator, start + (barWidth - denominator.width) / 2, middle + gap),
    ...shifted(after, start + barWidth + size * 0.15, lineTop),
  ];
  return { glyphs, width: Math.ceil(start + barWidth + size * 0.15 + after.width + margin), height: Math.ceil(middle + gap + size * 0.8 + margin) };
}

/** Draws glyphs as antialiased pen strokes into an ink-coverage buffer (0-1). */
export function drawGlyphs(glyphs: readonly PlacedGlyph[], width: number, height: number, stroke: number): Float32Array {
  const ink = new Float32Array(width * height);
  for (const g of glyphs) drawGlyph(ink, width, height, g, stroke);
  return ink;
}

function drawGlyph(ink: Float32Array, width: number, height: number, g: PlacedGlyph, stroke: number): void {
  const glyph = GLYPHS[g.char]!;
  const pen = g.superscript ? Math.max(1, stroke * 0.8) : stroke;
  const map = ([u, v]: Point): Point => [g.x + u * g.scale, g.y + v * g.scale];
  for (const line of glyph.strokes) {
    for (let k = 1; k < line.length; k++) drawSegment(ink, width, height, map(line[k - 1]!), map(line[k]!), pen);
  }
  for (const dot of glyph.dots ?? []) {
    const p = map(dot);
    drawSegment(ink, width, height, p, p, pen * 1.4);
  }
}

/**
 * Draws a curly brace as a system of equations is opened with: from `top` to `bottom` between
 * x = `left` (its tip, at `mid`) and `right` (its ends), bowing in to its middle line.
 */
export function drawBrace(
  ink: Float32Array,
  width: number,
  height: number,
  brace: { left: number; right: number; top: number; bottom: number; mid?: number },
  pen: number,
): void {
  const { left, right, top, bottom } = brace;
  const mid = brace.mid ?? (top + bottom) / 2;
  const middle = left + (right - left) * 0.5;
  const points: Point[] = [];
  for (let i = 0; i <= 48; i++) {
    const y = top + ((bottom - top) * i) / 48;
    const half = y < mid ? (mid - y) / (mid - top) : (y - mid) / (bottom - mid);
    points.push([half < 0.12 ? middle - (middle - left) * (1 - half / 0.12) : middle + (right - middle) * ((half - 0.12) / 0.88) ** 4, y]);
  }
  for (let i = 1; i < points.length; i++) drawSegment(ink, width, height, points[i - 1]!, points[i]!, pen);
}

/** Draws a capsule of the given thickness between a and b. */
export function drawSegment(ink: Float32Array, width: number, height: number, a: Point, b: Point, thickness: number): void {
  const r = thickness / 2;
  const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - r - 1));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a[0], b[0]) + r + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - r - 1));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a[1], b[1]) + r + 1));
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - a[0];
      const py = y + 0.5 - a[1];
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const d = Math.hypot(px - t * dx, py - t * dy);
      const cover = Math.max(0, Math.min(1, r + 0.5 - d));
      const i = y * width + x;
      if (cover > ink[i]!) ink[i] = cover;
    }
  }
}

/** True box of each glyph: the pixels its own strokes cover by at least half. */
export function glyphBoxes(glyphs: readonly PlacedGlyph[], width: number, height: number, stroke: number): BoxTuple[] {
  return glyphs.map((g) => {
    const ink = new Float32Array(width * height);
    drawGlyph(ink, width, height, g, stroke);
    let minX = width, minY = height, maxX = -1, maxY = -1;
    for (let i = 0; i < ink.length; i++) {
      if (ink[i]! < 0.5) continue;
      const x = i % width;
      const y = (i - x) / width;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    return [minX, minY, maxX - minX + 1, maxY - minY + 1] as BoxTuple;
  });
}

export interface PaperOptions {
  /** Paper brightness at the left/top and at the right/bottom (a lighting gradient). */
  paper?: [number, number];
  /** Ink darkness relative to paper (0-1). */
  inkStrength?: number;
  /** Amplitude of uniform paper grain, in gray levels. */
  grain?: number;
  /** Spacing of ruled lines in pixels (0 = none), their darkness and thickness. */
  ruleSpacing?: number;
  ruleOffset?: number;
  ruleDarkness?: number;
  ruleThickness?: number;
  seed?: number;
}

/** Puts ink coverage on (possibly shaded, grainy, ruled) paper: a dark-on-light gray image. */
export function renderOnPaper(ink: Float32Array, width: number, height: number, options: PaperOptions = {}): GrayImage {
  const rng = createRng(options.seed ?? 7);
  const [p0, p1] = options.paper ?? [235, 235];
  const strength = options.inkStrength ?? 0.8;
  const grain = options.grain ?? 0;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let rule = 0;
    if (options.ruleSpacing) {
      const phase = (y - (options.ruleOffset ?? 0)) % options.ruleSpacing;
      if (phase >= 0 && phase < (options.ruleThickness ?? 2)) rule = options.ruleDarkness ?? 0.3;
    }
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const paper = p0 + (p1 - p0) * t + (rng() * 2 - 1) * grain;
      const i = y * width + x;
      const dark = Math.max(ink[i]! * strength, rule);
      pixels[i] = Math.max(0, Math.min(255, Math.round(paper * (1 - dark))));
    }
  }
  return { width, height, pixels };
}
