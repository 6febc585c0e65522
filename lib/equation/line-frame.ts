import { median, type BoxTuple } from "./ink-mask";

/**
 * Where a line's symbols sit: the typical height of a full-size symbol and the middle they
 * share. Symbol positions are measured against it, so they mean the same at any image scale.
 */
export interface LineFrame {
  height: number;
  middle: number;
}

/** Where one symbol sits in its line: [log(height / line height), bottom, top], both offsets from the line's middle in line heights (down is positive). */
export type Placement = [logHeight: number, bottom: number, top: number];

/** Bars, dots and commas are flatter than this share of the line's largest symbol side; they would drag the line height down. */
const FULL_SIZE = 0.4;
/** Fewer symbols than this give no line to measure against. */
export const MIN_FRAME_SYMBOLS = 3;

/**
 * The frame of a line from its symbols' boxes ([x, y, width, height], any unit): median height
 * and median vertical centre of its full-size symbols. Null for lines too short to tell.
 */
export function lineFrame(boxes: readonly BoxTuple[]): LineFrame | null {
  if (boxes.length < MIN_FRAME_SYMBOLS) return null;
  const size = median(boxes.map((b) => Math.max(b[2], b[3])));
  const full = boxes.filter((b) => b[3] >= FULL_SIZE * size);
  const ref = full.length > 0 ? full : boxes;
  const height = median(ref.map((b) => b[3]));
  if (!(height > 0)) return null;
  return { height, middle: median(ref.map((b) => b[1] + b[3] / 2)) };
}

export function placeInLine(box: BoxTuple, frame: LineFrame): Placement {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const { height, middle } = frame;
  return [
    clamp(Math.log(Math.max(box[3], 1e-6) / height), -4, 2),
    clamp((box[1] + box[3] - middle) / height, -3, 3),
    clamp((box[1] - middle) / height, -3, 3),
  ];
}
