import sharp from "sharp";
import type { GrayImage } from "./canonicalize";

/** Uploads and files larger than this are refused before decoding (decompression bombs). */
export const MAX_INPUT_PIXELS = 40_000_000;

export class ImageDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageDecodeError";
  }
}

// One libvips thread per call: the importer already runs several decodes at once, and on a
// 2-core machine nested parallelism only adds contention.
sharp.concurrency(1);
sharp.cache(false);

export interface DecodeOptions {
  /** Scale the picture down (keeping its aspect) to at most this many pixels. */
  maxPixels?: number;
}

/**
 * Decodes JPEG, PNG, WebP, GIF, TIFF or BMP bytes to 8-bit grayscale, upright as a viewer shows
 * it (a phone stores a portrait photo as landscape pixels plus an EXIF orientation). Transparent
 * areas become paper (see onPaper).
 */
export async function decodeGray(bytes: Uint8Array, options: DecodeOptions = {}): Promise<GrayImage> {
  if (bytes.length === 0) throw new ImageDecodeError("empty file");
  try {
    let pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).autoOrient();
    const { width = 0, height = 0, hasAlpha } = await pipeline.metadata();
    if (options.maxPixels !== undefined && width * height > options.maxPixels) {
      // A box of equal sides scaled by the area ratio: the same area whichever way the photo is turned.
      const side = Math.floor(Math.max(width, height) * Math.sqrt(options.maxPixels / (width * height)));
      pipeline = pipeline.resize({ width: side, height: side, fit: "inside", kernel: "lanczos3" });
    }
    if (hasAlpha) {
      // A drawing with alpha (the Solve canvas's export, a drawing app's PNG) is nearly always
      // neutral ink, whose gray is any one of its channels: read once as raw channels, it takes a
      // quarter of libvips's greyscale conversion and a second read for the alpha.
      const raw = await pipeline.clone().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const neutral = neutralWithAlpha(raw.data, raw.info.channels);
      if (neutral) return { width: raw.info.width, height: raw.info.height, pixels: onPaper(neutral.gray, neutral.alpha) };
    }
    // With alpha the pipeline is read twice: its levels, then its alpha.
    const { data, info } = await (hasAlpha ? pipeline.clone() : pipeline).greyscale().raw().toBuffer({ resolveWithObject: true });
    const gray = new Uint8Array(data.buffer, data.byteOffset, info.width * info.height);
    if (!hasAlpha) return { width: info.width, height: info.height, pixels: gray };
    const alpha = await pipeline.clone().ensureAlpha().extractChannel("alpha").raw().toBuffer();
    return { width: info.width, height: info.height, pixels: onPaper(gray, alpha) };
  } catch (err) {
    throw new ImageDecodeError(describeSharpError(err));
  }
}

/**
 * The gray and alpha planes of interleaved gray+alpha or RGBA pixels, or null when any pixel has
 * colour (red, green and blue not all equal), which only libvips's conversion turns to gray.
 */
function neutralWithAlpha(data: Uint8Array, channels: number): { gray: Uint8Array; alpha: Uint8Array } | null {
  if (channels !== 2 && channels !== 4) return null;
  const n = data.length / channels;
  const gray = new Uint8Array(n);
  const alpha = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const v = data[p]!;
    if (channels === 4 && (data[p + 1] !== v || data[p + 2] !== v)) return null;
    gray[i] = v;
    alpha[i] = data[p + channels - 1]!;
  }
  return { gray, alpha };
}

/**
 * Gray pixels with their alpha laid on paper: white, the usual background of a drawing exported
 * with alpha, unless what is drawn is light (white ink from a dark-themed app), which would
 * vanish on white: then black.
 */
function onPaper(gray: Uint8Array, alpha: Uint8Array): Uint8Array {
  let drawn = 0;
  let level = 0;
  for (let i = 0; i < gray.length; i++) {
    drawn += alpha[i]!;
    level += alpha[i]! * gray[i]!;
  }
  const paper = drawn > 0 && level / drawn > LIGHT_INK ? 0 : 255;
  const out = new Uint8Array(gray.length);
  for (let i = 0; i < gray.length; i++) {
    const a = alpha[i]! / 255;
    out[i] = Math.round(a * gray[i]! + (1 - a) * paper);
  }
  return out;
}

/** Opaque pixels lighter than this on average are light ink (see onPaper). */
const LIGHT_INK = 160;

function describeSharpError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(message)) return "not an image (unsupported or unrecognised format)";
  if (/pixel limit/i.test(message)) return `image larger than ${MAX_INPUT_PIXELS / 1e6} megapixels`;
  if (/premature end|truncated|corrupt|invalid|bad/i.test(message)) return `corrupt image: ${message.split("\n")[0]}`;
  return `cannot decode image: ${message.split("\n")[0]}`;
}

/** MIME type from the first bytes, or null when the bytes are no image format we read. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes.length >= 12 && bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return "image/webp";
  if (bytes.length >= 4 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return "image/gif";
  if (bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d) return "image/bmp";
  if (bytes.length >= 4 && ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d))) return "image/tiff";
  const brand = isoBrand(bytes);
  if (brand === "avif" || brand === "avis") return "image/avif";
  return null;
}

/** HEIC brands: an iPhone's photos by default. libvips as sharp ships it reads AVIF but not HEVC. */
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

/** True for a HEIC photo, which we cannot decode: the caller can say so instead of "not an image". */
export function isHeic(bytes: Uint8Array): boolean {
  const brand = isoBrand(bytes);
  return brand !== null && HEIC_BRANDS.has(brand);
}

/** The major brand of an ISO media file (the "ftyp" box first), or null. */
function isoBrand(bytes: Uint8Array): string | null {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(4, 8)) !== "ftyp") return null;
  return String.fromCharCode(...bytes.subarray(8, 12));
}
