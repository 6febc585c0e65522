import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { createTempDb } from "../../helpers/temp-db";
import { createClassSet, deleteClassSet, getClassSet, listClassSets, updateClassSet } from "../../../lib/dataset/class-sets";
import { CurationInputError, NotFoundError } from "../../../lib/dataset/curation-errors";
import { addClass, mergeClasses, renameClass } from "../../../lib/dataset/manage-classes";
import { listClasses } from "../../../lib/dataset/resolve-class";
import { getSampleHistory } from "../../../lib/dataset/sample-history";
import { undoLabelChange } from "../../../lib/dataset/undo-label-change";
import { addClasses, insertSamples, labelOf } from "./fixtures";

describe("class management", () => {
  let t: ReturnType<typeof createTempDb>;
  let db: ReturnType<typeof createTempDb>["db"];
  beforeEach(() => {
    t = createTempDb();
    db = t.db;
  });
  afterEach(() => t.cleanup());

  it("adds a class with a known or derived slug and refuses duplicates", () => {
    assert.deepEqual(addClass({ db, name: "≤" }), { name: "≤", slug: "leq", symbol: "≤" });
    assert.equal(addClass({ db, name: "∑", slug: "sum" }).slug, "sum");
    assert.throws(() => addClass({ db, name: "≤" }), (e: unknown) => e instanceof CurationInputError && /^name: /.test(e.message));
    assert.throws(() => addClass({ db, name: "Σ", slug: "sum" }), /slug: /);
    assert.throws(() => addClass({ db, name: "  " }), /name: must not be empty/);
  });

  it("renames a class: samples relabelled with history, class sets follow", () => {
    addClasses(db, ["x", "y"]);
    const ids = insertSamples(db, [{ label: "x" }, { label: "x" }, { label: "y" }]);
    const before = getClassSet({ db, ref: "simple equations" })!;
    assert.ok(before.classes.includes("x"));
    const result = renameClass({ db, from: "x", to: "χ" });
    assert.equal(result.updated, 2);
    assert.deepEqual(ids.map((id) => labelOf(db, id)), ["χ", "χ", "y"]);
    assert.equal(getSampleHistory({ db, id: ids[0]! }).items[0]!.origin, "rename");
    assert.deepEqual(listClasses({ db }).map((c) => c.name).sort(), ["y", "χ"]);
    const after = getClassSet({ db, ref: "simple equations" })!;
    assert.ok(after.classes.includes("χ") && !after.classes.includes("x"));
    assert.throws(() => renameClass({ db, from: "χ", to: "y" }), /merge the two instead/);
    assert.throws(() => renameClass({ db, from: "nope", to: "z" }), NotFoundError);
  });

  it("merges one class into another and the merge can be undone", () => {
    addClasses(db, ["-", "—"]);
    const ids = insertSamples(db, [{ label: "—" }, { label: "—" }, { label: "-" }]);
    const result = mergeClasses({ db, from: "—", into: "-" });
    assert.equal(result.updated, 2);
    assert.deepEqual(ids.map((id) => labelOf(db, id)), ["-", "-", "-"]);
    assert.equal(getSampleHistory({ db, id: ids[1]! }).items[0]!.origin, "merge");
    assert.deepEqual(listClasses({ db }).map((c) => c.name), ["-"]);
    assert.throws(() => mergeClasses({ db, from: "-", into: "-" }), CurationInputError);
    undoLabelChange({ db, groupId: result.groupId! });
    assert.deepEqual(ids.map((id) => labelOf(db, id)), ["—", "—", "-"]);
    assert.ok(listClasses({ db }).some((c) => c.name === "—"), "the merged-away class is back");
  });

  it("ships three class sets and supports create, update and delete", () => {
    const seeded = listClassSets({ db });
    assert.deepEqual(seeded.map((s) => [s.name, s.classes.length]), [
      ["brackets and comparisons", 21],
      ["calculus", 22],
      ["simple equations", 14],
    ]);
    const simple = getClassSet({ db, ref: "simple equations" })!;
    assert.deepEqual(simple.classes, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "-", "x", "y"]);
    assert.deepEqual(getClassSet({ db, ref: simple.id }), simple);
    assert.equal(getClassSet({ db, ref: "nope" }), null);

    const digits = createClassSet({ db, name: "digits", classes: ["0", "1", "1", " 2 "] });
    assert.deepEqual(digits.classes, ["0", "1", "2"]);
    assert.throws(() => createClassSet({ db, name: "digits", classes: ["0", "1"] }), /name: .*already exists/);
    assert.throws(() => createClassSet({ db, name: "tiny", classes: ["0"] }), /classes: /);
    const renamed = updateClassSet({ db, id: digits.id, name: "numbers" });
    assert.equal(renamed.name, "numbers");
    assert.deepEqual(renamed.classes, ["0", "1", "2"]);
    deleteClassSet({ db, id: digits.id });
    assert.throws(() => deleteClassSet({ db, id: digits.id }), NotFoundError);
    assert.throws(() => updateClassSet({ db, id: 999, name: "x" }), NotFoundError);
  });
});
