import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PointerFilter } from "../../../lib/ink/pointer-filter";

const mouse = { pointerId: 1, pointerType: "mouse" };
const pen = { pointerId: 2, pointerType: "pen" };
const finger = { pointerId: 3, pointerType: "touch" };
const palm = { pointerId: 4, pointerType: "touch" };

describe("PointerFilter", () => {
  it("draws one stroke at a time: a second touch mid-stroke neither starts one nor moves it", () => {
    const f = new PointerFilter();
    assert.equal(f.down(finger), true);
    assert.equal(f.down(palm), false);
    assert.equal(f.moves(palm), false);
    assert.equal(f.moves(finger), true);
    assert.equal(f.up(palm), false, "the palm lifting ends nothing");
    assert.equal(f.up(finger), true);
    // With nothing drawing, a finger draws again.
    assert.equal(f.down(palm), true);
  });

  it("ignores touches once a pen has drawn (a hand resting on the tablet)", () => {
    const f = new PointerFilter();
    assert.equal(f.down(pen), true);
    assert.equal(f.up(pen), true);
    assert.equal(f.down(palm), false);
    assert.equal(f.moves(palm), false);
    assert.equal(f.down(pen), true);
  });

  it("lets a mouse draw stroke after stroke", () => {
    const f = new PointerFilter();
    for (let i = 0; i < 3; i++) {
      assert.equal(f.down(mouse), true);
      assert.equal(f.moves(mouse), true);
      assert.equal(f.up(mouse), true);
    }
    assert.equal(f.moves(mouse), false, "moving without a button down draws nothing");
  });
});
