import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cropBlankMargins } from "../../../lib/equation/blank-margins";
import { segmentLines } from "../../../lib/equation/segment-lines";
import type { GrayImage } from "../../../lib/images/canonicalize";
import { written } from "../solver/fakes";

/** `image` pasted at (left, top) on a blank page of the given size, paper `paper`. */
function onPage(image: GrayImage, width: number, height: number, left: number, top: number, paper = 255): GrayImage {
  const pixels = new Uint8Array(width * height).fill(paper);
  for (let y = 0; y < image.height; y++) pixels.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), (top + y) * width + left);
  return { width, height, pixels };
}

describe("cropBlankMargins", () => {
  it("crops a drawing on blank paper to its ink and a margin", () => {
    const page = new Uint8Array(400 * 300).fill(255);
    for (let y = 100; y < 120; y++) for (let x = 150; x < 200; x++) page[y * 400 + x] = 0;
    const crop = cropBlankMargins({ width: 400, height: 300, pixels: page })!;
    assert.ok(crop);
    assert.deepEqual([crop.left, crop.top, crop.image.width, crop.image.height], [118, 68, 114, 84]);
    assert.equal(crop.image.pixels[(100 - 68) * 114 + (150 - 118)], 0);
    assert.equal(crop.image.pixels[0], 255);
  });

  it("leaves alone paper that is not one value, little blank paper, and a blank page", () => {
    const noisy = new Uint8Array(400 * 300).map((_, i) => 240 + (i * 7919) % 15);
    noisy[150 * 400 + 200] = 0;
    assert.equal(cropBlankMargins({ width: 400, height: 300, pixels: noisy }), null);
    assert.equal(cropBlankMargins(written("2x+3=7")), null);
    assert.equal(cropBlankMargins({ width: 50, height: 50, pixels: new Uint8Array(2500).fill(255) }), null);
  });
});

describe("segmentLines on a drawing with wide blank margins", () => {
  it("reads the same symbols as from the drawing alone, boxes on the page as given", () => {
    const line = written("2x+3=7");
    const alone = segmentLines(line);
    const page = onPage(line, line.width * 3, line.height * 4, 210, 156);
    const read = segmentLines(page);
    assert.deepEqual(read.lines.map((l) => l.map((s) => s.parts)), alone.lines.map((l) => l.map((s) => s.parts)));
    const boxes = read.lines[0]!.map((s) => read.toSource(s.box));
    const expected = alone.lines[0]!.map((s) => alone.toSource(s.box)).map(([x, y, w, h]) => [x + 210, y + 156, w, h]);
    assert.deepEqual(boxes, expected);
    // Read whole, the page gives the same symbols (a box may differ by a pixel: the binariser sees more paper).
    assert.deepEqual(segmentLines(page, { cropBlank: false }).lines[0]!.map((s) => s.parts), alone.lines[0]!.map((s) => s.parts));
  });
});
