import type { CanonicalImage } from "../images/canonical-form";
import type { GrayImage } from "../images/canonicalize";
import { labelComponents } from "./components";
import { median, type BoxTuple, type InkMask } from "./ink-mask";
import { mergeSymbolParts } from "./merge-parts";
import { binarizeInk, estimateStrokeWidth, type BinarizeOptions } from "./preprocess";
import { orderSymbols } from "./reading-order";
import { removeRuledLines } from "./ruled-lines";
import { cropSymbol } from "./symbol-crop";

export interface SegmentedSymbol {
  /** [x, y, width, height] in input pixels. */
  box: BoxTuple;
  /** The crop in canonical form (45x45, white on black), ready for the classifier. */
  canonical: CanonicalImage;
  superscript: boolean;
  /** How many connected components were merged into this symbol (2 for =, 3 for ÷). */
  parts: number;
}

export interface SegmentOptions extends BinarizeOptions {
  /** Strip long thin horizontal lines (ruled paper). Default true. */
  removeRuledLines?: boolean;
  /** Redraw strokes at the training data's width. Default true. */
  normaliseStroke?: boolean;
}

/** Components no bigger than this (in stroke widths) are paper grain or sensor noise. */
const NOISE_STROKES = 0.6;
/** A symbol smaller than this share of the median symbol size, left alone after merging, is a speck. */
const SPECK_SIZE = 0.25;

/**
 * Splits a photo, scan or canvas export of a handwritten one-line equation into symbols in
 * reading order, each normalised exactly like the training data. Pure: no I/O, no model.
 */
export function segmentEquation(image: GrayImage, options: SegmentOptions = {}): SegmentedSymbol[] {
  let mask: InkMask = binarizeInk(image, options);
  if (options.removeRuledLines !== false) mask = removeRuledLines(mask);
  const labelled = labelComponents(mask);
  const stroke = estimateStrokeWidth(mask);

  const sizes = labelled.components.filter((c) => c.area >= 4).map((c) => Math.max(c.width, c.height));
  const roughSize = median(sizes);
  const noiseSide = Math.max(NOISE_STROKES * stroke, 0.05 * roughSize);
  const components = labelled.components.filter((c) => Math.max(c.width, c.height) > noiseSide);
  if (components.length === 0) return [];
  const symbolSize = median(components.map((c) => Math.max(c.width, c.height)));

  const groups = mergeSymbolParts(components, symbolSize).filter(
    (g) => Math.max(g.box.width, g.box.height) >= SPECK_SIZE * symbolSize,
  );
  return orderSymbols(groups, symbolSize).map((g) => ({
    box: [g.box.x, g.box.y, g.box.width, g.box.height],
    canonical: cropSymbol(labelled, g.box, g.componentIds, { normaliseStroke: options.normaliseStroke }),
    superscript: g.superscript,
    parts: g.componentIds.length,
  }));
}
