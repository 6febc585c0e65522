import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { estimateSkew, levelMask } from "../../../lib/equation/deskew";
import { binarizeInk } from "../../../lib/equation/preprocess";
import type { InkMask } from "../../../lib/equation/ink-mask";
import { stacked, turned, written } from "../solver/fakes";

const inkOf = (text: string, degrees: number) => binarizeInk(turned(written(text), degrees));

describe("estimateSkew", () => {
  it("finds a level line level", () => {
    const { degrees } = estimateSkew(inkOf("2x+3=7", 0));
    assert.ok(Math.abs(degrees) < 1, `measured ${degrees.toFixed(2)}°`);
  });

  // Turned writing measures as its level self plus the turn: a line's own slope, as the
  // symbols' shapes make it, is a degree or two either way and is what MIN_SKEW allows for.
  it("measures a line written at a slope, either way", () => {
    const level = estimateSkew(inkOf("2x+3=7", 0)).degrees;
    for (const slope of [6, -10, 15]) {
      const { degrees, votes } = estimateSkew(inkOf("2x+3=7", slope));
      assert.ok(Math.abs(degrees - level - slope) < 1, `turned ${slope}°, measured ${degrees.toFixed(2)}°`);
      assert.ok(votes >= 3);
    }
  });

  it("measures the slope of a system of two lines without voting across them", () => {
    const system = stacked([written("2x+y=4", 4), written("x-y=2", 7)], 30);
    const level = estimateSkew(binarizeInk(system)).degrees;
    assert.ok(Math.abs(level) < 2.5, `level system measured ${level.toFixed(2)}°`);
    for (const slope of [-7, 9]) {
      const { degrees } = estimateSkew(binarizeInk(turned(system, slope)));
      assert.ok(Math.abs(degrees - level - slope) < 1, `turned ${slope}°, measured ${degrees.toFixed(2)}°`);
    }
  });

  it("gives no slope for a blank mask or a single symbol", () => {
    assert.deepEqual(estimateSkew({ width: 10, height: 10, mask: new Uint8Array(100) }), { degrees: 0, votes: 0 });
    assert.equal(estimateSkew(inkOf("7", 9)).votes, 0);
  });
});

describe("levelMask", () => {
  it("turns a sloped bar level and maps its box back onto the source", () => {
    const width = 200;
    const height = 100;
    const mask = new Uint8Array(width * height);
    // A bar falling 10° to the right, 3 px thick.
    const t = Math.tan((10 * Math.PI) / 180);
    for (let x = 20; x < 180; x++) for (let d = 0; d < 3; d++) mask[Math.round(30 + (x - 20) * t + d) * width + x] = 1;
    const level = levelMask({ width, height, mask }, 10);
    const box = inkBox(level.ink);
    assert.ok(box[3] <= 6, `levelled bar ${box[3]} px high`);
    const [x, y, w, h] = level.toSource(box);
    assert.ok(x <= 21 && x + w >= 179, `x ${x}..${x + w}`);
    assert.ok(y <= 31 && y + h >= 30 + 159 * t, `y ${y}..${y + h}`);
    assert.ok(x >= 0 && y >= 0 && x + w <= width && y + h <= height);
  });
});

function inkBox({ width, height, mask }: InkMask): [number, number, number, number] {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (mask[y * width + x]) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  return [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}
