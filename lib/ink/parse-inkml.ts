import { XMLParser, XMLValidator } from "fast-xml-parser";
import { measureStrokes, type InkDocument, type InkSymbol, type Point, type Stroke } from "./ink-document";
import { InkmlError } from "./inkml-error";

/** A parsed XML element as fast-xml-parser hands it over with the options below. */
interface XmlNode {
  [key: string]: unknown;
}

const ATTR = "@_";
const TEXT = "#text";
const REPEATABLE = new Set(["trace", "traceGroup", "traceView", "annotation", "channel", "traceFormat"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  // `xml:id` (traceGroup) and `id` (CROHME trace) then read the same; `inkml:` prefixes vanish.
  removeNSPrefix: true,
  // The MathML truth is never needed here and holds the corpus's encoding faults
  // (MfrDB0104.inkml), so it is kept as unparsed text.
  stopNodes: ["*.annotationXML"],
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parses an InkML document: CROHME (traces with `id`, nested "Segmentation" traceGroups whose
 * leaves reference traces by `<traceView traceDataRef>`), and the W3C/MathWriting forms
 * (`xml:id`, `href="#id"`, traces without ids numbered by position, extra channels such as T).
 * A traceView's from/to sub-range is not supported: the whole trace is used.
 * Throws InkmlError when the file is empty, not well-formed XML, not InkML, holds a
 * non-numeric point, or a symbol references a trace that does not exist.
 */
export function parseInkml(text: string): InkDocument {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") throw new InkmlError("empty", "the document is empty");
  // fast-xml-parser's parser is lenient on purpose; the validator is what rejects broken XML.
  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new InkmlError("malformed-xml", `${msg} (line ${line}${col ? `, column ${col}` : ""})`);
  }
  const root = (parser.parse(source) as XmlNode).ink;
  if (!isNode(root)) throw new InkmlError("not-inkml", "the root element is not <ink>");

  const { xIndex, yIndex } = readChannelLayout(root);
  const traces = new Map<string, Stroke>();
  const traceIds = new WeakMap<XmlNode, string>();
  collectTraces(root, { traces, traceIds, xIndex, yIndex });

  const symbols: InkSymbol[] = [];
  collectSymbols(nodes(root.traceGroup), { traces, traceIds, out: symbols });

  const annotations: Record<string, string> = {};
  for (const annotation of nodes(root.annotation)) {
    const type = attr(annotation, "type");
    if (type !== null && !Object.hasOwn(annotations, type)) annotations[type] = textOf(annotation);
  }
  return {
    traces,
    symbols,
    writer: annotations.writer || null,
    annotations,
    latexTruth: stripMathDelimiters(annotations.truth),
  };
}

/** Positions of X and Y among a point's values; CROHME and MathWriting both put them first. */
function readChannelLayout(root: XmlNode): { xIndex: number; yIndex: number } {
  const formats = [...nodes(root.traceFormat)];
  const definitions = root.definitions;
  if (isNode(definitions)) formats.push(...nodes(definitions.traceFormat));
  const names = nodes(formats[0]?.channel).map((channel) => attr(channel, "name")?.toUpperCase());
  const xIndex = names.indexOf("X");
  const yIndex = names.indexOf("Y");
  return xIndex >= 0 && yIndex >= 0 ? { xIndex, yIndex } : { xIndex: 0, yIndex: 1 };
}

interface TraceContext {
  traces: Map<string, Stroke>;
  /** The id each trace element was stored under, so a group holding traces inline finds them. */
  traceIds: WeakMap<XmlNode, string>;
  xIndex: number;
  yIndex: number;
}

/** Top-level traces first, then traces written inside traceGroups. */
function collectTraces(parent: XmlNode, context: TraceContext): void {
  const { traces, traceIds, xIndex, yIndex } = context;
  for (const trace of nodes(parent.trace)) {
    // Traces without an id (MathWriting) are referred to by their position.
    const id = attr(trace, "id") ?? String(traces.size);
    if (traces.has(id)) throw new InkmlError("duplicate-trace", `trace id "${id}" occurs twice`);
    traces.set(id, parsePoints(textOf(trace), id, xIndex, yIndex));
    traceIds.set(trace, id);
  }
  for (const group of nodes(parent.traceGroup)) collectTraces(group, context);
}

/** "x y, x y" or "x y t, ..." (values beyond X and Y ignored); a trailing comma is tolerated. */
function parsePoints(text: string, traceId: string, xIndex: number, yIndex: number): Point[] {
  const points: Point[] = [];
  for (const chunk of text.split(",")) {
    const sample = chunk.trim();
    if (sample === "") continue;
    const values = sample.split(/\s+/);
    const x = Number(values[xIndex]);
    const y = Number(values[yIndex]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new InkmlError("bad-trace", `trace "${traceId}" has a point that is not "x y": "${sample.slice(0, 40)}"`);
    }
    points.push([x, y]);
  }
  return points;
}

/**
 * A traceGroup that references traces is a symbol; groups only holding groups (CROHME's
 * "Segmentation", "From ITF") are containers and are walked through.
 */
function collectSymbols(
  groups: XmlNode[],
  context: { traces: Map<string, Stroke>; traceIds: WeakMap<XmlNode, string>; out: InkSymbol[] },
): void {
  for (const group of groups) {
    const id = attr(group, "id");
    const traceIds: string[] = [];
    for (const view of nodes(group.traceView)) {
      const ref = attr(view, "traceDataRef") ?? attr(view, "href");
      if (ref === null) throw new InkmlError("missing-trace", `traceGroup "${id ?? "?"}" has a traceView without a reference`);
      traceIds.push(ref.startsWith("#") ? ref.slice(1) : ref);
    }
    // W3C InkML also allows the traces themselves inside the group.
    for (const trace of nodes(group.trace)) {
      const traceId = context.traceIds.get(trace);
      if (traceId !== undefined) traceIds.push(traceId);
    }
    if (traceIds.length > 0) context.out.push(buildSymbol(group, id, traceIds, context.traces));
    collectSymbols(nodes(group.traceGroup), context);
  }
}

function buildSymbol(group: XmlNode, id: string | null, traceIds: string[], traces: Map<string, Stroke>): InkSymbol {
  const strokes: Stroke[] = [];
  for (const traceId of traceIds) {
    const stroke = traces.get(traceId);
    if (!stroke) throw new InkmlError("missing-trace", `traceGroup "${id ?? "?"}" references trace "${traceId}", which does not exist`);
    strokes.push(stroke);
  }
  const box = measureStrokes(strokes);
  if (!box) throw new InkmlError("empty-symbol", `traceGroup "${id ?? "?"}" has no points`);
  const truth = nodes(group.annotation).find((a) => attr(a, "type") === "truth");
  const label = truth ? textOf(truth) : "";
  return { id, label: label === "" ? null : label, traceIds, box };
}

/** "$x^2$" -> "x^2"; CROHME wraps some truths in math-mode dollars, others not. */
function stripMathDelimiters(truth: string | undefined): string | null {
  if (truth === undefined) return null;
  const inner = /^\$+([\s\S]*?)\$+$/.exec(truth)?.[1] ?? truth;
  const trimmed = inner.trim();
  return trimmed === "" ? null : trimmed;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function attr(node: XmlNode, name: string): string | null {
  const value = node[ATTR + name];
  return typeof value === "string" ? value : null;
}

function textOf(node: XmlNode): string {
  const value = node[TEXT];
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}
