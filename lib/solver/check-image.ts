import sharp from "sharp";
import { isHeic, MAX_INPUT_PIXELS, sniffImageType } from "../images/decode";

/** Uploads larger than this are refused before they are read in full. */
export const MAX_SOLVE_BYTES = 10 * 1024 * 1024;
export const MAX_SOLVE_PIXELS = MAX_INPUT_PIXELS;

/** What the caller sent cannot be solved: `status` is the HTTP status to answer with. */
export class SolveInputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 | 413 = 400,
  ) {
    super(message);
    this.name = "SolveInputError";
  }
}

export interface ImageHeader {
  type: string;
  width: number;
  height: number;
}

/**
 * Checks an upload without decoding its pixels: not empty, at most 10 MB, a format we read
 * (by its first bytes, not its name), and at most 40 megapixels by the dimensions in its
 * header (sharp's metadata() parses headers only), so a decompression bomb is never expanded.
 */
export async function checkImageBytes(bytes: Uint8Array): Promise<ImageHeader> {
  if (bytes.length === 0) throw new SolveInputError("empty upload: send a PNG or JPEG image");
  if (bytes.length > MAX_SOLVE_BYTES) throw tooLarge(bytes.length);
  const type = sniffImageType(bytes);
  if (!type && isHeic(bytes)) {
    throw new SolveInputError("a HEIC photo (an iPhone's default format) cannot be read here: send it as JPEG or PNG (on the iPhone, Settings > Camera > Formats > Most Compatible)");
  }
  if (!type) throw new SolveInputError("not an image: send a PNG or JPEG (the first bytes match no image format)");
  let { width, height } = headerDimensions(bytes, type) ?? {};
  if (width === undefined || height === undefined) {
    try {
      ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
    } catch (err) {
      throw new SolveInputError(`not a readable image: ${(err as Error).message.split("\n")[0]}`);
    }
  }
  if (!width || !height) throw new SolveInputError("not a readable image: its header has no dimensions");
  if (width * height > MAX_SOLVE_PIXELS) {
    throw new SolveInputError(
      `image too large: ${width}x${height} is ${(width * height / 1e6).toFixed(1)} megapixels, the limit is ${MAX_SOLVE_PIXELS / 1e6}`,
      413,
    );
  }
  return { type, width, height };
}

export function tooLarge(bytes: number): SolveInputError {
  return new SolveInputError(`upload too large: ${(bytes / 1024 / 1024).toFixed(1)} MB, the limit is ${MAX_SOLVE_BYTES / 1024 / 1024} MB`, 413);
}

/**
 * Width and height straight from a PNG's IHDR or a JPEG's SOF marker, so the pixel limit holds
 * even when the rest of the file is damaged or hostile. Null for other formats (sharp's
 * header-only metadata() answers for those) or when the header is not where it should be.
 */
export function headerDimensions(bytes: Uint8Array, type: string): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "image/png") {
    if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (type === "image/jpeg") {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      }
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      i += 2 + view.getUint16(i + 2);
    }
    return null;
  }
  return null;
}
