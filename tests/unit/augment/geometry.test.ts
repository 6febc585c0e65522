import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rotationAffine, shiftAffine, slantAffine, warpAffine, zoomAffine } from "../../../lib/augment/affine";
import { distortElastic } from "../../../lib/augment/elastic";
import { createRng } from "../../../lib/augment/prng";
import { countInk, drawRect, drawSeven, inkBox, inkCentroid } from "./fixtures";

describe("shift", () => {
  it("moves the ink bounding box by exactly (dx, dy) without blurring", () => {
    const seven = drawSeven();
    const before = inkBox(seven)!;
    const out = warpAffine(seven, shiftAffine({ dx: 3, dy: -2 }));
    assert.equal(out.length, 2025);
    assert.deepEqual(inkBox(out), { ...before, x: before.x + 3, y: before.y - 2 });
    assert.deepEqual(new Set(out), new Set(seven), "no new gray levels");
  });

  it("drops ink pushed out of the frame and brings in background", () => {
    const out = warpAffine(drawRect(40, 44, 0, 44), shiftAffine({ dx: 3, dy: 0 }));
    assert.deepEqual(inkBox(out), { x: 43, y: 0, width: 2, height: 45 });
  });
});

describe("bilinear resampling", () => {
  it("spreads a dot over four pixels on a half-pixel shift, keeping its total ink", () => {
    const dot = drawRect(20, 20, 20, 20);
    const out = warpAffine(dot, shiftAffine({ dx: 0.5, dy: 0.5 }));
    for (const [x, y] of [[20, 20], [21, 20], [20, 21], [21, 21]] as const) {
      assert.equal(out[y * 45 + x], 64, `pixel ${x},${y}`);
    }
    assert.equal(out.reduce((s, v) => s + v, 0), 256);
  });
});

describe("rotate", () => {
  it("turns a horizontal bar upright at 90 degrees", () => {
    const out = warpAffine(drawRect(10, 34, 21, 23), rotationAffine({ degrees: 90 }));
    assert.equal(out.length, 2025);
    assert.deepEqual(inkBox(out), { x: 21, y: 10, width: 3, height: 25 });
  });

  it("turns counter-clockwise on screen for positive degrees", () => {
    // Ink right of centre should end up above centre.
    const out = warpAffine(drawRect(30, 40, 21, 23), rotationAffine({ degrees: 90 }));
    const { x, y } = inkCentroid(out);
    assert.ok(Math.abs(x - 22) < 0.5 && y < 15, `centroid ${x}, ${y}`);
  });

  it("keeps ink near the centre of rotation in place for small angles", () => {
    const out = warpAffine(drawRect(20, 24, 20, 24), rotationAffine({ degrees: 5 }));
    const { x, y } = inkCentroid(out);
    assert.ok(Math.abs(x - 22) < 0.1 && Math.abs(y - 22) < 0.1);
  });
});

describe("slant", () => {
  it("leans an upright stroke to the right for a positive factor, keeping its height", () => {
    const out = warpAffine(drawRect(21, 23, 2, 42), slantAffine({ factor: 0.3 }));
    const top = inkCentroid(out.map((v, i) => (i < 45 * 10 ? v : 0)));
    const bottom = inkCentroid(out.map((v, i) => (i >= 45 * 35 ? v : 0)));
    assert.ok(top.x - bottom.x > 7, `top ${top.x}, bottom ${bottom.x}`);
    assert.equal(inkBox(out)!.height, 41);
    const left = warpAffine(drawRect(21, 23, 2, 42), slantAffine({ factor: -0.3 }));
    assert.ok(inkCentroid(left.map((v, i) => (i < 45 * 10 ? v : 0))).x < 22 - 3);
  });

  it("narrows the ink so that a frame-wide symbol loses only the tips of its corners", () => {
    const square = drawRect(0, 44, 0, 44);
    const out = warpAffine(square, slantAffine({ factor: 0.3 }));
    // The middle rows stay clear of both edges; the top row runs off the right edge by 3 px at most.
    for (let y = 14; y <= 30; y++) assert.ok(out[y * 45]! < 128 && out[y * 45 + 44]! < 128, `row ${y} reaches the frame`);
    assert.ok(countInk(out) > countInk(square) * 0.8);
  });
});

describe("zoom", () => {
  it("shrinks ink about the centre for factors below 1", () => {
    const out = warpAffine(drawRect(2, 42, 2, 42), zoomAffine({ factor: 0.5 }));
    assert.equal(out.length, 2025);
    assert.deepEqual(inkBox(out), { x: 12, y: 12, width: 21, height: 21 });
  });

  it("enlarges ink for factors above 1", () => {
    const box = inkBox(warpAffine(drawRect(17, 27, 17, 27), zoomAffine({ factor: 1.3 })))!;
    assert.ok(box.width >= 13 && box.width <= 15, `width ${box.width}`);
  });
});

describe("elastic", () => {
  it("moves ink locally by at most about alpha pixels and is reproducible", () => {
    const seven = drawSeven();
    const a = distortElastic(seven, { alpha: 2, sigma: 8 }, createRng(9));
    assert.deepEqual(a, distortElastic(seven, { alpha: 2, sigma: 8 }, createRng(9)));
    assert.notDeepEqual(a, distortElastic(seven, { alpha: 2, sigma: 8 }, createRng(10)));
    assert.notDeepEqual(a, seven);
    const before = inkBox(seven, 1)!;
    const after = inkBox(a, 1)!;
    assert.ok(Math.abs(after.x - before.x) <= 3 && Math.abs(after.y - before.y) <= 3);
    assert.ok(countInk(a, 1) > 0);
  });

  it("bends a vertical line sideways", () => {
    const line = drawRect(22, 22, 0, 44);
    const out = distortElastic(line, { alpha: 3, sigma: 8 }, createRng(11));
    let offColumn = 0;
    for (let y = 10; y <= 34; y++) for (let x = 0; x < 45; x++) if (x !== 22 && out[y * 45 + x]! >= 128) offColumn++;
    assert.ok(offColumn > 5, `only ${offColumn} ink pixels left column 22`);
  });

  it("is the identity when alpha is 0", () => {
    const seven = drawSeven();
    assert.deepEqual(distortElastic(seven, { alpha: 0, sigma: 8 }, createRng(1)), seven);
  });
});
