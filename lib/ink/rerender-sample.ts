import type { CanonicalImage } from "../images/canonical-form";
import type { Stroke } from "./ink-document";
import { renderStrokes } from "./render-strokes";
import { parseStrokesJson, type StrokesJson } from "./stroke-json";

/**
 * The augmentation "re-render with another stroke width": a sample that has strokes (InkML,
 * canvas) drawn again into the canonical form with a pen `strokeWidth` pixels wide (1 = the
 * Kaggle style; 1..MAX_STROKE_WIDTH). Same centring and scaling as the import, so width 1
 * reproduces an InkML sample's stored canonical image byte for byte. Accepts the stored
 * strokes JSON or parsed strokes; throws RangeError on malformed strokes or a bad width.
 */
export function rerenderSample(strokes: StrokesJson | readonly Stroke[], strokeWidth: number): CanonicalImage {
  const parsed = typeof strokes === "string" ? parseStrokesJson(strokes) : strokes;
  return renderStrokes(parsed, { strokeWidth });
}
