import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { createTempDb } from "../../helpers/temp-db";
import { CurationInputError, NotFoundError } from "../../../lib/dataset/curation-errors";
import { relabelMatching, relabelSamples } from "../../../lib/dataset/relabel-samples";
import { getSampleHistory } from "../../../lib/dataset/sample-history";
import { undoLabelChange } from "../../../lib/dataset/undo-label-change";
import { addClasses, insertSamples, labelOf } from "./fixtures";

describe("relabelSamples and undoLabelChange", () => {
  let t: ReturnType<typeof createTempDb>;
  let db: ReturnType<typeof createTempDb>["db"];
  beforeEach(() => {
    t = createTempDb();
    db = t.db;
    addClasses(db, ["1", "7", "×", "+"]);
  });
  afterEach(() => t.cleanup());

  const relabelledFlag = (id: number) => db.prepare(`SELECT relabelled FROM samples WHERE id = ?`).pluck().get(id);

  it("changes the label, writes a history row and sets relabelled", () => {
    const [a] = insertSamples(db, [{ label: "1" }]);
    const result = relabelSamples({ db, ids: [a!], label: "7" });
    assert.equal(result.updated, 1);
    assert.equal(labelOf(db, a!), "7");
    assert.equal(relabelledFlag(a!), 1);
    const history = getSampleHistory({ db, id: a! });
    assert.equal(history.items.length, 1);
    assert.deepEqual({ ...history.items[0], createdAt: undefined, id: undefined }, {
      id: undefined,
      fromLabel: "1",
      toLabel: "7",
      reason: null,
      origin: "user",
      groupId: result.groupId,
      createdAt: undefined,
      undone: false,
    });
  });

  it("accepts a slug or alias for the label", () => {
    const [a, b] = insertSamples(db, [{ label: "1" }, { label: "1" }]);
    relabelSamples({ db, ids: [a!], label: "times" });
    relabelSamples({ db, ids: [b!], label: "plus" });
    assert.equal(labelOf(db, a!), "×");
    assert.equal(labelOf(db, b!), "+");
  });

  it("relabels derived samples (recursively) in the same group", () => {
    const [parent] = insertSamples(db, [{ label: "1" }]);
    const [child] = insertSamples(db, [{ label: "1", source: "augmented", parentId: parent }]);
    const [grandchild, other] = insertSamples(db, [
      { label: "1", source: "augmented", parentId: child },
      { label: "1" },
    ]);
    const result = relabelSamples({ db, ids: [parent!], label: "7" });
    assert.equal(result.updated, 3);
    assert.deepEqual([parent, child, grandchild].map((id) => labelOf(db, id!)), ["7", "7", "7"]);
    assert.equal(labelOf(db, other!), "1");
    assert.equal(getSampleHistory({ db, id: grandchild! }).items[0]!.groupId, result.groupId);
    assert.equal(relabelledFlag(child!), 1);
  });

  it("changes nothing when an id is unknown or the class does not exist", () => {
    const [a] = insertSamples(db, [{ label: "1" }]);
    assert.throws(() => relabelSamples({ db, ids: [a!, 9999], label: "7" }), NotFoundError);
    assert.equal(labelOf(db, a!), "1");
    assert.throws(() => relabelSamples({ db, ids: [a!], label: "nope" }), (e: unknown) => e instanceof CurationInputError && /^label: /.test(e.message));
    assert.equal(db.prepare(`SELECT COUNT(*) FROM label_changes`).pluck().get(), 0);
  });

  it("skips samples that already carry the label", () => {
    const [a, b] = insertSamples(db, [{ label: "7" }, { label: "1" }]);
    const result = relabelSamples({ db, ids: [a!, b!], label: "7" });
    assert.equal(result.updated, 1);
    assert.equal(result.changes[0]!.id, b);
    assert.equal(getSampleHistory({ db, id: a! }).items.length, 0);
  });

  it("undoes the newest group, then the one before, and marks history as undone", () => {
    const [a, b, c] = insertSamples(db, [{ label: "1" }, { label: "1" }, { label: "+" }]);
    const first = relabelSamples({ db, ids: [a!], label: "7" });
    const second = relabelSamples({ db, ids: [b!, c!], label: "×" });
    const undo1 = undoLabelChange({ db });
    assert.equal(undo1.groupId, second.groupId);
    assert.equal(undo1.undone, 2);
    assert.equal(labelOf(db, b!), "1");
    assert.equal(labelOf(db, c!), "+");
    assert.equal(relabelledFlag(b!), 0, "back to its original label, no longer relabelled");
    assert.equal(labelOf(db, a!), "7");
    const undo2 = undoLabelChange({ db });
    assert.equal(undo2.groupId, first.groupId);
    assert.equal(labelOf(db, a!), "1");
    const history = getSampleHistory({ db, id: a! }).items;
    assert.deepEqual(history.map((h) => [h.origin, h.fromLabel, h.toLabel, h.undone]), [
      ["undo", "7", "1", false],
      ["user", "1", "7", true],
    ]);
    assert.throws(() => undoLabelChange({ db }), NotFoundError);
    assert.throws(() => undoLabelChange({ db, groupId: first.groupId! }), CurationInputError);
  });

  it("leaves a sample alone when it changed again after the undone group", () => {
    const [a, b] = insertSamples(db, [{ label: "1" }, { label: "1" }]);
    const bulk = relabelSamples({ db, ids: [a!, b!], label: "7" });
    relabelSamples({ db, ids: [a!], label: "+" });
    const undo = undoLabelChange({ db, groupId: bulk.groupId! });
    assert.equal(undo.undone, 1);
    assert.equal(undo.skipped, 1);
    assert.equal(labelOf(db, a!), "+");
    assert.equal(labelOf(db, b!), "1");
  });

  it("relabels everything matching a filter as one undoable bulk group", () => {
    const ids = insertSamples(db, [{ label: "1", split: "test" }, { label: "1", split: "test" }, { label: "1", split: "train" }]);
    const result = relabelMatching({ db, filter: { label: "1", split: "test" }, label: "7" });
    assert.equal(result.updated, 2);
    assert.deepEqual(ids.map((id) => labelOf(db, id)), ["7", "7", "1"]);
    assert.equal(getSampleHistory({ db, id: ids[0]! }).items[0]!.origin, "bulk");
    undoLabelChange({ db, groupId: result.groupId! });
    assert.deepEqual(ids.map((id) => labelOf(db, id)), ["1", "1", "1"]);
    assert.throws(() => relabelMatching({ db, filter: { label: "×" }, label: "7" }), CurationInputError);
  });

  it("history of an unknown sample is a 404", () => {
    assert.throws(() => getSampleHistory({ db, id: 12345 }), NotFoundError);
  });
});
