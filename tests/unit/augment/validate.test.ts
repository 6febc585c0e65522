import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OPERATIONS } from "../../../lib/augment/registry";
import {
  AugmentValidationError,
  parsePipeline,
  parseRecipe,
  safeParsePipeline,
  validateOperation,
} from "../../../lib/augment/validate";

function errorsOf(result: { success: boolean; errors?: string[] }): string {
  assert.equal(result.success, false, "expected a validation failure");
  return (result.errors ?? []).join("\n");
}

describe("validateOperation", () => {
  it("names an unknown operation", () => {
    assert.match(errorsOf(validateOperation({ op: "blur", params: {} })), /unknown operation "blur"/);
  });

  it("names the parameter above its maximum", () => {
    const errors = errorsOf(validateOperation({ op: "salt-pepper", params: { amount: 0.7 } }));
    assert.match(errors, /salt-pepper\.amount must be <= 0\.5/);
  });

  it("names the parameter below its minimum, a non-integer and an even kernel", () => {
    assert.match(errorsOf(validateOperation({ op: "rotate", params: { degrees: -90 } })), /rotate\.degrees must be >= -45/);
    assert.match(errorsOf(validateOperation({ op: "shift", params: { dx: 1.5 } })), /shift\.dx must be an integer/);
    assert.match(errorsOf(validateOperation({ op: "erode", params: { size: 4 } })), /erode\.size must be odd/);
    assert.match(errorsOf(validateOperation({ op: "zoom", params: { factor: "big" } })), /zoom\.factor must be a number/);
  });

  it("names an unknown parameter", () => {
    assert.match(errorsOf(validateOperation({ op: "rotate", params: { angle: 3 } })), /rotate has no parameter "angle"/);
  });

  it("fills omitted parameters with defaults", () => {
    const result = validateOperation({ op: "salt-pepper" });
    assert.deepEqual(result, { success: true, data: { op: "salt-pepper", params: { amount: 0.02, saltRatio: 0.5 } } });
  });

  it("accepts every operation with its defaults", () => {
    for (const op of OPERATIONS) assert.equal(validateOperation({ op: op.name }).success, true, op.name);
  });
});

describe("parsePipeline", () => {
  it("accepts ranges and fixed values", () => {
    const pipeline = parsePipeline({ steps: [{ op: "rotate", params: { degrees: [-10, 10] }, probability: 0.5 }] });
    assert.equal(pipeline.steps.length, 1);
  });

  it("throws an error listing the step, operation and parameter", () => {
    assert.throws(
      () => parsePipeline({ steps: [{ op: "rotate" }, { op: "salt-pepper", params: { amount: [0.1, 0.9] } }] }),
      (error: unknown) =>
        error instanceof AugmentValidationError &&
        error.errors.length === 1 &&
        error.errors[0] === "steps[1]: salt-pepper.amount must be <= 0.5",
    );
  });

  it("reports every problem, including unknown operations and reversed ranges", () => {
    const errors = errorsOf(
      safeParsePipeline({
        steps: [
          { op: "blur" },
          { op: "rotate", params: { degrees: [10, -10] } },
          { op: "zoom", probability: 2 },
          { op: "shift", params: { dx: "left" } },
        ],
      }),
    );
    assert.match(errors, /steps\[0\]: unknown operation "blur"/);
    assert.match(errors, /steps\[1\]: rotate\.degrees range \[10, -10\] has min > max/);
    assert.match(errors, /steps\[2\]\.probability must be <= 1/);
    assert.match(errors, /steps\[3\]: shift\.dx must be a number or a \[min, max\] pair/);
  });

  it("rejects input that is not a pipeline", () => {
    assert.match(errorsOf(safeParsePipeline({ stages: [] })), /pipeline\.steps must be an array/);
    assert.match(errorsOf(safeParsePipeline(null)), /pipeline/);
  });
});

describe("parseRecipe", () => {
  it("rejects a bad seed and names a bad operation by index", () => {
    assert.throws(() => parseRecipe({ seed: -1, ops: [] }), /recipe\.seed must be >= 0/);
    assert.throws(() => parseRecipe({ seed: 1, ops: [{ op: "dilate", params: { size: 9 } }] }), /ops\[0\]: dilate\.size must be <= 7/);
  });
});
