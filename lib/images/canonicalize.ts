import { CANONICAL_PIXELS, CANONICAL_SIZE, type CanonicalImage } from "./canonical-form";

/** Which way round the ink is in the input. "auto" reads it off the image border. */
export type Polarity = "auto" | "dark-on-light" | "light-on-dark";

export interface GrayImage {
  width: number;
  height: number;
  /** width*height bytes, row-major. */
  pixels: Uint8Array;
}

export interface CanonicalizeOptions {
  polarity?: Polarity;
  /** Ink level (0-255, after polarity is fixed) from which a pixel counts for the bounding box. */
  inkThreshold?: number;
}

/** Levels below this after contrast stretching are JPEG ringing or paper grain, not ink. */
const NOISE_FLOOR = 24;
const DEFAULT_INK_THRESHOLD = 96;

/**
 * Brings any grayscale symbol image to the canonical form: white ink on black, contrast
 * stretched, cropped to the ink's bounding box, scaled so the longer side spans 45 px (the
 * Kaggle extractor's rule, so Kaggle images pass through almost unchanged) and centred with an
 * integer margin. Returns null when the image holds no ink at all.
 */
export function canonicalize(image: GrayImage, options: CanonicalizeOptions = {}): CanonicalImage | null {
  const { width, height, pixels } = image;
  if (width <= 0 || height <= 0 || pixels.length !== width * height) {
    throw new Error(`pixel buffer of ${pixels.length} bytes does not match ${width}x${height}`);
  }
  const polarity = options.polarity ?? "auto";
  const darkInk = polarity === "dark-on-light" || (polarity === "auto" && borderMean(image) > 127);
  const ink = stretchInk(pixels, darkInk);
  if (!ink) return null;

  const box = inkBoundingBox(ink, width, height, options.inkThreshold ?? DEFAULT_INK_THRESHOLD);
  if (!box) return null;
  return fitToCanonical(ink, width, box);
}

/** Mean of the outermost ring of pixels: paper on a scan, background on a render. */
export function borderMean({ width, height, pixels }: GrayImage): number {
  let sum = 0;
  let count = 0;
  for (let x = 0; x < width; x++) {
    sum += pixels[x]! + pixels[(height - 1) * width + x]!;
    count += 2;
  }
  for (let y = 1; y < height - 1; y++) {
    sum += pixels[y * width]! + pixels[y * width + width - 1]!;
    count += 2;
  }
  return count === 0 ? 0 : sum / count;
}

/** Ink as high values, background level mapped to 0 and the strongest ink to 255. */
function stretchInk(pixels: Uint8Array, darkInk: boolean): Uint8Array | null {
  const out = new Uint8Array(pixels.length);
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i++) {
    const v = darkInk ? 255 - pixels[i]! : pixels[i]!;
    out[i] = v;
    histogram[v]!++;
  }
  // The median is background: symbols cover well under half of their image.
  let seen = 0;
  let background = 0;
  for (; background < 256; background++) {
    seen += histogram[background]!;
    if (seen * 2 >= pixels.length) break;
  }
  let peak = 255;
  while (peak > 0 && histogram[peak] === 0) peak--;
  if (peak - background < 32) return null;
  const scale = 255 / (peak - background);
  for (let i = 0; i < out.length; i++) {
    const v = Math.round((out[i]! - background) * scale);
    out[i] = v < NOISE_FLOOR ? 0 : v > 255 ? 255 : v;
  }
  return out;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smallest box holding every pixel at or above threshold; null when there is none. */
export function inkBoundingBox(ink: Uint8Array, width: number, height: number, threshold: number): Box | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (ink[row + x]! >= threshold) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return null;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * Scales the box of an ink-high image so its longer side spans 45 px and centres it with the
 * integer margin (45 - extent) / 2, area-averaging so thin strokes are not lost when shrinking.
 * Shared with the equation solver, which must hand the model crops made exactly like this.
 */
export function fitToCanonical(ink: Uint8Array, stride: number, box: Box): CanonicalImage {
  const out = new Uint8Array(CANONICAL_PIXELS);
  const scale = CANONICAL_SIZE / Math.max(box.width, box.height);
  const outW = Math.max(1, Math.min(CANONICAL_SIZE, Math.round(box.width * scale)));
  const outH = Math.max(1, Math.min(CANONICAL_SIZE, Math.round(box.height * scale)));
  const offX = Math.floor((CANONICAL_SIZE - outW) / 2);
  const offY = Math.floor((CANONICAL_SIZE - outH) / 2);
  const sx = box.width / outW;
  const sy = box.height / outH;
  for (let ty = 0; ty < outH; ty++) {
    const y0 = ty * sy;
    const y1 = y0 + sy;
    for (let tx = 0; tx < outW; tx++) {
      const x0 = tx * sx;
      const x1 = x0 + sx;
      let acc = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        const row = (box.y + y) * stride + box.x;
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          acc += ink[row + x]! * w;
          area += w;
        }
      }
      out[(offY + ty) * CANONICAL_SIZE + offX + tx] = Math.round(acc / area);
    }
  }
  return out;
}
