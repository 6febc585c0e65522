import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { labelComponents } from "../../../lib/equation/components";
import { composeEquation } from "../../../lib/equation/compose-equation";
import { composeSystem } from "../../../lib/equation/compose-system";
import { segmentLines } from "../../../lib/equation/segment-lines";
import { createRng } from "../../../lib/equation/synthetic-ink";
import { CANONICAL_PIXELS, CANONICAL_SIZE } from "../../../lib/images/canonical-form";

/** A canonical image (white 1 px ink on black) of polylines in 45x45 coordinates. */
function canonical(lines: [number, number][][]): Uint8Array {
  const out = new Uint8Array(CANONICAL_PIXELS);
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [x0, y0] = line[i - 1]!;
      const [x1, y1] = line[i]!;
      const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
      for (let k = 0; k <= n; k++) {
        const x = Math.round(x0 + ((x1 - x0) * k) / n);
        const y = Math.round(y0 + ((y1 - y0) * k) / n);
        if (x >= 0 && y >= 0 && x < CANONICAL_SIZE && y < CANONICAL_SIZE) out[y * CANONICAL_SIZE + x] = 255;
      }
    }
  }
  return out;
}

type Box = [number, number, number, number];

function inkComponents(image: { width: number; height: number; pixels: Uint8Array }): number {
  const mask = Uint8Array.from(image.pixels, (v) => (v < 128 ? 1 : 0));
  return labelComponents({ width: image.width, height: image.height, mask }).components.length;
}

describe("composeEquation", () => {
  const seven = canonical([[[8, 2], [36, 2], [16, 44]]]);
  // A 2 whose foot ran along row 45 and was clipped by the renderer: two pieces on the last row.
  const clippedTwo = canonical([[[10, 8], [22, 0], [34, 8], [30, 22], [12, 44]], [[30, 44], [40, 38]]]);
  const minus = canonical([[[0, 22], [44, 22]]]);

  it("keeps a one-stroke symbol in one piece when shrunk or enlarged", () => {
    for (const size of [30, 40, 120]) {
      const { image } = composeEquation([{ label: "7", canonical: seven }], { size, rng: createRng(1) });
      assert.equal(inkComponents(image), 1, `size ${size}`);
    }
  });

  it("closes a stroke the canonical renderer clipped on the far edge", () => {
    const { image } = composeEquation([{ label: "2", canonical: clippedTwo }], { size: 80, rng: createRng(1) });
    assert.equal(inkComponents(image), 1);
  });

  it("draws a minus shorter than a digit is tall and thin, at mid-height", () => {
    const { boxes } = composeEquation(
      [{ label: "7", canonical: seven }, { label: "-", canonical: minus }],
      { size: 80, rng: createRng(4) },
    );
    const digit = boxes[0]!;
    const bar = boxes[1]!;
    assert.ok(bar[2]! < 0.75 * digit[3]!, `minus ${bar[2]} px wide for a ${digit[3]} px digit`);
    assert.ok(bar[3]! < 0.15 * digit[3]!);
    const middle = bar[1]! + bar[3]! / 2;
    assert.ok(middle > digit[1]! + 0.25 * digit[3]! && middle < digit[1]! + 0.75 * digit[3]!);
    // Spacing between them: a fifth to two thirds of a digit height.
    const gap = bar[0]! - (digit[0]! + digit[2]!);
    assert.ok(gap >= 0.1 * digit[3]! && gap <= 0.7 * digit[3]!, `gap ${gap}`);
  });

  it("writes an exponent smaller than its base, above the base's middle, and inside the image", () => {
    const { image, boxes } = composeEquation(
      [{ label: "(", canonical: canonical([[[30, 0], [14, 22], [30, 44]]]) }, { label: "7", canonical: seven }, { label: ")", canonical: canonical([[[14, 0], [30, 22], [14, 44]]]) }, { label: "2", canonical: clippedTwo, raised: true }],
      { size: 60, rng: createRng(4) },
    );
    const base = boxes[2]!;
    const power = boxes[3]!;
    assert.ok(power[3] < base[3], "smaller than its base");
    assert.ok(power[1] + power[3] < base[1] + base[3] / 2, "its bottom above the base's middle");
    assert.ok(power[1] > 0 && power[1] + power[3] <= image.height, "inside the image");
  });
  it("stacks a fraction: numerator over a bar as wide as the wider side, denominator under it, the line going on after", () => {
    const n = { fraction: 0, role: "numerator" } as const;
    const { image, boxes } = composeEquation(
      [
        { label: "7", canonical: seven, fraction: n },
        { label: "7", canonical: seven, fraction: n },
        { label: "-", canonical: minus, fraction: { fraction: 0, role: "bar" } },
        { label: "7", canonical: seven, fraction: { fraction: 0, role: "denominator" } },
        { label: "7", canonical: seven },
      ],
      { size: 80, rng: createRng(2) },
    );
    const [top1, top2, bar, bottom, after] = boxes.map((b) => b as [number, number, number, number]) as [Box, Box, Box, Box, Box];
    assert.ok(top1[1] + top1[3] <= bar[1] && top2[1] + top2[3] <= bar[1], "numerator above the bar");
    assert.ok(bottom[1] >= bar[1] + bar[3], "denominator below it");
    assert.ok(bar[0] <= top1[0] && bar[0] + bar[2] >= top2[0] + top2[2], "the bar spans the numerator");
    assert.ok(after[0] > bar[0] + bar[2], "the line goes on after the fraction");
    assert.ok(image.height >= bottom[1] + bottom[3]);
  });
});


describe("composeSystem", () => {
  const seven = canonical([[[8, 2], [36, 2], [16, 44]]]);
  const minus = canonical([[[0, 22], [44, 22]]]);
  const line = [{ label: "7", canonical: seven }, { label: "-", canonical: minus }, { label: "7", canonical: seven }];

  it("writes the lines one under the other, apart, and a brace left of them that spans both", () => {
    const plain = composeSystem([line, line], { size: 60, rng: createRng(2) });
    const withBrace = composeSystem([line, line], { size: 60, rng: createRng(2), brace: true });
    assert.equal(segmentLines(plain).lines.length, 2);
    assert.ok(withBrace.width > plain.width, "room for the brace");
    const ink = Uint8Array.from(withBrace.pixels, (v) => (v < 128 ? 1 : 0));
    const { components } = labelComponents({ width: withBrace.width, height: withBrace.height, mask: ink });
    const brace = components.reduce((a, b) => (a.x < b.x ? a : b));
    const others = components.filter((c) => c !== brace);
    assert.ok(others.every((c) => c.x > brace.x + brace.width), "the brace stands left of the lines");
    const top = Math.min(...others.map((c) => c.y));
    const bottom = Math.max(...others.map((c) => c.y + c.height));
    assert.ok(brace.y < top + 30 && brace.y + brace.height > bottom - 30, `the brace spans the lines: ${brace.y}-${brace.y + brace.height} vs ${top}-${bottom}`);
    assert.equal(segmentLines(withBrace).lines.length, 2);
  });
});
