import { EXPORT_HEIGHT, renderInkOnPaper } from "../dataset/expression-image";
import type { GrayImage } from "../images/canonicalize";
import { measureStrokes } from "../ink/ink-document";
import { isInkmlError } from "../ink/inkml-error";
import { parseInkml } from "../ink/parse-inkml";
import { MAX_SOLVE_BYTES, SolveInputError } from "./check-image";

/**
 * True when the upload is XML whose root is <ink>: digital ink (InkML), not a picture. Empty or
 * oversized bytes are not: the picture checks refuse them with their reasons.
 */
export function isInkmlUpload(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.length > MAX_SOLVE_BYTES) return false;
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (!head.startsWith("<")) return false;
  return /<ink[\s>]/.test(head);
}

/** An ink taller than this share of its width is taken for two lines (a system) and drawn twice as high. */
const TWO_LINE_ASPECT = 0.4;

/**
 * Digital ink (an InkML file from a tablet or a dataset) drawn the way bench:solve draws CROHME
 * lines: dark ink on white, a 3 px pen, 192 px per line, so the solver reads it exactly as it
 * was measured. Symbol groups in the file, if any, are ignored: the solver segments on its own.
 * Throws SolveInputError when the file is not InkML the parser accepts or holds no ink.
 */
export function renderInkUpload(bytes: Uint8Array): GrayImage {
  let doc;
  try {
    doc = parseInkml(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  } catch (err) {
    if (isInkmlError(err)) throw new SolveInputError(`not readable InkML: ${err.message}`);
    throw err;
  }
  const traces = new Map([...doc.traces].filter(([, stroke]) => stroke.length > 0));
  const ink = measureStrokes(traces.values());
  if (!ink || (ink.width === 0 && ink.height === 0)) throw new SolveInputError("no handwriting found: the InkML file has no strokes");
  const lines = ink.height > TWO_LINE_ASPECT * ink.width ? 2 : 1;
  return renderInkOnPaper(traces, [], { height: EXPORT_HEIGHT * lines }).paper;
}
