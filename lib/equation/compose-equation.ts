import { CANONICAL_SIZE, type CanonicalImage } from "../images/canonical-form";
import type { GrayImage } from "../images/canonicalize";
import { inkBoundingBox } from "../images/canonicalize";
import type { BoxTuple } from "./ink-mask";
import { labelComponents } from "./components";
import { thinToSkeleton } from "./stroke-thickness";
import type { FractionRole } from "./fractions";
import { symbolKind } from "./symbol-kinds";
import { drawSegment } from "./synthetic-ink";

export interface ComposeOptions {
  /** Digit height in pixels. */
  size: number;
  /** Random number source in [0, 1) (seeded by the caller for repeatable benches). */
  rng: () => number;
  /** Relative size, baseline and spacing jitter (0.15 = ±15%). Default 0.15. */
  jitter?: number;
  /** Pen width in pixels. Default about 4.5% of the digit height (2-6 px), like a pen or stylus line. */
  pen?: number;
}

/**
 * An exponent's size relative to the line's symbols, and how far its bottom sits above its
 * base's bottom, in base heights (±0.25): CROHME exponents by train-split writers measure a
 * median of 0.55 base heights tall and 0.98 up (5th-95th percentile 0.62-1.55).
 */
const RAISED_SCALE = 0.6;
const RAISED_RISE = 0.9;

/** How a class sits on the line: its size relative to a digit and where its box is anchored. */
interface Placement {
  /** Target extent in digit heights. */
  extent: number;
  /** "height": extent is the box height; "long": the longer side (bars, + and =). */
  by: "height" | "long";
  /** Box bottom relative to the baseline in digit heights (positive = below). */
  drop: number;
  /** Centre vertically at mid-digit instead of sitting on the baseline. */
  centred: boolean;
  /** Widest the symbol may be, in digit heights (a flat, wide sample is shrunk to fit). */
  maxWidth: number;
}

function placementFor(label: string): Placement {
  const kind = symbolKind(label);
  if (kind === "digit") return { extent: 1, by: "height", drop: 0, centred: false, maxWidth: 0.95 };
  if (label === "y" || label === "g" || label === "p" || label === "q") return { extent: 0.95, by: "height", drop: 0.3, centred: false, maxWidth: 0.9 };
  if (kind === "variable") return { extent: 0.65, by: "height", drop: 0, centred: false, maxWidth: 0.9 };
  if (kind === "open" || kind === "close") return { extent: 1.25, by: "height", drop: 0.12, centred: false, maxWidth: 0.5 };
  // Bars, + and =: by their longer side, about half a digit wide; a minus is a short stroke.
  return { extent: label === "-" || label === "−" ? 0.5 : 0.6, by: "long", drop: 0, centred: true, maxWidth: 0.7 };
}

/**
 * Lays canonical symbol images (white on black, 45x45) out as a handwritten line, dark ink on
 * white paper: each symbol cut to its ink, scaled to a realistic size for its class (digits a
 * line high, x at x-height, y with a descender, bars and + about half a digit wide), with
 * random size, baseline and spacing jitter; a raised symbol (an exponent) smaller, above the
 * line and close after its base. Returns the image and each symbol's box.
 *
 * Each canonical image is thinned to its centre line and redrawn at one pen width for the whole
 * line, as a pen would: resampling the 1-2 px canonical strokes instead breaks them into faint
 * fragments when shrunk and smears them when enlarged, which no real handwriting does.
 */
export function composeEquation(
  symbols: readonly { label: string; canonical: CanonicalImage; raised?: boolean; fraction?: FractionRole }[],
  options: ComposeOptions,
): { image: GrayImage; boxes: BoxTuple[] } {
  const { size, rng } = options;
  const jitter = options.jitter ?? 0.15;
  const wobble = () => (rng() * 2 - 1) * jitter;
  const margin = Math.round(size * 0.6);
  const baseline = margin + Math.round(size * 1.1);
  const pen = options.pen ?? Math.min(6, Math.max(2, size * 0.045));
  const placed: Placed[] = [];
  // One symbol at `digit` pixels a digit, its box's top for a line whose baseline is `base`.
  const draw = (label: string, canonical: CanonicalImage, digit: number, raised: boolean) => {
    const box = inkBoundingBox(canonical, CANONICAL_SIZE, CANONICAL_SIZE, 64) ?? { x: 0, y: 0, width: CANONICAL_SIZE, height: CANONICAL_SIZE };
    const p = placementFor(label);
    const target = p.extent * digit * (raised ? RAISED_SCALE : 1) * (1 + wobble());
    const scale = Math.min(target / (p.by === "height" ? box.height : Math.max(box.width, box.height)), (p.maxWidth * digit) / box.width);
    const w = Math.max(1, Math.round(box.width * scale + pen));
    const h = Math.max(1, Math.round(box.height * scale + pen));
    const pixels = redraw(canonical, box, scale, pen, w, h, ["digit", "open", "close"].includes(symbolKind(label)) || label === "y");
    const shift = digit * 0.08 * wobble();
    const top = (base: number) => (p.centred ? Math.round(base - digit * 0.5 - h / 2 + shift) : Math.round(base + p.drop * digit - h + shift));
    return { pixels, w, h, top };
  };
  // Gaps of 0.15-0.45 digit heights: handwriting spacing, from tight to loose.
  const spacing = (digit: number) => digit * (0.3 + 0.15 * (rng() * 2 - 1));
  let cursor = margin;
  let wasRaised = false;
  let baseBottom = baseline;
  let baseHeight = size;
  for (let k = 0; k < symbols.length; k++) {
    const { label, canonical, raised = false, fraction } = symbols[k]!;
    if (fraction) {
      let end = k;
      while (end < symbols.length && symbols[end]!.fraction?.fraction === fraction.fraction) end++;
      const block = stackFraction(symbols.slice(k, end), cursor, baseline - size * 0.5, size, pen, draw, spacing, wobble);
      placed.push(...block.placed);
      cursor += block.width + spacing(size);
      baseBottom = Math.max(...block.placed.map((s) => s.y + s.h));
      baseHeight = size;
      wasRaised = false;
      k = end - 1;
      continue;
    }
    // An exponent is written close after its base.
    if (raised && !wasRaised && placed.length > 0) cursor -= size * 0.12;
    const { pixels, w, h, top } = draw(label, canonical, size, raised);
    const y = raised ? Math.round(baseBottom - baseHeight * (RAISED_RISE + 1.7 * jitter * (rng() * 2 - 1)) - h) : top(baseline);
    placed.push({ pixels, x: Math.round(cursor), y, w, h });
    if (!raised) {
      baseBottom = y + h;
      baseHeight = h;
    }
    wasRaised = raised;
    cursor += w + spacing(size);
  }
  // An exponent over a tall base may rise past the top margin: move the line down to keep it.
  const lift = Math.max(0, Math.round(margin / 2) - Math.min(...placed.map((s) => s.y)));
  for (const s of placed) s.y += lift;
  const width = Math.ceil(cursor + margin);
  // A denominator may reach further down than the line's descenders.
  const height = Math.max(baseline + lift + Math.round(size * 0.6), ...placed.map((s) => s.y + s.h)) + margin;
  const paper = new Float32Array(width * height);
  const boxes: BoxTuple[] = [];
  for (const s of placed) {
    const top = Math.max(0, s.y);
    for (let y = 0; y < s.h; y++) {
      const py = s.y + y;
      if (py < 0 || py >= height) continue;
      for (let x = 0; x < s.w; x++) {
        const v = s.pixels[y * s.w + x]!;
        const i = py * width + s.x + x;
        if (v > paper[i]!) paper[i] = v;
      }
    }
    boxes.push([s.x, top, s.w, Math.min(height, s.y + s.h) - top]);
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - Math.round(paper[i]! * 235);
  return { image: { width, height, pixels }, boxes };
}

interface Placed {
  pixels: Float32Array;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Numerator and denominator symbols at this share of the line's size. */
const FRACTION_SCALE = 0.8;

/**
 * A stacked fraction's symbols (numerator, bar, denominator, in that order) laid out from `left`
 * with the bar centred at `middle`: each side a line of its own, centred over or under the bar,
 * 0.08-0.2 digit heights off it; the bar the written "-" drawn out along its length to the
 * wider side and a little more. Returns the placed symbols in the same order and the block's width.
 */
function stackFraction(
  symbols: readonly { label: string; canonical: CanonicalImage; fraction?: FractionRole }[],
  left: number,
  middle: number,
  size: number,
  pen: number,
  draw: (label: string, canonical: CanonicalImage, digit: number, raised: boolean) => { pixels: Float32Array; w: number; h: number; top: (base: number) => number },
  spacing: (digit: number) => number,
  wobble: () => number,
): { placed: Placed[]; width: number } {
  const digit = size * FRACTION_SCALE;
  const side = (role: FractionRole["role"]) => {
    let x = 0;
    const out = symbols
      .filter((s) => s.fraction?.role === role)
      .map((s) => {
        const d = draw(s.label, s.canonical, digit, false);
        const at = { pixels: d.pixels, x, y: d.top(0), w: d.w, h: d.h };
        x += d.w + spacing(digit);
        return at;
      });
    const width = out.length > 0 ? out[out.length - 1]!.x + out[out.length - 1]!.w : 0;
    return { out, width };
  };
  const numerator = side("numerator");
  const denominator = side("denominator");
  const dash = symbols.find((s) => s.fraction?.role === "bar")!;
  const barWidth = Math.max(numerator.width, denominator.width) + size * 0.2 * (1 + wobble());
  const box = inkBoundingBox(dash.canonical, CANONICAL_SIZE, CANONICAL_SIZE, 64) ?? { x: 0, y: 0, width: CANONICAL_SIZE, height: CANONICAL_SIZE };
  // Drawn out along its length only: a long bar slopes no more than the minus it was written as.
  const scale = [barWidth / box.width, (placementFor("-").extent * size) / box.width] as const;
  const barW = Math.max(1, Math.round(box.width * scale[0] + pen));
  const barH = Math.max(1, Math.round(box.height * scale[1] + pen));
  const bar: Placed = { pixels: redraw(dash.canonical, box, scale, pen, barW, barH, false), x: Math.round(left), y: Math.round(middle - barH / 2), w: barW, h: barH };
  const gap = () => size * (0.14 + 0.4 * wobble());
  const above = bar.y - gap() - Math.max(...numerator.out.map((s) => s.y + s.h));
  const below = bar.y + bar.h + gap() - Math.min(...denominator.out.map((s) => s.y));
  const centred = (s: { out: Placed[]; width: number }, dy: number) =>
    s.out.map((p) => ({ ...p, x: Math.round(left + (barW - s.width) / 2 + p.x), y: Math.round(p.y + dy) }));
  return { placed: [...centred(numerator, above), bar, ...centred(denominator, below)], width: barW };
}

/**
 * The canonical strokes' centre line, scaled by `scale` and drawn with a round pen of width
 * `pen` into a w x h coverage buffer (0-1): every pair of neighbouring skeleton pixels becomes
 * one pen segment, so strokes stay connected at any scale.
 */
function redraw(
  canonical: CanonicalImage,
  box: { x: number; y: number; width: number; height: number },
  scale: number | readonly [number, number],
  pen: number,
  w: number,
  h: number,
  heal: boolean,
): Float32Array {
  const out = new Float32Array(w * h);
  const mask = Uint8Array.from(canonical, (v) => (v >= 96 ? 1 : 0));
  const skeleton = thinToSkeleton(mask, CANONICAL_SIZE, CANONICAL_SIZE);
  const [sx, sy] = typeof scale === "number" ? [scale, scale] : scale;
  const at = (x: number, y: number): [number, number] => [(x - box.x + 0.5) * sx + pen / 2, (y - box.y + 0.5) * sy + pen / 2];
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < CANONICAL_SIZE && y < CANONICAL_SIZE && skeleton[y * CANONICAL_SIZE + x] === 1;
  for (let y = 0; y < CANONICAL_SIZE; y++) {
    for (let x = 0; x < CANONICAL_SIZE; x++) {
      if (!on(x, y)) continue;
      const a = at(x, y);
      drawSegment(out, w, h, a, a, pen);
      // Forward neighbours only, so each link is drawn once.
      for (const [dx, dy] of [[1, 0], [-1, 1], [0, 1], [1, 1]] as const) {
        if (on(x + dx, y + dy)) drawSegment(out, w, h, a, at(x + dx, y + dy), pen);
      }
    }
  }
  // The canonical renderer clips points landing on row/column 45 (as the Kaggle set does), so a
  // stroke that runs along the far edge comes back as two ends on the last row with the run
  // between them missing: the foot of a 2, the bowl of a 5 or 3 in a quarter of the CROHME
  // samples. A pen never leaves that gap; redraw the run between neighbouring ends of different
  // strokes (for digits, brackets and y, whose separate strokes never both end on that edge).
  if (heal) {
    const parts = labelComponents({ width: CANONICAL_SIZE, height: CANONICAL_SIZE, mask: skeleton }).labels;
    const last = CANONICAL_SIZE - 1;
    const edges: [number, number][][] = [
      Array.from({ length: CANONICAL_SIZE }, (_, i) => [i, last] as [number, number]),
      Array.from({ length: CANONICAL_SIZE }, (_, i) => [last, i] as [number, number]),
    ];
    for (const edge of edges) {
      const inked = edge.filter(([x, y]) => on(x, y));
      for (let k = 1; k < inked.length; k++) {
        const [ax, ay] = inked[k - 1]!;
        const [bx, by] = inked[k]!;
        if (parts[ay * CANONICAL_SIZE + ax] !== parts[by * CANONICAL_SIZE + bx]) drawSegment(out, w, h, at(ax, ay), at(bx, by), pen);
      }
    }
  }
  return out;
}
