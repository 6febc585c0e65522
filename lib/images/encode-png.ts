import sharp from "sharp";
import { CANONICAL_SIZE, type CanonicalImage } from "./canonical-form";

/** PNG of a canonical image, optionally enlarged with nearest-neighbour so pixels stay crisp. */
export async function encodeCanonicalPng(pixels: CanonicalImage, scale = 1): Promise<Buffer> {
  let img = sharp(Buffer.from(pixels), { raw: { width: CANONICAL_SIZE, height: CANONICAL_SIZE, channels: 1 } });
  if (scale > 1) img = img.resize(CANONICAL_SIZE * scale, CANONICAL_SIZE * scale, { kernel: "nearest" });
  return img.png({ compressionLevel: 6 }).toBuffer();
}
