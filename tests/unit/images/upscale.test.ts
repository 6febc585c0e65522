import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { upscaleGray } from "../../../lib/images/upscale";

describe("upscaleGray", () => {
  it("enlarges by a whole factor, keeping flat areas flat and an edge where it was", () => {
    const width = 8;
    const height = 4;
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = x < 4 ? 30 : 220;
    const big = upscaleGray({ width, height, pixels }, 3);
    assert.equal(big.width, 24);
    assert.equal(big.height, 12);
    assert.equal(big.pixels[5 * 24 + 1], 30);
    assert.equal(big.pixels[5 * 24 + 22], 220);
    // The step sits between source columns 3 and 4: output columns 11 and 12.
    assert.ok(big.pixels[5 * 24 + 10]! < 125 && big.pixels[5 * 24 + 13]! > 125);
  });

  it("returns the image itself for a factor of 1 and refuses a fractional one", () => {
    const image = { width: 2, height: 1, pixels: new Uint8Array([0, 255]) };
    assert.equal(upscaleGray(image, 1), image);
    assert.throws(() => upscaleGray(image, 1.5), /whole number/);
  });
});
