import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { binarizeInk, isDarkInk } from "../../../lib/equation/preprocess";

/**
 * A loosely cropped photo: paper lit from the right (most of it dim, a bright strip along the
 * right edge), and one short line of dark writing, well under 1% of the pixels.
 */
function loosePhoto(): { width: number; height: number; pixels: Uint8Array; ink: number } {
  const width = 600;
  const height = 300;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = x < 500 ? 170 + Math.round((x / 500) * 10) : 180 + Math.round(((x - 500) / 100) * 70);
  let ink = 0;
  for (const x0 of [200, 230, 260, 290]) {
    for (let y = 140; y < 170; y++) for (let x = x0; x < x0 + 3; x++, ink++) pixels[y * width + x] = 60;
  }
  return { width, height, pixels, ink };
}

describe("isDarkInk", () => {
  it("finds dark ink on light paper however the light falls across it", () => {
    const photo = loosePhoto();
    assert.ok(photo.ink < 0.01 * photo.pixels.length);
    assert.equal(isDarkInk(photo), true);
    const mask = binarizeInk(photo);
    const inked = mask.mask.reduce((n, v) => n + v, 0);
    assert.ok(inked >= 0.8 * photo.ink && inked <= 1.5 * photo.ink, `${inked} ink pixels for ${photo.ink}`);
  });

  it("finds dark ink on an underexposed photo of paper, lit unevenly", () => {
    const photo = loosePhoto();
    assert.equal(isDarkInk({ ...photo, pixels: photo.pixels.map((v) => Math.round(0.55 * v)) }), true);
  });

  it("finds light ink on a dark page", () => {
    const pixels = new Uint8Array(200 * 100).fill(20);
    for (let y = 40; y < 44; y++) for (let x = 50; x < 150; x++) pixels[y * 200 + x] = 230;
    for (let y = 20; y < 80; y++) for (let x = 100; x < 104; x++) pixels[y * 200 + x] = 230;
    assert.equal(isDarkInk({ width: 200, height: 100, pixels }), false);
  });
});
