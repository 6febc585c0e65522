import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { decodeGray } from "../../../lib/images/decode";

/** A transparent PNG with one stroke of `colour` drawn on it, as a drawing app exports it. */
async function drawnWithAlpha(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><path d="M20 60 L60 20 M100 20 L100 60" stroke="${colour}" stroke-width="6" fill="none"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const share = (pixels: Uint8Array, test: (v: number) => boolean) => pixels.filter(test).length / pixels.length;

describe("decodeGray on images with alpha", () => {
  it("lays dark ink on white paper", async () => {
    const { pixels } = await decodeGray(await drawnWithAlpha("black"));
    assert.equal(pixels[0], 255, "the transparent corner is paper");
    const dark = share(pixels, (v) => v < 128);
    assert.ok(dark > 0.02 && dark < 0.1, `the stroke is dark: ${dark}`);
  });

  it("lays light ink on black, where it would vanish on white", async () => {
    const { pixels } = await decodeGray(await drawnWithAlpha("white"));
    assert.equal(pixels[0], 0);
    const light = share(pixels, (v) => v > 128);
    assert.ok(light > 0.02 && light < 0.1, `the stroke is light: ${light}`);
  });

  it("turns coloured ink to its gray, not to one of its channels", async () => {
    // Red's red channel is 255, white paper's level: read that way the stroke would vanish.
    const { pixels } = await decodeGray(await drawnWithAlpha("red"));
    assert.equal(pixels[0], 255);
    const dark = share(pixels, (v) => v < 128);
    assert.ok(dark > 0.02 && dark < 0.1, `the stroke is dark: ${dark}`);
  });

  it("reads a gray PNG with alpha like an RGBA one", async () => {
    const rgba = await drawnWithAlpha("black");
    const grayAlpha = await sharp(rgba).toColourspace("b-w").png().toBuffer();
    assert.equal((await sharp(grayAlpha).metadata()).channels, 2);
    assert.deepEqual((await decodeGray(grayAlpha)).pixels, (await decodeGray(rgba)).pixels);
  });

  it("keeps an opaque image's levels as they are", async () => {
    const jpeg = await sharp({ create: { width: 50, height: 40, channels: 3, background: "#808080" } }).jpeg().toBuffer();
    const { pixels, width, height } = await decodeGray(jpeg);
    assert.equal(pixels.length, width * height);
    assert.ok(Math.abs(pixels[0]! - 128) <= 2);
  });
});
