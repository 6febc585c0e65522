import { CANONICAL_PIXELS, CANONICAL_SIZE, type CanonicalImage } from "../images/canonical-form";
import { getSymbolStrokes, measureStrokes, type InkBox, type InkDocument, type InkSymbol, type Stroke } from "./ink-document";
import { mapInkLabel } from "./map-label";
import { createBrush, drawPolyline, roundHalfEven, type Raster } from "./rasterize";

export interface StrokeRenderOptions {
  /** Pen width in pixels; 1 (the default) is the Kaggle style, wider widths use a round brush. */
  strokeWidth?: number;
}

/**
 * Renders one symbol's strokes into the canonical form (45x45, white 255 ink on black 0) the way
 * the Kaggle set and crohme-train-rendered were made: minimum moved to 0, scaled by
 * 45 / max(width, height) keeping the aspect, rounded to whole pixels, centred with the integer
 * margin (45 - extent) / 2, 1-px 8-connected lines between consecutive points, points landing
 * on 45 clipped. Wider pens shrink the point span by width - 1 so the ink, not the pen centre
 * line, spans the box, as fitToCanonical would crop it. Same strokes give identical bytes.
 */
export function renderStrokes(strokes: readonly Stroke[], options: StrokeRenderOptions = {}): CanonicalImage {
  const brush = createBrush(options.strokeWidth ?? 1);
  const box = measureStrokes(strokes);
  if (!box) throw new RangeError("cannot render strokes without any points");
  const span = CANONICAL_SIZE - (options.strokeWidth ?? 1) + 1;
  const longest = Math.max(box.width, box.height);
  const scale = longest > 0 ? span / longest : 0;
  const placed = strokes.map((stroke) =>
    stroke.map(([x, y]) => [roundHalfEven((x - box.x) * scale), roundHalfEven((y - box.y) * scale)] as const),
  );
  let extentX = 0;
  let extentY = 0;
  for (const stroke of placed) {
    for (const [x, y] of stroke) {
      if (x > extentX) extentX = x;
      if (y > extentY) extentY = y;
    }
  }
  const offX = Math.floor((span - extentX) / 2) + brush.reach;
  const offY = Math.floor((span - extentY) / 2) + brush.reach;
  const raster: Raster = { width: CANONICAL_SIZE, height: CANONICAL_SIZE, pixels: new Uint8Array(CANONICAL_PIXELS) };
  for (const stroke of placed) {
    drawPolyline(raster, stroke.map(([x, y]) => [x + offX, y + offY] as const), brush);
  }
  return raster.pixels;
}

/** One symbol of a parsed document in the canonical form. */
export function renderSymbol(
  doc: Pick<InkDocument, "traces">,
  symbol: Pick<InkSymbol, "traceIds">,
  options: StrokeRenderOptions = {},
): CanonicalImage {
  return renderStrokes(getSymbolStrokes(doc, symbol), options);
}

export interface ExpressionRenderOptions extends StrokeRenderOptions {
  /** Output height in pixels, padding included (default 128). Ignored when scale is given. */
  height?: number;
  /** Pixels per ink unit; overrides height. */
  scale?: number;
  /** Blank pixels around the ink on every side (default 8). */
  padding?: number;
  /** The expression's LaTeX, passed through to the result (renderDocument fills it in). */
  latex?: string | null;
}

/** A symbol box in image pixels: [x, y, width, height], covering the pen's full width. */
export type PixelBox = [x: number, y: number, width: number, height: number];

export interface RenderedExpression {
  width: number;
  height: number;
  /** width*height bytes, row-major, white ink (255) on black (0): the canonical polarity. */
  pixels: Uint8Array;
  /** One per symbol, in the order of the symbols given. */
  boxes: PixelBox[];
  /** App labels (labelFor); null for an unlabelled group. */
  labels: (string | null)[];
  /** Labels as the corpus spells them. */
  rawLabels: (string | null)[];
  latex: string | null;
}

const DEFAULT_EXPRESSION_HEIGHT = 128;
const DEFAULT_PADDING = 8;
/** Guards against a scale typo allocating gigabytes. */
const MAX_EXPRESSION_PIXELS = 1 << 26;

/**
 * Renders a whole expression (every trace, labelled or not) with its symbols' pixel boxes, to
 * test segmentation and the equation solver on real handwriting. White ink on black, like the
 * canonical form, so crops can go through fitToCanonical without an inversion.
 */
export function renderExpression(
  traces: ReadonlyMap<string, Stroke>,
  symbols: readonly Pick<InkSymbol, "traceIds" | "label">[],
  options: ExpressionRenderOptions = {},
): RenderedExpression {
  const strokeWidth = options.strokeWidth ?? 1;
  const brush = createBrush(strokeWidth);
  const padding = options.padding ?? DEFAULT_PADDING;
  if (!Number.isInteger(padding) || padding < 0) throw new RangeError(`padding must be a whole number, got ${padding}`);
  const ink = measureStrokes(traces.values());
  if (!ink) throw new RangeError("cannot render an expression without any points");
  const scale = options.scale ?? scaleForHeight(ink, options.height ?? DEFAULT_EXPRESSION_HEIGHT, padding, strokeWidth);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);

  const toPixel = (value: number, origin: number): number => roundHalfEven((value - origin) * scale) + padding + brush.reach;
  const width = roundHalfEven(ink.width * scale) + 2 * padding + strokeWidth;
  const height = roundHalfEven(ink.height * scale) + 2 * padding + strokeWidth;
  if (width * height > MAX_EXPRESSION_PIXELS) throw new RangeError(`a ${width}x${height} image is too large; lower the scale`);
  const raster: Raster = { width, height, pixels: new Uint8Array(width * height) };
  const placed = new Map<string, (readonly [number, number])[]>();
  for (const [id, stroke] of traces) {
    const points = stroke.map(([x, y]) => [toPixel(x, ink.x), toPixel(y, ink.y)] as const);
    placed.set(id, points);
    drawPolyline(raster, points, brush);
  }

  const boxes = symbols.map((symbol) => boxAround(symbol.traceIds.map((id) => placed.get(id) ?? []), brush.reach, strokeWidth));
  const rawLabels = symbols.map((symbol) => symbol.label);
  return {
    width,
    height,
    pixels: raster.pixels,
    boxes,
    labels: rawLabels.map((raw) => (raw === null ? null : mapInkLabel(raw).label)),
    rawLabels,
    latex: options.latex ?? null,
  };
}

/** renderExpression over a parsed document, carrying its LaTeX truth along. */
export function renderDocument(doc: InkDocument, options: Omit<ExpressionRenderOptions, "latex"> = {}): RenderedExpression {
  return renderExpression(doc.traces, doc.symbols, { ...options, latex: doc.latexTruth });
}

/** Pixel box of pen centre points widened to the pen's full width. */
function boxAround(strokes: readonly (readonly (readonly [number, number])[])[], reach: number, strokeWidth: number): PixelBox {
  const box = measureStrokes(strokes);
  if (!box) throw new RangeError("a symbol references no drawn points");
  return [box.x - reach, box.y - reach, box.width + strokeWidth, box.height + strokeWidth];
}

/** The scale that makes the image `height` pixels tall; a flat expression ("-") uses its width. */
function scaleForHeight(ink: InkBox, height: number, padding: number, strokeWidth: number): number {
  const inner = height - 2 * padding - strokeWidth;
  if (!Number.isInteger(height) || inner < 1) {
    throw new RangeError(`height ${height} leaves no room for ink with padding ${padding} and stroke width ${strokeWidth}`);
  }
  const extent = ink.height > 0 ? ink.height : ink.width;
  return extent > 0 ? inner / extent : 1;
}
