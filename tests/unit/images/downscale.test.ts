import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { downscaleGray } from "../../../lib/images/downscale";

describe("downscaleGray", () => {
  it("averages each block, a partial edge block over the pixels it holds", () => {
    // 5x2: columns 0-1 black, 2-3 white, column 4 gray.
    const pixels = new Uint8Array([0, 0, 255, 255, 100, 0, 0, 255, 255, 100]);
    const small = downscaleGray({ width: 5, height: 2, pixels }, 2);
    assert.equal(small.width, 3);
    assert.equal(small.height, 1);
    assert.deepEqual([...small.pixels], [0, 255, 100]);
  });

  it("keeps a one-pixel line as a continuous gray line, where sampling would drop it", () => {
    const width = 40;
    const pixels = new Uint8Array(width * width).fill(255);
    for (let i = 0; i < width; i++) pixels[i * width + i] = 0;
    const small = downscaleGray({ width, height: width, pixels }, 4);
    for (let i = 0; i < 10; i++) assert.ok(small.pixels[i * 10 + i]! < 200, `block ${i} on the diagonal`);
    assert.equal(small.pixels[9], 255);
  });

  it("returns the image itself for a factor of 1 and refuses a fractional one", () => {
    const image = { width: 2, height: 1, pixels: new Uint8Array([0, 255]) };
    assert.equal(downscaleGray(image, 1), image);
    assert.throws(() => downscaleGray(image, 2.5), /whole number/);
  });
});
