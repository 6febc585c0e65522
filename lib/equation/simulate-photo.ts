import type { GrayImage } from "../images/canonicalize";
import type { Rng } from "../util/prng";
import { rankFilter } from "./morphology";

export type PaperKind = "plain" | "ruled" | "grid";

export interface PhotoOptions {
  rng: Rng;
  /** Pen width as a share of the image height (a ballpoint on a 5 mm line is about 1/30). */
  penShare?: number;
  /**
   * The written line's height in pixels, when the image shows more of the page than the line:
   * the random pen is drawn as a share of it rather than of the image (default the image height).
   */
  lineHeight?: number;
  /** Force the paper: plain, ruled (horizontal lines) or grid (squared, as in a maths exercise book). Random when absent. */
  paper?: PaperKind;
  /** Force pencil (light gray ink) or pen. Random when absent (pencil 1 in 5). */
  pencil?: boolean;
  /** Force the desk showing past one edge of the page, or none. Random when absent (1 in 4). */
  desk?: boolean;
}

/**
 * A dark-on-light rendering of ink made to look like a phone photo of pen on paper: the pen
 * thickened to a random ballpoint-to-felt width, ink that is gray rather than black and uneven
 * along the stroke, paper lit from one side with a soft shadow, sometimes ruled or squared, sometimes
 * written in pencil or with the desk showing past the page's edge, sensor
 * grain, and a small tilt. Blur and JPEG compression are the camera's part, applied by the
 * caller (sharp). A stand-in for real photos, which would need labelled ones to measure. Pure.
 */
export function simulatePhoto(image: GrayImage, options: PhotoOptions): GrayImage {
  const { rng } = options;
  const between = (lo: number, hi: number) => lo + rng() * (hi - lo);
  const { width, height } = image;
  // Ink coverage, thickened by a min filter on the dark-on-light image.
  const pen = Math.max(1, Math.round(options.penShare !== undefined ? options.penShare * height : between(1 / 60, 1 / 25) * (options.lineHeight ?? height)));
  const extra = Math.max(0, Math.round((pen - 3) / 2));
  const thick = extra > 0 ? rankFilter(image.pixels, width, height, extra, "min") : image.pixels;

  const margin = Math.round(0.15 * height);
  const outW = width + 2 * margin;
  const outH = height + 2 * margin;
  const tilt = (between(-2.5, 2.5) * Math.PI) / 180;
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  const paperHi = between(190, 245);
  const paperLo = paperHi - between(15, 70);
  const light = rng() * 2 * Math.PI;
  const inkLevel = between(25, 90);
  const drawnRuled = rng() < 0.4;
  const ruleSpacing = Math.round(between(0.35, 0.6) * height);
  const ruleOffset = Math.round(rng() * ruleSpacing);
  const ruleDark = between(0.08, 0.25);
  const shadowX = between(0.2, 0.8) * outW;
  const shadowR = between(0.3, 0.7) * outW;
  const shadowDepth = rng() < 0.5 ? between(0.1, 0.35) : 0;
  const grain = between(2, 8);
  // Uneven ink flow, smooth along the page.
  const flowA = between(0.005, 0.02);
  const flowB = rng() * 6;
  // Drawn last so the draws above, and the ruled share, stay as they were before grid paper.
  const drawnGrid = drawnRuled && rng() < 0.5;
  const paperKind = options.paper ?? (drawnGrid ? "grid" : drawnRuled ? "ruled" : "plain");
  const ruled = paperKind !== "plain";
  const grid = paperKind === "grid";
  const pencil = rng() < 0.2;
  // Graphite is a share of the paper's own level: it darkens with the paper in a shadow.
  const pencilShare = between(0.45, 0.7);
  const drawnDesk = rng() < 0.25;
  // The page's edge: which side of the frame it runs along, how far in, its slant, the desk's shade.
  const deskSide = Math.floor(rng() * 4);
  // Within the margin, so the page never covers writing.
  const deskDepth = between(0.25, 0.85) * margin;
  const deskDrift = between(-0.3, 0.3) * margin;
  const deskLevel = between(25, 110);
  const desk = options.desk ?? drawnDesk;
  const usePencil = options.pencil ?? pencil;

  const pixels = new Uint8Array(outW * outH);
  const cx = outW / 2;
  const cy = outH / 2;
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      // Inverse tilt: where this output pixel comes from in the input.
      const dx = x - cx;
      const dy = y - cy;
      const sx = cos * dx + sin * dy + cx - margin;
      const sy = -sin * dx + cos * dy + cy - margin;
      const coverage = 1 - sample(thick, width, height, sx, sy) / 255;
      const t = ((x - cx) * Math.cos(light) + (y - cy) * Math.sin(light)) / Math.hypot(outW, outH) + 0.5;
      let paper = paperHi - (paperHi - paperLo) * t;
      if (shadowDepth > 0) paper *= 1 - shadowDepth * Math.exp(-(((x - shadowX) / shadowR) ** 2));
      const rule = Math.max(1, pen / 2);
      const onRule = ruled && (y - ruleOffset) % ruleSpacing >= 0 && (y - ruleOffset) % ruleSpacing < rule;
      const onColumn = grid && (x + ruleOffset) % ruleSpacing < rule;
      if (onRule || onColumn) paper *= 1 - ruleDark;
      const flow = 0.85 + 0.15 * Math.sin(x * flowA + flowB) * Math.cos(y * flowA);
      const ink = paper - (paper - (usePencil ? paper * pencilShare : inkLevel)) * coverage * flow;
      const level = desk && pastPageEdge(x, y, outW, outH, deskSide, deskDepth, deskDrift) ? deskLevel : ink;
      pixels[y * outW + x] = clamp(level + (rng() * 2 - 1) * grain);
    }
  }
  return { width: outW, height: outH, pixels };
}

/**
 * Whether (x, y) lies past the page's edge, on the desk: a strip along side 0 left, 1 top,
 * 2 right or 3 bottom, depth pixels deep, its edge drifting by drift pixels along the frame.
 */
function pastPageEdge(x: number, y: number, width: number, height: number, side: number, depth: number, drift: number): boolean {
  if (side === 0) return x < depth + (drift * y) / height;
  if (side === 2) return x > width - depth + (drift * y) / height;
  if (side === 1) return y < depth + (drift * x) / width;
  return y > height - depth + (drift * x) / width;
}

/** Bilinear sample of a dark-on-light image; outside is paper (255). */
function sample(pixels: Uint8Array, width: number, height: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= width || yy >= height ? 255 : pixels[yy * width + xx]!);
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
