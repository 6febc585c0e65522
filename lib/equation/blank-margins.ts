import type { GrayImage } from "../images/canonicalize";
import type { BoxTuple } from "./ink-mask";

/** A pixel this far from the paper's value is something drawn (anti-aliased edges included). */
const DRAWN_DELTA = 6;
/** Blank paper kept around what is drawn: wider than any filter of the binariser reaches. */
const MARGIN = 32;
/** Cropping that saves less than this share of the pixels is not worth changing the input for. */
const MIN_SAVING = 0.3;

export interface BlankMarginCrop {
  image: GrayImage;
  /** Where the crop's left and top edges sit in the image given. */
  left: number;
  top: number;
}

/**
 * An image whose paper is one exact value (a canvas export, a drawing app's PNG: the Solve canvas
 * sends 2280×780 pixels of which a line fills a third) cropped to what is drawn on it plus a
 * margin of the same blank paper, so segmentation, whose time goes with the pixel count, reads
 * only the part with ink. A photo or scan has no such paper (noise, shading), and an image with
 * little blank paper around its ink is returned as it is (null). Pure.
 */
export function cropBlankMargins(image: GrayImage): BlankMarginCrop | null {
  const { width, height, pixels } = image;
  if (width === 0 || height === 0) return null;
  const paper = pixels[0]!;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (Math.abs(pixels[row + x]! - paper) >= DRAWN_DELTA) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    if (top === height) top = y;
    bottom = y;
    if (first < left) left = first;
    if (last > right) right = last;
  }
  // A blank page is left to the pipeline, which says so.
  if (right < 0) return null;
  const box: BoxTuple = [Math.max(0, left - MARGIN), Math.max(0, top - MARGIN), 0, 0];
  box[2] = Math.min(width, right + 1 + MARGIN) - box[0];
  box[3] = Math.min(height, bottom + 1 + MARGIN) - box[1];
  if (box[2] * box[3] > (1 - MIN_SAVING) * width * height) return null;
  const out = new Uint8Array(box[2] * box[3]);
  for (let y = 0; y < box[3]; y++) {
    const from = (box[1] + y) * width + box[0];
    out.set(pixels.subarray(from, from + box[2]), y * box[2]);
  }
  return { image: { width: box[2], height: box[3], pixels: out }, left: box[0], top: box[1] };
}

/** At least this share of a drawing's pixels are its paper's exact level. */
const MIN_BLANK_SHARE = 0.5;

/**
 * Whether most of the image is paper of one exact level (the first pixel's), as a canvas or a
 * drawing app exports it: what cropBlankMargins crops around, and what no photo or scan has.
 */
export function onBlankPaper({ pixels }: GrayImage): boolean {
  const paper = pixels[0];
  let blank = 0;
  for (const v of pixels) if (v === paper) blank++;
  return blank >= MIN_BLANK_SHARE * pixels.length;
}
