import sharp from "sharp";
import { CANONICAL_SIZE, type CanonicalImage } from "./canonical-form";
import type { GrayImage } from "./canonicalize";

/** PNG of a canonical image, optionally enlarged with nearest-neighbour so pixels stay crisp. */
export async function encodeCanonicalPng(pixels: CanonicalImage, scale = 1): Promise<Buffer> {
  let img = sharp(Buffer.from(pixels), { raw: { width: CANONICAL_SIZE, height: CANONICAL_SIZE, channels: 1 } });
  if (scale > 1) img = img.resize(CANONICAL_SIZE * scale, CANONICAL_SIZE * scale, { kernel: "nearest" });
  return img.png({ compressionLevel: 6 }).toBuffer();
}

/** PNG of a gray image (one channel, 0 black to 255 white), as the expression export writes them. */
export async function encodeGrayPng(image: GrayImage): Promise<Buffer> {
  const { width, height, pixels } = image;
  return sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length), { raw: { width, height, channels: 1 } })
    .toColourspace("b-w")
    .png({ compressionLevel: 6 })
    .toBuffer();
}
