import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { isInkmlError, type InkmlErrorReason } from "../../../lib/ink/inkml-error";
import { getSymbolStrokes } from "../../../lib/ink/ink-document";
import { mapInkLabel } from "../../../lib/ink/map-label";
import { parseInkml } from "../../../lib/ink/parse-inkml";

const FIXTURES = join(import.meta.dirname, "../../fixtures/ink");
const readFixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

function assertInkmlError(text: string, reason: InkmlErrorReason): void {
  assert.throws(
    () => parseInkml(text),
    (error: unknown) => isInkmlError(error) && error.reason === reason && error.message.length > reason.length + 2,
  );
}

describe("parseInkml on the CROHME form", () => {
  const doc = parseInkml(readFixture("crohme-two-symbols.inkml"));

  it("reads the symbols of the nested Segmentation group with raw labels and trace ids", () => {
    assert.deepEqual(
      doc.symbols.map((s) => ({ id: s.id, label: s.label, traceIds: s.traceIds })),
      [
        { id: "4", label: "\\sqrt", traceIds: ["0"] },
        { id: "5", label: "X", traceIds: ["1", "2"] },
      ],
    );
  });

  it("gives each symbol the bounding box of its points", () => {
    assert.deepEqual(doc.symbols[0]?.box, { x: 0, y: 0, width: 60, height: 40 });
    assert.deepEqual(doc.symbols[1]?.box, { x: 20, y: 10, width: 20, height: 20 });
  });

  it("reads the writer, every annotation and the LaTeX truth without dollars", () => {
    assert.equal(doc.writer, "w042");
    assert.deepEqual(doc.annotations, { UI: "fixture_F001_E001", writer: "w042", hand: "R", truth: "$\\sqrt{X}$" });
    assert.equal(doc.latexTruth, "\\sqrt{X}");
  });

  it("keeps the trace points in order", () => {
    assert.equal(doc.traces.size, 3);
    assert.deepEqual(doc.traces.get("1"), [
      [20, 10],
      [30, 20],
      [40, 30],
    ]);
    const first = doc.symbols[1];
    assert.ok(first);
    assert.equal(getSymbolStrokes(doc, first).length, 2);
  });

  it("maps the raw labels to the app's labels", () => {
    assert.deepEqual(mapInkLabel("\\sqrt"), { label: "√", known: true });
    assert.deepEqual(mapInkLabel("X"), { label: "x", known: true });
    assert.deepEqual(mapInkLabel("\\lt"), { label: "<", known: true });
    assert.deepEqual(mapInkLabel("\\alpha"), { label: "α", known: true });
    // A label outside the class list is kept as spelled and becomes a new class.
    assert.deepEqual(mapInkLabel("\\cdot"), { label: "\\cdot", known: false });
  });
});

describe("parseInkml on the W3C form (namespace prefix, href, no trace ids, a T channel)", () => {
  const doc = parseInkml(readFixture("w3c-href-timed.inkml"));

  it("numbers id-less traces by position and ignores the time channel", () => {
    assert.deepEqual([...doc.traces.keys()], ["0", "1", "2"]);
    assert.deepEqual(doc.traces.get("0"), [
      [10, 0],
      [0, 10],
      [10, 20],
    ]);
    assert.equal(doc.traces.get("1")?.length, 2, "a trailing comma adds no point");
  });

  it("resolves href=\"#id\" references", () => {
    assert.deepEqual(
      doc.symbols.map((s) => [s.id, s.label, s.traceIds]),
      [
        ["lt", "\\lt", ["0"]],
        ["plus", "+", ["1", "2"]],
      ],
    );
    assert.deepEqual(doc.symbols[1]?.box, { x: 20, y: 5, width: 10, height: 10 });
    assert.equal(doc.writer, null);
    assert.equal(doc.latexTruth, "\\lt +");
  });

  it("puts X and Y where the traceFormat says", () => {
    const swapped = parseInkml(
      `<ink><traceFormat><channel name="T"/><channel name="Y"/><channel name="X"/></traceFormat>` +
        `<trace id="a">0 5 7, 1 6 8</trace></ink>`,
    );
    assert.deepEqual(swapped.traces.get("a"), [
      [7, 5],
      [8, 6],
    ]);
  });
});

describe("parseInkml on bad input", () => {
  it("rejects an empty file", () => {
    assertInkmlError(readFixture("empty.inkml"), "empty");
    assertInkmlError("  \n", "empty");
  });

  it("rejects XML that is not well formed", () => {
    assertInkmlError(readFixture("broken-xml.inkml"), "malformed-xml");
    assertInkmlError("not xml at all", "malformed-xml");
  });

  it("rejects a traceGroup that points to a missing trace", () => {
    assertInkmlError(readFixture("missing-trace.inkml"), "missing-trace");
  });

  it("rejects other roots, unreadable points and repeated trace ids", () => {
    assertInkmlError("<svg/>", "not-inkml");
    assertInkmlError(`<ink><trace id="0">1 2, three 4</trace></ink>`, "bad-trace");
    assertInkmlError(`<ink><trace id="0">1 2</trace><trace id="0">3 4</trace></ink>`, "duplicate-trace");
  });

  it("names the missing trace in the message so an importer can report it", () => {
    assert.throws(() => parseInkml(readFixture("missing-trace.inkml")), /trace "7"/);
  });
});
