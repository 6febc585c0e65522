import crypto from "node:crypto";
import type { Point, Stroke } from "./ink-document";

/**
 * The strokes JSON stored in `samples.strokes` and `expressions.strokes`, for every ink-born
 * sample (InkML imports, canvas drawings):
 *
 * ```json
 * [[[x, y], [x, y], ...], [[x, y], ...], ...]
 * ```
 *
 * - an array of strokes in drawing order; a stroke is one pen-down-to-pen-up trace;
 * - a stroke is an array of points in drawing order, at least one;
 * - a point is exactly `[x, y]`: two finite JSON numbers, x to the right, **y downwards**
 *   (InkML's and the canvas's convention). Units are whatever the device recorded (InkML
 *   ink units, canvas CSS pixels); rendering rescales, so only the shape matters. Time and
 *   pressure are not kept.
 *
 * Canvas example: a "+" drawn as two strokes is `[[[10,50],[90,50]],[[50,10],[50,90]]]`.
 * Write it with `strokesToJson`, read it with `parseStrokesJson`, and use `strokesHash`
 * as the sample's identity so the same ink is stored once whoever saves it.
 */
export type StrokesJson = string;

/** Serialises strokes in the documented form (numbers as JavaScript prints them, lossless). */
export function strokesToJson(strokes: readonly Stroke[]): StrokesJson {
  return JSON.stringify(strokes.map((stroke) => stroke.map(([x, y]) => [x, y])));
}

/** Reads the documented form, rejecting anything else with a RangeError naming the fault. */
export function parseStrokesJson(text: string): Stroke[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RangeError(`strokes are not JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(value)) throw new RangeError("strokes must be an array of strokes");
  return value.map((stroke, s) => {
    if (!Array.isArray(stroke) || stroke.length === 0) throw new RangeError(`stroke ${s} must be a non-empty array of [x, y] points`);
    return stroke.map((point, p): Point => {
      if (!Array.isArray(point) || point.length !== 2 || !point.every((v) => typeof v === "number" && Number.isFinite(v))) {
        throw new RangeError(`stroke ${s}, point ${p} must be [x, y] with two finite numbers`);
      }
      return [point[0] as number, point[1] as number];
    });
  });
}

/** Decimals kept by normalizeStrokesForHash: far below a pixel at any render size, above float noise. */
const HASH_DECIMALS = 1e4;

/**
 * The ink moved so its top-left is at 0,0 and rounded to 4 decimals. KAIST's "sub"
 * expressions reuse a symbol's ink at another place on the page; after this the copies are
 * equal (119 of CROHME's 85,802 symbols are such copies), while different handwriting never is.
 */
export function normalizeStrokesForHash(strokes: readonly Stroke[]): Stroke[] {
  let minX = Infinity;
  let minY = Infinity;
  for (const stroke of strokes) {
    for (const [x, y] of stroke) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
    }
  }
  const round = (v: number) => Math.round(v * HASH_DECIMALS) / HASH_DECIMALS + 0; // + 0 turns -0 into 0
  return strokes.map((stroke) => stroke.map(([x, y]): Point => [round(x - minX), round(y - minY)]));
}

/** md5 hex of the normalised strokes JSON: the identity (dedup hash) of an ink-born sample. */
export function strokesHash(strokes: readonly Stroke[]): string {
  return crypto.createHash("md5").update(strokesToJson(normalizeStrokesForHash(strokes))).digest("hex");
}
