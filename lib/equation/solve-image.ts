import type { CanonicalImage } from "../images/canonical-form";
import type { GrayImage } from "../images/canonicalize";
import { JUNK_LABEL } from "../dataset/class-names";
import { classifyCrops, DEFAULT_TOP_K, type SymbolClassifier } from "./classify";
import type { LabelCandidate } from "./decode";
import { decodeLine, type SymbolLayout } from "./decode-line";
import { radicandSpans } from "./radicals";
import type { BoxTuple } from "./ink-mask";
import { lineFrame, placeInLine } from "./line-frame";
import { reweighAsRaised, reweighByPlacement, type PlacementModel } from "./placement-model";
import { segmentLines, type LinesOptions, type SegmentedLines } from "./segment-lines";
import type { JoinProposal, SegmentedSymbol, SplitProposal } from "./segment";
import { shippedPlacementModel } from "./shipped-placement";
import { DECIMAL_POINT, symbolKind } from "./symbol-kinds";
import { solveExpression, type SolveResult } from "./solve";

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
  /** How far the writing sloped, in degrees (positive: falling to the right); it was read levelled. 0: read as it was. */
  skewDegrees: number;
  timing: SolveTiming;
}

export interface SolveTiming {
  segmentMs: number;
  /** Classifying the crops and fixing the symbols (for a levelled line, both readings). */
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
  segment?: LinesOptions;
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
  if (segmented.lines.flat().length === 0) throw new NoSymbolsError();
  const t1 = performance.now();

  const placement = options.placement === undefined ? shippedPlacementModel() : options.placement;
  let read = await readLines(segmented, options.classifier, junkAware, placement, options.topK);
  // A levelled line is also read as written, and the likelier reading kept: a short line whose
  // symbols sit unevenly (a z's tail, a raised 2) can measure as sloped when it is not, and
  // turning it then costs more than it gains. The choice is made before any correction, so the
  // corrections always index the same symbols.
  if (segmented.asWritten) {
    const asWritten = await readLines(segmented.asWritten, options.classifier, junkAware, placement, options.topK);
    if (asWritten.score > read.score) read = asWritten;
  }
  const { units, toSource, skewDegrees } = read;
  const t2 = performance.now();

  options.onCrops?.(units.flat().map((u) => u.symbol.canonical));

  const corrections = new Map((options.corrections ?? []).map((c) => [c.index, c.label]));
  const tokens: SolvedToken[] = [];
  const expressions: string[] = [];
  let wellFormed = true;
  let offset = 0;
  units.forEach((line, lineIndex) => {
    const hypotheses = line.map((unit, i) => {
      const fixed = corrections.get(offset + i);
      return fixed === undefined
        ? { candidates: unit.ranked, raisedCandidates: unit.raisedRanked, superscript: unit.symbol.superscript, mayBeRaised: unit.symbol.mayBeRaised }
        : { candidates: [{ label: fixed, p: 1 }], superscript: unit.symbol.superscript, mayBeRaised: unit.symbol.mayBeRaised };
    });
    const decoded = decodeLine(hypotheses, layoutOf(line.map((u) => u.symbol)), { context: placement?.context, preferEquation: units.length > 1 });
    wellFormed &&= decoded.wellFormed;
    expressions.push(decoded.expression);
    decoded.tokens.forEach((t, i) => {
      tokens.push({
        label: t.label,
        confidence: t.confidence,
        box: toSource(line[i]!.symbol.box),
        line: lineIndex,
        superscript: t.superscript,
        overridden: t.overridden,
        corrected: corrections.has(offset + i),
        candidates: t.superscript && line[i]!.raisedRanked ? line[i]!.raisedRanked! : line[i]!.ranked,
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
    skewDegrees,
    timing: { segmentMs: t1 - t0, classifyMs: t2 - t1, decodeMs: t3 - t2, solveMs: t4 - t3 },
  };
}

/** One symbol as the first pass fixed it, with its readings. */
interface ReadUnit {
  symbol: SegmentedSymbol;
  ranked: LabelCandidate[];
  raisedRanked?: LabelCandidate[];
}

/** The symbols of one segmentation as the first decoding pass fixed them, and how likely that reading is. */
interface LinesReading {
  units: ReadUnit[][];
  toSource: SegmentedLines["toSource"];
  skewDegrees: number;
  /** Mean log-probability per symbol, 100 less when some line is not well formed. */
  score: number;
}

/**
 * Classifies every crop of every line in one batch (and the doubtful ones in a second), then
 * decodes each line once to fix its symbols: where a symbol may be two strokes of one, or one
 * stroke may be two symbols, the decoder picks the reading that makes the likelier line.
 */
async function readLines(
  segmented: SegmentedLines,
  classifier: SymbolClassifier,
  junkAware: boolean,
  placement: PlacementModel | null,
  topKOption: number | undefined,
): Promise<LinesReading> {
  const { lines: segmentedLines } = segmented;
  const singles = segmentedLines.flat();
  // Each reading is re-weighed by where its crop sits in its line (a raised symbol is measured
  // against its base, not the line: it keeps the model's reading), junk included: a piece too
  // small for any symbol it looks like moves its probability to junk, which is then dropped.
  // A numerator or denominator sits where no symbol of the line would, and so does a √ over
  // what it covers, as tall as the line and more: they are read by their shape.
  const layouts = segmentedLines.map(layoutOf);
  const frames = segmentedLines.flatMap((line, l) => {
    const byShape = layouts[l]!.map((at) => at.fraction !== undefined || at.radicand! > 0);
    const onLine = line.filter((s, i) => !byShape[i] && !s.decimalPoint);
    const frame = placement && onLine.length > 0 ? lineFrame(onLine.map((s) => s.box)) : null;
    return line.map((_, i) => (byShape[i] ? null : frame));
  });
  const settle: Settle = (ranked, box, i, raised = false) => {
    const frame = frames[i];
    return withoutJunk(placement && frame && !raised ? reweighByPlacement(ranked, placeInLine(box, frame), placement) : ranked);
  };

  // Join and split candidates ride in the same batch, after the single symbols.
  const topK = (topKOption ?? DEFAULT_TOP_K) + (junkAware ? 1 : 0);
  const readings = await readSymbols(classifier, singles, topK, settle);
  // Where the model finds a symbol unlike any symbol (mostly junk), it may be two symbols
  // touching or half of one drawn far apart: those readings are asked for in a second batch.
  if (junkAware) await readDoubtful(classifier, singles, readings, topK, settle);

  // First pass: where a symbol may be two strokes of one, the decoder picks the reading (one
  // symbol or two) that makes the likelier well-formed line. That fixes the symbols; the person's
  // corrections then index them, so the same image always gives the same symbols to correct.
  const units: ReadUnit[][] = [];
  let offset = 0;
  let logProb = 0;
  let tokenCount = 0;
  let wellFormed = true;
  for (const [l, segmentedLine] of segmentedLines.entries()) {
    // A decimal point stands between digits: beside anything else the model read, the dot is a speck.
    const kept = segmentedLine.map((_, i) => i).filter((i) => !segmentedLine[i]!.decimalPoint || betweenDigits(readings, offset, segmentedLine.length, i));
    const line = kept.map((i) => segmentedLine[i]!);
    const layout = kept.length === segmentedLine.length ? layouts[l]! : layoutOf(line);
    const read = line.map((symbol, i) => {
      const r = readings[offset + kept[i]!]!;
      const raised = placement && (symbol.superscript || symbol.mayBeRaised) ? reweighAsRaised(r.shape, placement) : undefined;
      // Whether to offer a join at all is the model's call alone; where it sits only re-weighs it.
      // A piece the model doubts needs less: reading it alone is worth little.
      const after = i + 1 < kept.length ? readings[offset + kept[i + 1]!] : undefined;
      const doubt = isDoubtful(r) || (after !== undefined && isDoubtful(after));
      const join = r.join && r.join.shape[0] && r.join.shape[0].p >= (doubt ? DOUBT_JOIN_MIN_P : JOIN_MIN_P) ? r.join : undefined;
      return { own: r.own, raised, split: r.split, join };
    });
    const hypotheses = line.map((symbol, i) => {
      const { own, raised, split, join } = read[i]!;
      return {
        candidates: own,
        raisedCandidates: raised,
        superscript: symbol.superscript,
        mayBeRaised: symbol.mayBeRaised,
        // Two symbols where one was seen count as likely as the model says times the prior.
        splitInTwo: split ? ([split.ranked[0].map((c) => ({ label: c.label, p: c.p * split.prior })), split.ranked[1]] as const) : undefined,
        // The joined reading counts as likely as the model says times the geometric prior.
        joinWithNext: join?.ranked.map((c) => ({ label: c.label, p: c.p * join.prior })),
      };
    });
    const first = decodeLine(hypotheses, layout, { context: placement?.context, preferEquation: segmentedLines.length > 1 });
    logProb += first.logProb;
    tokenCount += first.tokens.length;
    wellFormed &&= first.wellFormed;
    units.push(
      first.tokens.map((t) => {
        const symbol = line[t.start]!;
        const { own, raised, split, join } = read[t.start]!;
        if (t.part !== undefined) {
          const cut = split!.proposal;
          return { symbol: { box: cut.boxes[t.part], canonical: cut.canonicals[t.part], parts: 1, superscript: t.superscript, fraction: symbol.fraction }, ranked: split!.ranked[t.part] };
        }
        if (t.span === 1) return { symbol, ranked: own, raisedRanked: raised };
        const joined = join!.proposal;
        return { symbol: { box: joined.box, canonical: joined.canonical, parts: joined.parts, superscript: false, fraction: symbol.fraction }, ranked: join!.ranked };
      }),
    );
    offset += segmentedLine.length;
  }
  return {
    units,
    toSource: segmented.toSource,
    skewDegrees: segmented.skewDegrees,
    score: logProb / Math.max(1, tokenCount) - (wellFormed ? 0 : NOT_WELL_FORMED_COST),
  };
}

/** A decimal point is found by where a dot sits, so it is certain once kept. */
const POINT_READING: LabelCandidate = { label: DECIMAL_POINT, p: 1 };

/** Whether symbol i of a line (its readings from `offset`) has a digit read first on either side. */
function betweenDigits(readings: readonly SymbolReading[], offset: number, length: number, i: number): boolean {
  const isDigit = (k: number) => k >= 0 && k < length && symbolKind(readings[offset + k]!.own[0]?.label ?? "") === "digit";
  return isDigit(i - 1) && isDigit(i + 1);
}

/** A reading that is not a well-formed expression loses to any that is. */
const NOT_WELL_FORMED_COST = 100;

/** What the model read for one segmented symbol: itself, and the joined or cut readings on offer. */
interface SymbolReading {
  /** Re-weighed by placement, junk dropped. */
  own: LabelCandidate[];
  /** The model's reading of the crop alone (junk dropped), for reading it as an exponent. */
  shape: LabelCandidate[];
  join?: { proposal: JoinProposal; prior: number; ranked: LabelCandidate[]; shape: LabelCandidate[] };
  split?: { proposal: SplitProposal; prior: number; ranked: [LabelCandidate[], LabelCandidate[]] };
}

/** A crop's top-k (junk included) as the decoder weighs it: re-weighed by where it sits in symbol i's line, junk dropped. */
type Settle = (ranked: LabelCandidate[], box: BoxTuple, symbolIndex: number, raised?: boolean) => LabelCandidate[];

/** Every symbol, its join with the next and its cut, in one batch. */
async function readSymbols(classifier: SymbolClassifier, symbols: readonly SegmentedSymbol[], topK: number, settle: Settle): Promise<SymbolReading[]> {
  const crops = [
    ...symbols.map((s) => s.canonical),
    ...symbols.flatMap((s) => (s.joinWithNext ? [s.joinWithNext.canonical] : [])),
    ...symbols.flatMap((s) => s.splitInTwo?.canonicals ?? []),
  ];
  const ranked = await classifyCrops(classifier, crops, topK);
  let next = symbols.length;
  const readings: SymbolReading[] = symbols.map((s, i) =>
    s.decimalPoint ? { own: [POINT_READING], shape: [POINT_READING] } : { own: settle(ranked[i]!, s.box, i, s.superscript), shape: withoutJunk(ranked[i]!) },
  );
  symbols.forEach((s, i) => {
    if (s.joinWithNext) readings[i]!.join = joinReading(s.joinWithNext, s.joinWithNext.prior, ranked[next++]!, i, settle);
  });
  symbols.forEach((s, i) => {
    if (s.splitInTwo) readings[i]!.split = splitReading(s.splitInTwo, SPLIT_PRIOR, ranked[next++]!, ranked[next++]!, i, settle);
  });
  return readings;
}

function joinReading(proposal: JoinProposal, prior: number, ranked: LabelCandidate[], i: number, settle: Settle) {
  return { proposal, prior, ranked: settle(ranked, proposal.box, i), shape: withoutJunk(ranked) };
}

/** The two sides of a cut; the sides of a cut exponent, like the exponent, keep the model's reading. */
function splitReading(proposal: SplitProposal, prior: number, left: LabelCandidate[], right: LabelCandidate[], i: number, settle: Settle, raised = false) {
  return { proposal, prior, ranked: [settle(left, proposal.boxes[0], i, raised), settle(right, proposal.boxes[1], i, raised)] as [LabelCandidate[], LabelCandidate[]] };
}

/**
 * The second look of a junk-aware model: a symbol whose best reading keeps under DOUBT_P (the
 * rest is junk, or placement found it too small or out of place for what it looks like) is also
 * read cut in two, and joined with a neighbour, in one more batch.
 */
async function readDoubtful(
  classifier: SymbolClassifier,
  symbols: readonly SegmentedSymbol[],
  readings: SymbolReading[],
  topK: number,
  settle: Settle,
): Promise<void> {
  const doubtful = readings.map(isDoubtful);
  const asks: { i: number; split?: SplitProposal; join?: JoinProposal & { prior: number } }[] = [];
  symbols.forEach((s, i) => {
    if (!doubtful[i] && !doubtful[i + 1]) return;
    const split = doubtful[i] && !readings[i]!.split ? s.splitIfDoubtful?.() : null;
    const join = !readings[i]!.join ? s.joinIfDoubtful?.() : null;
    if (split || join) asks.push({ i, ...(split ? { split } : {}), ...(join ? { join } : {}) });
  });
  if (asks.length === 0) return;
  const crops = asks.flatMap((a) => [...(a.split?.canonicals ?? []), ...(a.join ? [a.join.canonical] : [])]);
  const ranked = await classifyCrops(classifier, crops, topK);
  let next = 0;
  for (const a of asks) {
    if (a.split) readings[a.i]!.split = splitReading(a.split, a.split.tallPair ? TALL_PAIR_PRIOR : DOUBT_PRIOR, ranked[next++]!, ranked[next++]!, a.i, settle, symbols[a.i]!.superscript);
    if (a.join) readings[a.i]!.join = joinReading(a.join, a.join.prior, ranked[next++]!, a.i, settle);
  }
}

/**
 * Two tall symbols written touching (segment.ts, tallPair) are as likely as not before the
 * model's reading: unlike a symbol with a jutting bar (the "-3" of a 3), no one symbol's cut
 * gives two full-height sides that read well, bar an x cut into ")(", which the line decides.
 */
const TALL_PAIR_PRIOR = 0.5;

/** Below this best non-junk probability a crop is doubtful: see readDoubtful. */
const DOUBT_P = 0.5;
const isDoubtful = (r: SymbolReading) => (r.own[0]?.p ?? 0) < DOUBT_P;
/** A join with a doubtful piece is offered when the joint crop reads as one symbol this surely (JOIN_MIN_P otherwise). */
const DOUBT_JOIN_MIN_P = 0.5;
/**
 * A cut looked for only because the model doubted the symbol counts this likely before the
 * model's reading: a 3 whose top bar juts out reads doubtful, and its cut "-3" reads well, yet it
 * is one 3; a cut has to be ten times likelier than the whole to win. (A join's prior comes from
 * how close the two stand: see joinIfDoubtful in segment.ts.)
 */
const DOUBT_PRIOR = 0.1;

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

/** Where each symbol of a line sits in its fractions and under which √ bars, for decodeLine. */
function layoutOf(line: readonly Pick<SegmentedSymbol, "box" | "fraction">[]): SymbolLayout[] {
  const spans = radicandSpans(line.map((s) => s.box));
  return line.map((s, i) => ({ fraction: s.fraction, radicand: spans[i] }));
}
