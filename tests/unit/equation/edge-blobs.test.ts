import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { removeEdgeBlobs } from "../../../lib/equation/edge-blobs";
import { segmentEquation } from "../../../lib/equation/segment";
import { drawGlyphs, layoutEquation, renderOnPaper } from "../../../lib/equation/synthetic-ink";
import { inkAt as at, inkCount, maskOf } from "./masks";

describe("removeEdgeBlobs", () => {
  it("keeps strokes that run into the frame", () => {
    // A 1 cut by the top of a tight crop and a minus running off the right side, 4 px pen.
    const mask = maskOf(120, 60, [[20, 0, 4, 45], [70, 30, 50, 4]]);
    assert.equal(inkCount(removeEdgeBlobs(mask, 4)), inkCount(mask));
  });

  it("takes out a solid band along the frame and keeps the stroke that runs up to it", () => {
    // The desk along the bottom, 14 px deep; a 1 standing 8 px above it.
    const mask = maskOf(200, 80, [[0, 66, 200, 14], [50, 10, 4, 48]]);
    const out = removeEdgeBlobs(mask, 4);
    assert.equal(at(out, 100, 72), 0);
    assert.equal(at(out, 51, 30), 1);
    assert.equal(inkCount(out), 4 * 48);
  });

  it("takes out a thin line along one side of the frame, however thin, but not a short solid blot", () => {
    const edge = maskOf(200, 80, [[0, 0, 3, 80], [60, 20, 4, 40]]);
    assert.equal(inkCount(removeEdgeBlobs(edge, 4)), 4 * 40);
    // A filled dot in the corner of a tight crop: solid, but no longer than a few pen widths.
    const blot = maskOf(200, 80, [[0, 0, 12, 12]]);
    assert.equal(inkCount(removeEdgeBlobs(blot, 4)), 144);
  });

  it("takes the thin tip of a desk wedge along the frame with the wedge", () => {
    // A slanted page edge: the desk along the top, 20 px deep at the left, thinning to nothing
    // 160 px along; a 1 in the middle of the page.
    const width = 240;
    const height = 100;
    const mask = new Uint8Array(width * height);
    for (let x = 0; x < 160; x++) for (let y = 0; y < Math.round(20 * (1 - x / 160)); y++) mask[y * width + x] = 1;
    for (let y = 40; y < 88; y++) for (let x = 120; x < 124; x++) mask[y * width + x] = 1;
    const out = removeEdgeBlobs({ width, height, mask }, 4);
    assert.equal(inkCount(out), 4 * 48);
  });

  it("takes a sliver of the page's edge left apart beside the desk, and keeps a minus running off the side away from it", () => {
    // The desk along the bottom, 14 px deep; a sliver 3 px above it along the left side, apart
    // from it; a minus running off the right side in the middle of the page; a 1.
    const mask = maskOf(200, 80, [[0, 66, 200, 14], [0, 60, 18, 3], [160, 30, 40, 4], [60, 10, 4, 40]]);
    const out = removeEdgeBlobs(mask, 4);
    assert.equal(at(out, 5, 61), 0, "sliver");
    assert.equal(at(out, 180, 31), 1, "minus");
    assert.equal(inkCount(out), 40 * 4 + 4 * 40);
  });

  it("lets the segmenter see only the writing of a photo that shows the desk past the page", () => {
    const { glyphs, width, height } = layoutEquation("1=2", { size: 60, stroke: 5, jitter: 0, seed: 3 });
    const image = renderOnPaper(drawGlyphs(glyphs, width, height, 5), width, height, { paper: [235, 235], inkStrength: 1 });
    const pixels = Uint8Array.from(image.pixels);
    // A dark desk 12 px deep along the bottom and a 3 px page edge down the left side.
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (y >= height - 12 || x < 3) pixels[y * width + x] = 50;
    const symbols = segmentEquation({ width, height, pixels });
    assert.deepEqual(symbols.map((s) => s.parts), [1, 2, 1], symbols.map((s) => s.box.join(",")).join(" | "));
  });
});
