import type { CanonicalImage } from "../images/canonical-form";
import type { GrayImage } from "../images/canonicalize";
import { JUNK_LABEL } from "../dataset/class-names";
import { classifyCrops, DEFAULT_TOP_K, type SymbolClassifier } from "./classify";
import { decodeEquation, type LabelCandidate } from "./decode";
import type { BoxTuple } from "./ink-mask";
import { lineFrame, placeInLine } from "./line-frame";
import { reweighByPlacement, type PlacementModel } from "./placement-model";
import { binarizeInk } from "./preprocess";
import { removeRuledLines } from "./ruled-lines";
import { segmentEquation, segmentInk, type SegmentOptions, type SegmentedSymbol } from "./segment";
import { shippedPlacementModel } from "./shipped-placement";
import { solveExpression, type SolveResult } from "./solve";
import { bandsFromMask, cropRows } from "./split-lines";

/** One symbol as read: what the decoder chose, how sure the model was, and where it is. */
export interface SolvedToken {
  label: string;
  /**
   * How sure the reader is of `label`: the model's probability, re-weighed by where the symbol
   * sits in its line (1 for a correction by the person).
   */
  confidence: number;
  box: BoxTuple;
  /** Index of the written line (0 for a one-line equation). */
  line: number;
  superscript: boolean;
  /** The decoder preferred a lower-ranked label so the line reads as a valid expression. */
  overridden: boolean;
  /** The person picked this label. */
  corrected: boolean;
  /** The top-k, best first, with the same probabilities as `confidence`. */
  candidates: LabelCandidate[];
}

export interface SolveImageResult {
  tokens: SolvedToken[];
  /** The lines' expressions joined with "; " (one line: just the expression). */
  expression: string;
  lines: string[];
  /** False when some line has no well-formed reading among the top-k. */
  wellFormed: boolean;
  solution: SolveResult;
  timing: SolveTiming;
}

export interface SolveTiming {
  segmentMs: number;
  classifyMs: number;
  decodeMs: number;
  solveMs: number;
}

/** The person's fix for one symbol: token index (reading order, all lines) and the right label. */
export interface TokenCorrection {
  index: number;
  label: string;
}

export interface SolveImageOptions {
  classifier: SymbolClassifier;
  corrections?: readonly TokenCorrection[];
  topK?: number;
  segment?: SegmentOptions;
  /**
   * Where each class sits in a line (size, descender, height), to re-weigh the classifier's
   * top-k; default the shipped fit, null to read each crop by its shape alone.
   */
  placement?: PlacementModel | null;
  /** Called with each crop in token order (the server keeps them to show and to save as samples). */
  onCrops?: (crops: CanonicalImage[]) => void;
}

export class NoSymbolsError extends Error {
  constructor() {
    super("no handwriting found: the image is blank");
    this.name = "NoSymbolsError";
  }
}

/**
 * Image in, solution out: split into lines, segment each, classify every crop of every line in
 * one batch, decode each line against the grammar (a correction is a certain, single
 * candidate), and solve one expression or a system of two. Pure apart from the classifier.
 */
export async function solveImage(image: GrayImage, options: SolveImageOptions): Promise<SolveImageResult> {
  const t0 = performance.now();
  // A model trained with junk (ink that is no one symbol) can say when a wide stroke is two
  // touching symbols, so only then are such strokes also offered cut in two.
  const junkAware = options.classifier.classes.includes(JUNK_LABEL);
  const segmented = segmentLines(image, { strokeWidth: options.classifier.strokeWidth, splitTouching: junkAware, ...options.segment });
  const singles = segmented.flat();
  if (singles.length === 0) throw new NoSymbolsError();
  const t1 = performance.now();

  // Join and split candidates ride in the same batch, after the single symbols.
  const joinCrops = singles.flatMap((s) => (s.joinWithNext ? [s.joinWithNext.canonical] : []));
  const splitCrops = singles.flatMap((s) => s.splitInTwo?.canonicals ?? []);
  // A junk-aware model spends one more of the top-k on junk.
  const rankedAll = (
    await classifyCrops(
      options.classifier,
      [...singles.map((s) => s.canonical), ...joinCrops, ...splitCrops],
      (options.topK ?? DEFAULT_TOP_K) + (junkAware ? 1 : 0),
    )
  ).map(withoutJunk);
  const t2 = performance.now();

  // First pass: where a symbol may be two strokes of one, the decoder picks the reading (one
  // symbol or two) that makes the likelier well-formed line. That fixes the symbols; the person's
  // corrections then index them, so the same image always gives the same symbols to correct.
  const units: { symbol: SegmentedSymbol; ranked: LabelCandidate[] }[][] = [];
  let offset = 0;
  let joinOffset = singles.length;
  let splitOffset = singles.length + joinCrops.length;
  const placement = options.placement === undefined ? shippedPlacementModel() : options.placement;
  for (const line of segmented) {
    const joinedRanked: LabelCandidate[][] = [];
    const splitRanked: [LabelCandidate[], LabelCandidate[]][] = [];
    // A raised symbol is measured against its base, not the line: it keeps the model's reading.
    const frame = placement ? lineFrame(line.map((s) => s.box)) : null;
    const placed = (ranked: LabelCandidate[], box: BoxTuple, raised: boolean) =>
      placement && frame && !raised ? reweighByPlacement(ranked, placeInLine(box, frame), placement) : ranked;
    const hypotheses = line.map((symbol, i) => {
      const own = placed(rankedAll[offset + i]!, symbol.box, symbol.superscript);
      let splitInTwo: [LabelCandidate[], LabelCandidate[]] | undefined;
      if (symbol.splitInTwo) {
        const [left, right] = symbol.splitInTwo.boxes;
        splitRanked[i] = [placed(rankedAll[splitOffset++]!, left, false), placed(rankedAll[splitOffset++]!, right, false)];
        // Two symbols where one was seen count as likely as the model says times SPLIT_PRIOR.
        splitInTwo = [splitRanked[i]![0].map((c) => ({ label: c.label, p: c.p * SPLIT_PRIOR })), splitRanked[i]![1]];
      }
      const rawPair = symbol.joinWithNext ? rankedAll[joinOffset++]! : undefined;
      // Whether to offer a join at all is the model's call alone; where it sits only re-weighs it.
      const pair = rawPair && placed(rawPair, symbol.joinWithNext!.box, false);
      if (pair) joinedRanked[i] = pair;
      if (!pair || (rawPair![0]?.p ?? 0) < JOIN_MIN_P) return { candidates: own, superscript: symbol.superscript, splitInTwo };
      // The joined reading counts as likely as the model says times the geometric prior.
      const prior = symbol.joinWithNext!.prior;
      return { candidates: own, superscript: symbol.superscript, splitInTwo, joinWithNext: pair.map((c) => ({ label: c.label, p: c.p * prior })) };
    });
    const first = decodeEquation(hypotheses);
    units.push(
      first.tokens.map((t) => {
        const symbol = line[t.start]!;
        if (t.part !== undefined) {
          const cut = symbol.splitInTwo!;
          return { symbol: { box: cut.boxes[t.part], canonical: cut.canonicals[t.part], parts: 1, superscript: false }, ranked: splitRanked[t.start]![t.part] };
        }
        if (t.span === 1) return { symbol, ranked: hypotheses[t.start]!.candidates };
        const joined = symbol.joinWithNext!;
        return { symbol: { box: joined.box, canonical: joined.canonical, parts: joined.parts, superscript: false }, ranked: joinedRanked[t.start]! };
      }),
    );
    offset += line.length;
  }
  options.onCrops?.(units.flat().map((u) => u.symbol.canonical));

  const corrections = new Map((options.corrections ?? []).map((c) => [c.index, c.label]));
  const tokens: SolvedToken[] = [];
  const expressions: string[] = [];
  let wellFormed = true;
  offset = 0;
  units.forEach((line, lineIndex) => {
    const hypotheses = line.map((unit, i) => {
      const fixed = corrections.get(offset + i);
      return { candidates: fixed === undefined ? unit.ranked : [{ label: fixed, p: 1 }], superscript: unit.symbol.superscript };
    });
    const decoded = decodeEquation(hypotheses);
    wellFormed &&= decoded.wellFormed;
    expressions.push(decoded.expression);
    decoded.tokens.forEach((t, i) => {
      tokens.push({
        label: t.label,
        confidence: t.confidence,
        box: line[i]!.symbol.box,
        line: lineIndex,
        superscript: t.superscript,
        overridden: t.overridden,
        corrected: corrections.has(offset + i),
        candidates: line[i]!.ranked,
      });
    });
    offset += line.length;
  });
  const t3 = performance.now();

  const solution = solveExpression(expressions);
  const t4 = performance.now();
  return {
    tokens,
    expression: expressions.join("; "),
    lines: expressions,
    wellFormed,
    solution,
    timing: { segmentMs: t1 - t0, classifyMs: t2 - t1, decodeMs: t3 - t2, solveMs: t4 - t3 },
  };
}

/**
 * Junk is what a crop is when it is no symbol, so it is never a reading: dropped from the
 * top-k without renormalising, its probability is what the crop's readings lose. Read as two
 * strokes each mostly junk, the arcs of an x then lose to the joined x; read as one crop mostly
 * junk, a touching "20" is not offered as one symbol at all.
 */
const withoutJunk = (ranked: LabelCandidate[]) => ranked.filter((c) => c.label !== JUNK_LABEL);

/**
 * Reading one stroke as two symbols needs the model to find one crop unlike any symbol (mostly
 * junk) and both sides like symbols; this prior keeps a clear symbol whole where the sides
 * merely look like something too.
 */
const SPLIT_PRIOR = 0.5;

/**
 * A joined reading is offered to the decoder only when the model reads the joined crop as one
 * symbol with at least this probability; the decoder then weighs it against the two-symbol
 * reading (product of probabilities, grammar). Two clear symbols ("11": 0.99 x 0.99) stay apart.
 */
const JOIN_MIN_P = 0.9;

/** Symbols per written line, boxes in whole-image coordinates. */
export function segmentLines(image: GrayImage, options: SegmentOptions = {}): SegmentedSymbol[][] {
  const ink = removeRuledLines(binarizeInk(image, options));
  const bands = bandsFromMask(ink);
  // One line: segment the image as is, exactly as the segmenter was tuned and tested, from the
  // mask just made (binarising is nearly half the segmentation's time).
  if (bands.length <= 1) {
    const symbols = options.removeRuledLines === false ? segmentEquation(image, options) : segmentInk(ink, options);
    return symbols.length > 0 ? [symbols] : [];
  }
  return bands
    .map((band) =>
      segmentEquation(cropRows(image, band), options).map((s) => ({
        ...s,
        box: [s.box[0], s.box[1] + band.top, s.box[2], s.box[3]] as BoxTuple,
      })),
    )
    .filter((line) => line.length > 0);
}
