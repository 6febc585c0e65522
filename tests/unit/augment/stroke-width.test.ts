import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyRecipe, MissingStrokesError } from "../../../lib/augment/apply-recipe";
import type { Recipe } from "../../../lib/augment/recipe-types";
import { pipelineNeedsStrokes, recipeNeedsStrokes } from "../../../lib/augment/needs-strokes";
import { ALL_OPERATIONS, OPERATIONS } from "../../../lib/augment/registry";
import { sampleRecipe } from "../../../lib/augment/sample-recipe";
import { parsePipeline, parseRecipe, safeParsePipeline, safeParseRecipe, validateOperation } from "../../../lib/augment/validate";
import { rerenderSample } from "../../../lib/ink/rerender-sample";
import { strokesToJson } from "../../../lib/ink/stroke-json";

/** A "+" drawn as two strokes, in the stored strokes JSON form. */
const PLUS = strokesToJson([
  [[10, 50], [90, 50]],
  [[50, 10], [50, 90]],
]);
const STORED = rerenderSample(PLUS, 1);
const inkPixels = (pixels: Uint8Array) => pixels.reduce((n, v) => n + (v > 127 ? 1 : 0), 0);
const errorsOf = (result: { success: boolean; errors?: string[] }) => {
  assert.equal(result.success, false, "expected a validation failure");
  return (result.errors ?? []).join("\n");
};

describe("stroke-width operation", () => {
  it("is listed first among all operations and is no pixel operation", () => {
    assert.equal(ALL_OPERATIONS[0]!.name, "stroke-width");
    assert.equal(ALL_OPERATIONS[0]!.input, "strokes");
    assert.ok(!OPERATIONS.some((op) => op.name === "stroke-width"));
    assert.deepEqual(validateOperation({ op: "stroke-width" }), { success: true, data: { op: "stroke-width", params: { width: 2 } } });
  });

  it("validates its width like any other parameter", () => {
    assert.match(errorsOf(validateOperation({ op: "stroke-width", params: { width: 9 } })), /stroke-width\.width must be <= 8/);
    assert.match(errorsOf(validateOperation({ op: "stroke-width", params: { width: 0 } })), /stroke-width\.width must be >= 1/);
    assert.match(errorsOf(validateOperation({ op: "stroke-width", params: { width: 2.5 } })), /stroke-width\.width must be an integer/);
    assert.match(errorsOf(safeParsePipeline({ steps: [{ op: "stroke-width", params: { width: [1, 12] } }] })), /steps\[0\]: stroke-width\.width must be <= 8/);
    assert.match(errorsOf(safeParsePipeline({ steps: [{ op: "stroke-width", params: { pen: 2 } }] })), /stroke-width has no parameter "pen"/);
  });

  it("must lead a pipeline or recipe: it redraws from the strokes, discarding earlier pixel steps", () => {
    assert.match(
      errorsOf(safeParsePipeline({ steps: [{ op: "rotate" }, { op: "stroke-width", params: { width: [1, 4] } }] })),
      /steps\[1\]: stroke-width must be the first step/,
    );
    assert.match(errorsOf(safeParseRecipe({ seed: 1, ops: [{ op: "invert" }, { op: "stroke-width" }] })), /ops\[1\]: stroke-width must be the first operation/);
    assert.throws(() => applyRecipe(STORED, { seed: 1, ops: [{ op: "invert", params: {} }, { op: "stroke-width", params: { width: 2 } }] }, { strokes: PLUS }), /must be the first/);
  });

  it("draws an integer width in range and records it in the recipe", () => {
    const pipeline = parsePipeline({ steps: [{ op: "stroke-width", params: { width: [1, 4] } }, { op: "rotate", params: { degrees: [-5, 5] } }] });
    assert.equal(pipelineNeedsStrokes(pipeline), true);
    assert.equal(pipelineNeedsStrokes(parsePipeline({ steps: [{ op: "rotate" }] })), false);
    const widths = new Set<number>();
    for (let seed = 0; seed < 100; seed++) {
      const recipe = sampleRecipe(pipeline, seed);
      assert.equal(recipeNeedsStrokes(recipe), true);
      const width = recipe.ops[0]!.params.width!;
      assert.ok(Number.isInteger(width) && width >= 1 && width <= 4, `width ${width}`);
      widths.add(width);
    }
    assert.deepEqual([...widths].sort(), [1, 2, 3, 4]);
  });

  it("redraws from the strokes before the pixel steps, reproducibly from the stored recipe JSON", () => {
    const recipe: Recipe = { seed: 7, ops: [{ op: "stroke-width", params: { width: 4 } }, { op: "rotate", params: { degrees: 3 } }] };
    const out = applyRecipe(STORED, recipe, { strokes: PLUS });
    assert.deepEqual(applyRecipe(STORED, parseRecipe(JSON.parse(JSON.stringify(recipe))), { strokes: PLUS }), out);
    assert.ok(inkPixels(out) > 2.5 * inkPixels(STORED), `${inkPixels(out)} vs ${inkPixels(STORED)} ink pixels`);
    // Width 1 alone reproduces the stored rendering; the pixels given are replaced, not blended.
    assert.deepEqual(applyRecipe(new Uint8Array(STORED.length), { seed: 0, ops: [{ op: "stroke-width", params: { width: 1 } }] }, { strokes: PLUS }), STORED);
  });

  it("refuses a sample without strokes instead of running the pixel steps alone", () => {
    const recipe = { seed: 1, ops: [{ op: "stroke-width", params: { width: 3 } }] };
    assert.throws(() => applyRecipe(STORED, recipe), MissingStrokesError);
    assert.throws(() => applyRecipe(STORED, recipe, { strokes: null }), /stroke-width redraws the sample from its strokes/);
  });
});
