import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { orderClasses } from "../../../app/components/evaluation/class-order";
import { mostConfusedPairs } from "../../../lib/evaluation/evaluation-store";

const classes = ["9", "1", "7", "x"];
// rows true, columns predicted: 9 is read as 7 four times, 7 as 9 once, x as 1 twice.
const confusion = [
  [6, 0, 4, 0],
  [0, 9, 0, 0],
  [1, 0, 8, 0],
  [0, 2, 0, 3],
];

describe("confusion-matrix class order", () => {
  it("sorts alphabetically (numbers numerically) and by support", () => {
    assert.deepEqual(orderClasses(classes, confusion, "alphabetical").map((i) => classes[i]), ["1", "7", "9", "x"]);
    assert.deepEqual(orderClasses(classes, confusion, "support").map((i) => classes[i]), ["9", "1", "7", "x"]);
  });

  it("puts the most confused classes side by side", () => {
    const order = orderClasses(classes, confusion, "confusion").map((i) => classes[i]);
    assert.equal(order.length, 4);
    const pos = (c: string) => order.indexOf(c);
    assert.equal(Math.abs(pos("9") - pos("7")), 1);
    assert.equal(Math.abs(pos("x") - pos("1")), 1);
    assert.ok(pos("9") < 2, "the class with the most errors starts the chain");
  });

  it("lists the most-confused pairs with both directions", () => {
    const pairs = mostConfusedPairs({ classes, confusion });
    assert.deepEqual(pairs.map((p) => [p.trueLabel, p.predLabel, p.count, p.reverse]), [["9", "7", 4, 1], ["x", "1", 2, 0], ["7", "9", 1, 4]]);
    assert.equal(pairs[0]!.rate, 0.4);
  });
});
