import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { segmentEquation } from "../../../lib/equation/segment";
import { simulatePhoto } from "../../../lib/equation/simulate-photo";
import { drawGlyphs, layoutEquation, renderOnPaper } from "../../../lib/equation/synthetic-ink";
import { createRng } from "../../../lib/util/prng";

function clean(text: string) {
  const { glyphs, width, height } = layoutEquation(text, { size: 60, stroke: 3, jitter: 0, seed: 3 });
  return renderOnPaper(drawGlyphs(glyphs, width, height, 3), width, height, { paper: [255, 255], inkStrength: 1 });
}

describe("simulatePhoto", () => {
  it("is repeatable for a seed and different for another", () => {
    const image = clean("2x+3=7");
    const a = simulatePhoto(image, { rng: createRng(1) });
    const b = simulatePhoto(image, { rng: createRng(1) });
    const c = simulatePhoto(image, { rng: createRng(2) });
    assert.deepEqual(a.pixels, b.pixels);
    assert.notDeepEqual(a.pixels, c.pixels);
  });

  it("keeps dark ink on lighter paper, with a margin around the page", () => {
    const image = clean("7");
    const photo = simulatePhoto(image, { rng: createRng(5) });
    assert.ok(photo.width > image.width && photo.height > image.height);
    const sorted = [...photo.pixels].sort((x, y) => x - y);
    const inkLevel = sorted[Math.floor(sorted.length * 0.01)]!;
    const paperLevel = sorted[Math.floor(sorted.length * 0.5)]!;
    assert.ok(paperLevel - inkLevel > 60, `ink ${inkLevel} vs paper ${paperLevel}`);
  });

  it("leaves a line the segmenter still cuts into its symbols, over many seeds", () => {
    const image = clean("2x+3=7");
    for (let seed = 1; seed <= 6; seed++) {
      const symbols = segmentEquation(simulatePhoto(image, { rng: createRng(seed), penShare: 1 / 40 }));
      assert.equal(symbols.length, 6, `seed ${seed}: ${symbols.map((s) => s.box.join(",")).join(" | ")}`);
    }
  });

  it("still leaves the symbols to find in pencil on ruled paper, and on squared paper, with the desk past the page's edge", () => {
    const image = clean("2x+3=7");
    for (const kind of [{ paper: "ruled", pencil: true }, { paper: "grid", pencil: false }] as const) {
      for (let seed = 1; seed <= 6; seed++) {
        const photo = simulatePhoto(image, { rng: createRng(seed), penShare: 1 / 40, desk: true, ...kind });
        const symbols = segmentEquation(photo);
        assert.equal(symbols.length, 6, `${kind.paper}, seed ${seed}: ${symbols.map((s) => s.box.join(",")).join(" | ")}`);
      }
    }
  });
});
