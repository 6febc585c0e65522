import type { GrayImage } from "../images/canonicalize";
import { downscaleGray } from "../images/downscale";
import { upscaleGray } from "../images/upscale";
import { cropBlankMargins, onBlankPaper } from "./blank-margins";
import { labelComponents } from "./components";
import { estimateSkew, levelMask } from "./deskew";
import { median, type BoxTuple, type InkMask } from "./ink-mask";
import { otsuThreshold } from "./morphology";
import { binarizeInk, isDarkInk } from "./preprocess";
import { removeRuledLines } from "./ruled-lines";
import { segmentEquation, segmentInk, type SegmentOptions, type SegmentedSymbol, type SplitProposal } from "./segment";
import { bandsFromMask, cropRows, withoutSystemBrace, type LineBand } from "./split-lines";

export interface LinesOptions extends SegmentOptions {
  /** Level writing that slopes (a photo taken askew, a line drifting up the canvas). Default true. */
  deskew?: boolean;
  /** Enlarge an image whose writing is only a few dozen pixels high before reading it. Default true. */
  upscale?: boolean;
  /** Read only the ink and a margin of an image on exactly blank paper (blank-margins). Default true. */
  cropBlank?: boolean;
  /** Shrink an image whose writing is several hundred pixels high before reading it. Default true. */
  downscale?: boolean;
}

export interface SegmentedLines {
  /** Symbols per written line, boxes in the levelled image's coordinates (level: the image's). */
  lines: SegmentedSymbol[][];
  /** How far the writing sloped, in degrees (positive: falling to the right); 0 when read as it is. */
  skewDegrees: number;
  /** A box of `lines` as the smallest box of the input image covering it. */
  toSource(box: BoxTuple): BoxTuple;
  /** When levelled: the lines segmented as written, for the reader to weigh against the levelled ones. */
  asWritten?: SegmentedLines;
}

/**
 * Writing sloped less than this is read as it is: the slope of a level line measures within
 * a degree or two of 0 (the symbols' own shapes), and the segmenter was tuned on such lines.
 */
const MIN_SKEW = 2;
/** Fewer pairs of components than this cannot tell a line's slope from its symbols' shapes. */
const MIN_VOTES = 3;

/**
 * Splits the image into written lines and each into symbols. A sloped line is first turned
 * level, so reading order, exponents by baseline and the bars of "=" are judged as on a level
 * line, and the crops come out upright like the training samples.
 */
export function segmentLines(image: GrayImage, options: LinesOptions = {}): SegmentedLines {
  const cropped = options.cropBlank === false ? null : cropBlankMargins(image);
  if (cropped) return shiftedBack(segmentLines(cropped.image, { ...options, cropBlank: false }), cropped.left, cropped.top);
  const shrink = options.downscale === false ? 1 : downscaleFactor(image);
  if (shrink > 1) return scaledBack(segmentLines(downscaleGray(image, shrink), { ...options, downscale: false, upscale: false }), 1 / shrink);
  let ink = binarizeInk(image, options);
  const factor = options.upscale === false ? 1 : upscaleFactor(ink);
  if (factor > 1) return scaledBack(segmentLines(upscaleGray(image, factor), { ...options, upscale: false, downscale: false }), factor);
  if (options.removeRuledLines !== false) ink = removeRuledLines(ink);
  const unbraced = withoutSystemBrace(ink);
  if (unbraced) ink = unbraced;
  const skew = options.deskew === false ? null : estimateSkew(ink);
  if (skew && Math.abs(skew.degrees) >= MIN_SKEW && skew.votes >= MIN_VOTES) {
    const levelled = levelMask(ink, skew.degrees);
    // Lines that slope share rows, so their brace is only told apart once they are level.
    const level = (unbraced ? null : withoutSystemBrace(levelled.ink)) ?? levelled.ink;
    // The gray image no longer matches the levelled mask, so each line is cut from the mask.
    const lines = splitIntoLines(level, options, (band) => segmentInk(cropMaskRows(level, band), options));
    const written = segmentAsWritten(image, ink, options, unbraced !== null);
    return lines.length > 0 ? { lines, skewDegrees: skew.degrees, toSource: levelled.toSource, asWritten: written } : written;
  }
  return segmentAsWritten(image, ink, options, unbraced !== null);
}

function segmentAsWritten(image: GrayImage, ink: InkMask, options: SegmentOptions, braced: boolean): SegmentedLines {
  // One line is segmented from the mask just made (binarising is nearly half the segmentation's
  // time); each of several lines is binarised again on its own rows, as the segmenter was tuned,
  // unless a brace was taken out of the mask: the gray rows still hold a piece of it.
  const segmentBand = (band: LineBand) => (braced ? segmentInk(cropMaskRows(ink, band), options) : segmentEquation(cropRows(image, band), options));
  const lines = splitIntoLines(ink, options, segmentBand);
  return { lines, skewDegrees: 0, toSource: (box) => box };
}

function splitIntoLines(ink: InkMask, options: SegmentOptions, segmentBand: (band: LineBand) => SegmentedSymbol[]): SegmentedSymbol[][] {
  const bands = bandsFromMask(ink);
  if (bands.length === 0) return [];
  if (bands.length === 1) {
    // The band leaves out only marks standing off on their own (bandsFromMask).
    const symbols = segmentInk(onlyRows(ink, bands[0]!), options);
    return symbols.length > 0 ? [symbols] : [];
  }
  const lines = bands.map((band) => segmentBand(band).map((s) => shifted(s, band.top))).filter((line) => line.length > 0);
  // Beside a written line, a line of one or two symbols is no equation of a system: a mark in the
  // margin, the tip of a shadow's edge at the frame.
  return lines.some((line) => line.length >= MIN_LINE_SYMBOLS) ? lines.filter((line) => line.length >= MIN_LINE_SYMBOLS) : lines;
}

/** An equation has at least a term, a relation and a term. */
const MIN_LINE_SYMBOLS = 3;

/** The mask with no ink outside the band's rows (the mask itself when there is none). */
function onlyRows(ink: InkMask, band: LineBand): InkMask {
  const { width, height, mask } = ink;
  const outside = (i: number) => i < band.top * width || i >= band.bottom * width;
  let any = false;
  for (let i = 0; i < mask.length && !any; i++) any = mask[i] === 1 && outside(i);
  if (!any) return ink;
  return { width, height, mask: mask.map((v, i) => (outside(i) ? 0 : v)) };
}

const mapOrNull = <T>(value: T | null, f: (v: T) => T): T | null => (value === null ? null : f(value));

/** A symbol segmented in a band, moved down to the whole image's rows, with the joins and cuts it offers. */
function shifted(symbol: SegmentedSymbol, dy: number): SegmentedSymbol {
  const down = ([x, y, w, h]: BoxTuple): BoxTuple => [x, y + dy, w, h];
  const split = (p: SplitProposal): SplitProposal => ({ ...p, boxes: [down(p.boxes[0]), down(p.boxes[1])] });
  const { splitIfDoubtful, joinIfDoubtful } = symbol;
  return {
    ...symbol,
    box: down(symbol.box),
    ...(symbol.joinWithNext ? { joinWithNext: { ...symbol.joinWithNext, box: down(symbol.joinWithNext.box) } } : {}),
    ...(symbol.splitInTwo ? { splitInTwo: split(symbol.splitInTwo) } : {}),
    ...(splitIfDoubtful ? { splitIfDoubtful: () => mapOrNull(splitIfDoubtful(), split) } : {}),
    ...(joinIfDoubtful ? { joinIfDoubtful: () => mapOrNull(joinIfDoubtful(), (p) => ({ ...p, box: down(p.box) })) } : {}),
  };
}

/**
 * Symbols smaller than this (median component side, px) are read from the image enlarged to
 * about UPSCALE_TARGET: a photo from far off, a low-resolution scan. At a few pixels a stroke is
 * one gray pixel wide, under the faint-ink margin, and minus signs and 1s vanish or neighbours run
 * together: the lines of the CROHME val writers photographed at 0.2 of their size read 12/28 as
 * they are and 22/28 enlarged, at 0.3 20/28 and 23/28. (b) composed lines of the smallest sizes
 * are enlarged too: 276/300 -> 277/300.
 */
const SMALL_SYMBOL = 48;
const UPSCALE_TARGET = 80;
const MAX_UPSCALE = 4;
/** Never enlarged past this many pixels: a phone photo with small writing is already 3 MP, and reading 12 would take seconds. */
const MAX_UPSCALED_PIXELS = 4_000_000;

export function upscaleFactor(ink: InkMask): number {
  const sizes = labelComponents(ink).components.filter((c) => c.area >= 4).map((c) => Math.max(c.width, c.height));
  const room = Math.floor(Math.sqrt(MAX_UPSCALED_PIXELS / (ink.width * ink.height)));
  // No ink at all may be writing too faint and thin to clear the threshold at this size (a small
  // photo of pencil): looked for again enlarged. A blank page stays blank, only read twice.
  if (sizes.length === 0) return Math.max(1, Math.min(MAX_UPSCALE, room));
  const size = median(sizes);
  if (size >= SMALL_SYMBOL) return 1;
  return Math.max(1, Math.min(MAX_UPSCALE, room, Math.ceil(UPSCALE_TARGET / Math.max(1, size))));
}

/**
 * Symbols larger than LARGE_SYMBOL (median component side, px) are read from the image shrunk
 * towards DOWNSCALE_TARGET: the Solve canvas sends its strokes at 3x, so a short line drawn
 * across it has symbols 300-600 px high, and segmenting those pixels took 100-380 ms where the
 * same line at the size the segmenter was tuned on (a 192 px line) takes a fifth. At most
 * MAX_DOWNSCALE times: the canvas's 3 px pen shrunk 4 times is under a pixel wide, and the noise
 * blur then loses a flat bar (the = of a "2=3" drawn on the canvas read as a minus). The size is
 * measured on a copy shrunk PROBE times, so looking costs little; an image narrower than
 * LARGE_SYMBOL cannot hold such writing and is not looked at. Only drawings are shrunk (most of
 * the page one exact level, as a canvas or a drawing app exports it): a photo is already scaled
 * to 3 MP on decoding, and on its shaded paper one global threshold, all the probe affords, can
 * take half the page for one huge symbol.
 */
const LARGE_SYMBOL = 200;
const DOWNSCALE_TARGET = 100;
const MAX_DOWNSCALE = 2;
const PROBE = 4;

export function downscaleFactor(image: GrayImage): number {
  if (Math.min(image.width, image.height) < LARGE_SYMBOL) return 1;
  const probe = downscaleGray(image, PROBE);
  if (!onBlankPaper(probe)) return 1;
  const sizes = labelComponents(roughInk(probe))
    .components.filter((c) => c.area >= 4)
    .map((c) => PROBE * Math.max(c.width, c.height));
  if (sizes.length === 0) return 1;
  const size = median(sizes);
  if (size < LARGE_SYMBOL) return 1;
  return Math.max(1, Math.min(MAX_DOWNSCALE, Math.floor(size / DOWNSCALE_TARGET)));
}

/**
 * Ink by one Otsu threshold over the whole image: no paper or lighting normalisation, which on
 * the probe would cost more than the rest of the look, and a drawing's paper is even.
 */
function roughInk(image: GrayImage): InkMask {
  const dark = isDarkInk(image);
  const histogram = new Uint32Array(256);
  for (const v of image.pixels) histogram[dark ? 255 - v : v]!++;
  const threshold = otsuThreshold(histogram);
  const mask = new Uint8Array(image.pixels.length);
  for (let i = 0; i < mask.length; i++) mask[i] = (dark ? 255 - image.pixels[i]! : image.pixels[i]!) > threshold ? 1 : 0;
  return { width: image.width, height: image.height, mask };
}

/** Lines read from the image scaled `factor` times (enlarged above 1, shrunk below), with the way back to the boxes of the image as given. */
function scaledBack(lines: SegmentedLines, factor: number): SegmentedLines {
  const down = ([x, y, w, h]: BoxTuple): BoxTuple => {
    const left = Math.floor(x / factor);
    const top = Math.floor(y / factor);
    return [left, top, Math.ceil((x + w) / factor) - left, Math.ceil((y + h) / factor) - top];
  };
  return {
    lines: lines.lines,
    skewDegrees: lines.skewDegrees,
    toSource: (box) => down(lines.toSource(box)),
    ...(lines.asWritten ? { asWritten: scaledBack(lines.asWritten, factor) } : {}),
  };
}

/** Lines read from a crop whose corner sat at (left, top), with the way back to the boxes of the image as given. */
function shiftedBack(lines: SegmentedLines, left: number, top: number): SegmentedLines {
  return {
    lines: lines.lines,
    skewDegrees: lines.skewDegrees,
    toSource: (box) => {
      const [x, y, w, h] = lines.toSource(box);
      return [x + left, y + top, w, h];
    },
    ...(lines.asWritten ? { asWritten: shiftedBack(lines.asWritten, left, top) } : {}),
  };
}

/** Rows [top, bottom) of a mask as a mask of their own. */
function cropMaskRows(ink: InkMask, band: LineBand): InkMask {
  return { width: ink.width, height: band.bottom - band.top, mask: ink.mask.subarray(band.top * ink.width, band.bottom * ink.width) };
}
