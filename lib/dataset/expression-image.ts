import type { Stroke } from "../ink/ink-document";
import type { GrayImage } from "../images/canonicalize";
import { encodeGrayPng } from "../images/encode-png";
import { renderExpression, type PixelBox, type RenderedExpression } from "../ink/render-strokes";
import { parseStrokesJson } from "../ink/stroke-json";
import type { ExpressionSymbol } from "./list-expressions";

/**
 * Export defaults, chosen to look like a phone photo of a line of handwriting once scaled down:
 * dark ink (0) on white paper (255), a 3 px pen, 192 px tall. The equation solver's
 * segmentation reads either polarity and redraws strokes at the training width, but a 1 px
 * line would not survive its blur-and-threshold the way real pen strokes do.
 */
export const EXPORT_STROKE_WIDTH = 3;
export const EXPORT_HEIGHT = 192;

export interface ExpressionImageOptions {
  strokeWidth?: number;
  /** Image height in pixels, padding included. */
  height?: number;
}

/** What the export writes beside each PNG, and what a test-data reader can rely on. */
export interface ExpressionTruth {
  latex: string | null;
  /** App labels, one per symbol, in file order. */
  labels: (string | null)[];
  /** Labels as the InkML file spells them. */
  rawLabels: (string | null)[];
  /** [x, y, width, height] in image pixels, covering the pen's full width; aligned with labels. */
  boxes: PixelBox[];
  writer: string | null;
  /** The source file in the imported dataset. */
  path: string;
  width: number;
  height: number;
  strokeWidth: number;
  polarity: "dark-on-light";
}

export interface StoredExpression {
  path: string;
  latex: string | null;
  writer: string | null;
  strokes: string;
  symbols: string;
}

/**
 * Strokes drawn as the export draws them (renderExpression, default a 3 px pen at 192 px high),
 * as dark ink on white paper: what the solver reads for a stored line or an uploaded InkML file.
 */
export function renderInkOnPaper(
  traces: ReadonlyMap<string, Stroke>,
  symbols: Parameters<typeof renderExpression>[1],
  options: ExpressionImageOptions = {},
): { paper: GrayImage; rendered: RenderedExpression } {
  const rendered = renderExpression(traces, symbols, { strokeWidth: options.strokeWidth ?? EXPORT_STROKE_WIDTH, height: options.height ?? EXPORT_HEIGHT });
  const pixels = new Uint8Array(rendered.pixels.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - rendered.pixels[i]!;
  return { paper: { width: rendered.width, height: rendered.height, pixels }, rendered };
}

/** Renders a stored expression to a grayscale PNG (dark on white) and its truth. */
export async function renderStoredExpression(
  row: StoredExpression,
  options: ExpressionImageOptions = {},
): Promise<{ png: Buffer; truth: ExpressionTruth }> {
  const strokes: Stroke[] = parseStrokesJson(row.strokes);
  const symbols = JSON.parse(row.symbols) as ExpressionSymbol[];
  // Stored symbols point at traces by index, so the index is the trace id here.
  const traces = new Map(strokes.map((stroke, i) => [String(i), stroke] as const));
  const strokeWidth = options.strokeWidth ?? EXPORT_STROKE_WIDTH;
  const { paper, rendered } = renderInkOnPaper(
    traces,
    symbols.map((s) => ({ traceIds: s.traceIndexes.map(String), label: s.rawLabel })),
    { strokeWidth, height: options.height ?? EXPORT_HEIGHT },
  );
  const png = await encodeGrayPng(paper);
  return {
    png,
    truth: {
      latex: row.latex,
      labels: symbols.map((s) => s.label),
      rawLabels: rendered.rawLabels,
      boxes: rendered.boxes,
      writer: row.writer,
      path: row.path,
      width: rendered.width,
      height: rendered.height,
      strokeWidth,
      polarity: "dark-on-light",
    },
  };
}
