import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { invertPolarity } from "../../../lib/augment/invert";
import { dilate, erode, jitterThickness } from "../../../lib/augment/morphology";
import { addGaussianNoise, addSaltPepper } from "../../../lib/augment/noise";
import { createRng } from "../../../lib/augment/prng";
import { countDifferent, countInk, drawRect, drawSeven, drawThickStroke, inkBox, rowInkWidth } from "./fixtures";

describe("erode", () => {
  it("thins a 3-pixel-wide stroke to 1 pixel with a 3x3 kernel", () => {
    const out = erode(drawThickStroke(), { size: 3 });
    assert.equal(out.length, 2025);
    assert.equal(rowInkWidth(out, 20), 1);
    assert.equal(out[20 * 45 + 21], 255, "the centre column survives");
    assert.deepEqual(inkBox(out), { x: 21, y: 11, width: 1, height: 23 });
  });

  it("removes a 3-pixel stroke entirely with a 5x5 kernel", () => {
    assert.equal(countInk(erode(drawThickStroke(), { size: 5 })), 0);
  });

  it("does not eat ink touching the image border", () => {
    const out = erode(drawRect(0, 2, 0, 44), { size: 3 });
    assert.equal(out[0], 255);
    assert.equal(out[20 * 45 + 1], 255);
    assert.equal(out[20 * 45 + 2], 0);
  });

  it("rejects an even kernel", () => {
    assert.throws(() => erode(drawThickStroke(), { size: 2 }), /odd/);
  });
});

describe("dilate", () => {
  it("thickens a 3-pixel stroke to 5 with a 3x3 kernel and to 7 with 5x5", () => {
    const stroke = drawThickStroke();
    assert.equal(rowInkWidth(dilate(stroke, { size: 3 }), 20), 5);
    assert.equal(rowInkWidth(dilate(stroke, { size: 5 }), 20), 7);
    assert.deepEqual(inkBox(dilate(stroke, { size: 3 })), { x: 19, y: 9, width: 5, height: 27 });
  });

  it("leaves the input untouched and can work in place", () => {
    const stroke = drawThickStroke();
    const copy = Uint8Array.from(stroke);
    const out = dilate(stroke, { size: 3 });
    assert.deepEqual(stroke, copy);
    dilate(stroke, { size: 3 }, stroke);
    assert.deepEqual(stroke, out);
  });
});

describe("jitterThickness", () => {
  it("matches a 3x3 dilation at +1 and erosion at -1, and is the identity at 0", () => {
    const stroke = drawThickStroke();
    assert.deepEqual(jitterThickness(stroke, { delta: 1 }), dilate(stroke, { size: 3 }));
    assert.deepEqual(jitterThickness(stroke, { delta: -1 }), erode(stroke, { size: 3 }));
    assert.deepEqual(jitterThickness(stroke, { delta: 0 }), stroke);
  });

  it("blends fractional changes: +0.5 adds half-intensity edge pixels", () => {
    const out = jitterThickness(drawThickStroke(), { delta: 0.5 });
    assert.equal(out[20 * 45 + 19], 128);
    assert.equal(out[20 * 45 + 21], 255);
    assert.equal(out[20 * 45 + 17], 0);
  });
});

describe("invertPolarity", () => {
  it("turns white-on-black into black-on-white", () => {
    const seven = drawSeven();
    const out = invertPolarity(seven);
    assert.equal(out[0], 255);
    assert.equal(out[8 * 45 + 20], 0);
    assert.equal(out[9 * 45 + 33], 255 - seven[9 * 45 + 33]!);
  });

  it("gives back the original bytes when applied twice", () => {
    const seven = drawSeven();
    assert.deepEqual(invertPolarity(invertPolarity(seven)), seven);
  });

  it("rejects a buffer that is not 45x45", () => {
    assert.throws(() => invertPolarity(new Uint8Array(28 * 28)), /2025/);
  });
});

// Mid-gray, so every overwritten pixel (salt 255 or pepper 0) counts as changed.
const gray = () => new Uint8Array(2025).fill(128);

describe("addSaltPepper", () => {
  for (const amount of [0.01, 0.05, 0.2, 0.5]) {
    it(`changes ${amount * 100}% of the pixels`, () => {
      const input = gray();
      const out = addSaltPepper(input, { amount, saltRatio: 0.5 }, createRng(7));
      const changed = countDifferent(input, out) / 2025;
      assert.ok(Math.abs(changed - amount) <= 0.001, `changed ${changed}, asked ${amount}`);
    });
  }

  it("splits the changed pixels by saltRatio", () => {
    const out = addSaltPepper(gray(), { amount: 0.2, saltRatio: 0.25 }, createRng(3));
    const salt = out.filter((v) => v === 255).length;
    const pepper = out.filter((v) => v === 0).length;
    assert.equal(salt + pepper, 405);
    assert.equal(salt, Math.round(405 * 0.25));
  });

  it("gives identical bytes for the same seed and different ones for another", () => {
    const params = { amount: 0.05, saltRatio: 0.5 };
    const a = addSaltPepper(drawSeven(), params, createRng(42));
    const b = addSaltPepper(drawSeven(), params, createRng(42));
    const c = addSaltPepper(drawSeven(), params, createRng(43));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });
});

describe("addGaussianNoise", () => {
  it("spreads pixels with roughly the requested sigma", () => {
    const out = addGaussianNoise(gray(), { sigma: 10 }, createRng(1));
    let sum = 0;
    let squares = 0;
    for (const v of out) {
      sum += v - 128;
      squares += (v - 128) ** 2;
    }
    const mean = sum / 2025;
    const sd = Math.sqrt(squares / 2025 - mean * mean);
    assert.ok(Math.abs(mean) < 1.5, `mean ${mean}`);
    assert.ok(sd > 9 && sd < 11, `sd ${sd}`);
  });

  it("is reproducible by seed and clamps to 0-255", () => {
    const a = addGaussianNoise(drawSeven(), { sigma: 40 }, createRng(5));
    assert.deepEqual(a, addGaussianNoise(drawSeven(), { sigma: 40 }, createRng(5)));
    assert.notDeepEqual(a, addGaussianNoise(drawSeven(), { sigma: 40 }, createRng(6)));
    assert.ok(a.includes(0) && a.includes(255));
  });
});
