import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { downscaleFactor, segmentLines, upscaleFactor } from "../../../lib/equation/segment-lines";
import type { GrayImage } from "../../../lib/images/canonicalize";
import { decodeGray } from "../../../lib/images/decode";
import { drawGlyphs, drawSegment, layoutEquation, layoutStackedFraction, renderOnPaper } from "../../../lib/equation/synthetic-ink";
import { braced, stacked, turned, written } from "../solver/fakes";

describe("segmentLines on sloped writing", () => {
  it("reads a sloped line as the level one, with boxes on the image as given", () => {
    const level = segmentLines(written("2x+3=7"));
    assert.equal(level.skewDegrees, 0);
    assert.equal(level.asWritten, undefined);
    const image = turned(written("2x+3=7"), 12);
    const sloped = segmentLines(image);
    assert.ok(Math.abs(sloped.skewDegrees - 12) < 1.5);
    assert.deepEqual(sloped.lines.map((l) => l.length), level.lines.map((l) => l.length));
    assert.deepEqual(sloped.lines[0]!.map((s) => s.parts), level.lines[0]!.map((s) => s.parts));
    // Left to right on the image too, and inside it.
    const boxes = sloped.lines[0]!.map((s) => sloped.toSource(s.box));
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i]![0] > boxes[i - 1]![0]);
    for (const [x, y, w, h] of boxes) assert.ok(x >= 0 && y >= 0 && x + w <= image.width && y + h <= image.height);
    // The same ink as written, for the reader to weigh.
    assert.ok(sloped.asWritten && sloped.asWritten.skewDegrees === 0);
  });

  it("leaves the slope alone when asked to", () => {
    assert.equal(segmentLines(turned(written("2x+3=7"), 12), { deskew: false }).skewDegrees, 0);
  });
});

describe("segmentLines on a system written with a brace", () => {
  const system = () => stacked([written("2x+y=4", 4), written("x-y=2", 7)], 30);
  const parts = (image: GrayImage) => segmentLines(image).lines.map((l) => l.map((s) => s.parts));

  it("reads the lines beside the brace, without it", () => {
    const withBrace = braced(system());
    assert.deepEqual(parts(withBrace), parts(system()));
    assert.deepEqual(parts(withBrace), [[1, 1, 1, 1, 2, 1], [1, 1, 1, 2, 1]]);
  });

  it("finds the brace of sloped lines once they are level", () => {
    const read = segmentLines(turned(braced(system()), 6));
    assert.ok(Math.abs(read.skewDegrees - 6) < 3, `slope ${read.skewDegrees}`);
    assert.deepEqual(read.lines.map((l) => l.length), [6, 5]);
  });

  it("finds the brace behind a grid column or a sliver of the page's edge, and drops them", () => {
    const withBrace = braced(system());
    const { width, height } = withBrace;
    const marked = { width: width + 12, height, pixels: new Uint8Array((width + 12) * height).fill(255) };
    for (let y = 0; y < height; y++) {
      marked.pixels.set(withBrace.pixels.subarray(y * width, (y + 1) * width), y * marked.width + 12);
      // A squared page's column, 2 px wide, broken where the threshold lost it; a sliver at the foot.
      if (y % 12 < 9) marked.pixels.fill(90, y * marked.width + 2, y * marked.width + 4);
      if (y > height * 0.9) marked.pixels.fill(60, y * marked.width + 7, y * marked.width + 10);
    }
    assert.deepEqual(parts(marked), [[1, 1, 1, 1, 2, 1], [1, 1, 1, 2, 1]]);
  });

  it("keeps a bracket that opens one line", () => {
    assert.deepEqual(segmentLines(written("(x+1)=4")).lines.map((l) => l.length), [7]);
  });
});

describe("segmentLines on small writing", () => {
  it("reads writing a few dozen pixels high from the image enlarged, boxes on the image as given", async () => {
    const large = written("2x+3=7");
    // Symbols 10 px high, strokes a pixel wide.
    const small = await shrunk(large, 6);
    const read = segmentLines(small);
    assert.deepEqual(read.lines.map((l) => l.map((s) => s.parts)), segmentLines(large).lines.map((l) => l.map((s) => s.parts)));
    const boxes = read.lines[0]!.map((s) => read.toSource(s.box));
    for (const [x, y, w, h] of boxes) assert.ok(x >= 0 && y >= 0 && x + w <= small.width && y + h <= small.height && w > 0 && h > 0);
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i]![0] > boxes[i - 1]![0]);
    // As it is, the 2 and the x run together.
    assert.ok(segmentLines(small, { upscale: false }).lines[0]!.length < 6);
  });
});

describe("segmentLines on large writing", () => {
  it("reads writing hundreds of pixels high from the image shrunk, boxes on the image as given", () => {
    const normal = written("2x+3=7");
    // Digits 300 px high with the pen only twice as wide: what the Solve canvas sends at 3x.
    const { glyphs, width, height } = layoutEquation("2x+3=7", { size: 480, stroke: 12, jitter: 0.1, seed: 3 });
    const large = renderOnPaper(drawGlyphs(glyphs, width, height, 12), width, height, {});
    assert.ok(downscaleFactor(large) >= 2, `factor ${downscaleFactor(large)}`);
    const read = segmentLines(large);
    const parts = (lines: { parts: number }[][]) => lines.map((l) => l.map((s) => s.parts));
    assert.deepEqual(parts(read.lines), parts(segmentLines(normal).lines));
    assert.deepEqual(parts(read.lines), parts(segmentLines(large, { downscale: false }).lines));
    const boxes = read.lines[0]!.map((s) => read.toSource(s.box));
    for (const [x, y, w, h] of boxes) assert.ok(x >= 0 && y >= 0 && x + w <= large.width + 4 && y + h <= large.height + 4 && w > 100, `box ${[x, y, w, h]}`);
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i]![0] > boxes[i - 1]![0]);
  });

  it("leaves writing of the tuned size, narrow images and photos as they are", () => {
    assert.equal(downscaleFactor(written("2x+3=7")), 1);
    // The large writing of the test above on grainy paper: a photo, whose paper has no one level.
    const { glyphs, width, height } = layoutEquation("2x+3=7", { size: 480, stroke: 12, jitter: 0.1, seed: 3 });
    const drawn = drawGlyphs(glyphs, width, height, 12);
    assert.ok(downscaleFactor(renderOnPaper(drawn, width, height, {})) >= 2);
    assert.equal(downscaleFactor(renderOnPaper(drawn, width, height, { grain: 6 })), 1);
    assert.equal(downscaleFactor({ width: 2000, height: 200, pixels: new Uint8Array(2000 * 200).fill(255) }), 1);
  });
});

describe("segmentLines on faint small writing", () => {
  it("looks for ink in the image enlarged when none clears the threshold at its own size", async () => {
    const large = written("2x+3=7");
    const small = await shrunk(large, 5);
    // Gray paper, ink at 30% of its contrast: a small photo of pencil.
    const faint = { ...small, pixels: small.pixels.map((v) => Math.round(200 - (255 - v) * 0.3)) };
    assert.deepEqual(segmentLines(faint, { upscale: false }).lines, []);
    assert.deepEqual(segmentLines(faint).lines.map((l) => l.map((s) => s.parts)), [[1, 1, 1, 1, 2, 1]]);
  });
});

/** The image `times` smaller, by sharp as a phone or scanner would deliver it. */
async function shrunk(image: GrayImage, times: number): Promise<GrayImage> {
  const png = await sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize({ width: Math.round(image.width / times) })
    .png()
    .toBuffer();
  return decodeGray(png);
}

describe("upscaleFactor", () => {
  const dots = (width: number, height: number, side: number) => {
    const mask = new Uint8Array(width * height);
    for (let k = 0; k < 5; k++) for (let y = 10; y < 10 + side; y++) for (let x = 10 + k * 2 * side; x < 10 + k * 2 * side + side; x++) mask[y * width + x] = 1;
    return { width, height, mask };
  };

  it("enlarges small symbols towards 80 px, at most 4 times, and leaves big ones alone", () => {
    assert.equal(upscaleFactor(dots(300, 100, 20)), 4);
    assert.equal(upscaleFactor(dots(300, 100, 40)), 2);
    assert.equal(upscaleFactor(dots(300, 100, 50)), 1);
  });

  it("enlarges a small image with no ink found, never a big one", () => {
    assert.equal(upscaleFactor({ width: 200, height: 60, mask: new Uint8Array(200 * 60) }), 4);
    assert.equal(upscaleFactor({ width: 2400, height: 800, mask: new Uint8Array(2400 * 800) }), 1);
  });

  it("never makes more than 4 megapixels of a big photo", () => {
    assert.equal(upscaleFactor(dots(1500, 1000, 20)), 1);
    assert.equal(upscaleFactor(dots(800, 600, 20)), 2);
  });
});

describe("segmentLines: a fraction written on its own", () => {
  it("keeps 3 over 4 one line when the bar stands well off both digits", () => {
    for (const gap of [0.15, 0.5]) {
      const { glyphs, width, height } = layoutStackedFraction({ before: "", numerator: "3", denominator: "4", after: "", gap }, { size: 60, stroke: 6 });
      const { lines } = segmentLines(renderOnPaper(drawGlyphs(glyphs, width, height, 6), width, height));
      assert.deepEqual(lines.map((line) => line.map((s) => s.fraction?.role ?? "-")), [["numerator", "bar", "denominator"]], `gap ${gap}`);
    }
  });

  it("keeps 7 over 10 one line when the bar is drawn close under the 7 and the 10 well below it", () => {
    const { glyphs, width, height } = layoutStackedFraction({ before: "", numerator: "7", denominator: "10", after: "", gap: 0.2 }, { size: 60, stroke: 6 });
    const bar = glyphs.findIndex((g) => g.char === "-");
    const lowered = glyphs.map((g, i) => (i > bar ? { ...g, y: g.y + 30 } : g));
    const { lines } = segmentLines(renderOnPaper(drawGlyphs(lowered, width, height + 30, 6), width, height + 30));
    assert.deepEqual(lines.map((line) => line.map((s) => s.fraction?.role ?? "-")), [["numerator", "bar", "denominator", "denominator"]]);
  });

  it("keeps 3 over 47 one line when its bar slopes enough to be a band of its own", () => {
    const { glyphs, width, height } = layoutStackedFraction({ before: "", numerator: "3", denominator: "47", after: "", gap: 0.5 }, { size: 60, stroke: 6 });
    const bar = glyphs.find((g) => g.char === "-")!;
    const ink = drawGlyphs(glyphs.filter((g) => g !== bar), width, height, 6);
    const left = bar.x + 0.02 * bar.scale;
    const y = bar.y + 0.6 * bar.scale;
    drawSegment(ink, width, height, [left, y + 10], [bar.x + 0.53 * bar.scale, y - 10], 6);
    const { lines } = segmentLines(renderOnPaper(ink, width, height));
    assert.deepEqual(lines.map((line) => line.map((s) => s.fraction?.role ?? "-")), [["numerator", "bar", "denominator", "denominator"]]);
  });

  it("still reads two lines of a system apart, the second under the first's minus", () => {
    const { lines } = segmentLines(stacked([written("4-1=3"), written("2+1=3")], 40));
    assert.equal(lines.length, 2);
  });
});
