import type { CanonicalImage } from "../images/canonical-form";
import type { GrayImage } from "../images/canonicalize";
import { inkWithin, labelComponents, type Component } from "./components";
import { gapLength, median, overlapLength, unionRect, type BoxTuple, type InkMask, type Rect } from "./ink-mask";
import { isLooseEdgeBar, mergeSymbolParts, type SymbolGroup } from "./merge-parts";
import { binarizeInk, estimateStrokeWidth, type BinarizeOptions } from "./preprocess";
import { isDotShape, placeDecimalPoints } from "./decimal-points";
import { findFractions, type FractionRole } from "./fractions";
import { orderSymbols, type OrderedSymbol } from "./reading-order";
import { removeRuledLines } from "./ruled-lines";
import { cropSymbol } from "./symbol-crop";
import { touchingSplit } from "./touching-split";

export interface SegmentedSymbol {
  /** [x, y, width, height] in input pixels. */
  box: BoxTuple;
  /** The crop in canonical form (45x45, white on black), ready for the classifier. */
  canonical: CanonicalImage;
  superscript: boolean;
  /** Placed like an exponent but not surely one (see OrderedSymbol): the decoder may read it raised, at a cost. */
  mayBeRaised?: boolean;
  /** How many connected components were merged into this symbol (2 for =, 3 for ÷). */
  parts: number;
  /**
   * This symbol and the next one drawn as one (box, crop, parts), when the geometry allows
   * that they are one symbol in two strokes with a visible gap (an x as two arcs, a 4 whose
   * crossbar stops short): the classifier decides (see solveImage).
   */
  joinWithNext?: JoinProposal & { prior: number };
  /**
   * With `splitTouching`: this one wide stroke cut where it may be two touching symbols ("20"
   * written without lifting the pen), left then right: the classifier decides (see solveImage).
   */
  splitInTwo?: SplitProposal;
  /**
   * With `splitTouching`, computed only when asked (see solveImage: when the model finds the
   * symbol unlike any symbol): a cut of a single stroke too narrow for splitInTwo ("=0" written
   * touching), or of a merged symbol between parts that stand side by side (a "97" whose strokes
   * nearly touch), or null.
   */
  splitIfDoubtful?: () => SplitProposal | null;
  /**
   * With `splitTouching`, computed only when asked (when the model finds this symbol or the next
   * unlike any symbol): the two read as one though the geometry did not offer joinWithNext (an x
   * as two arcs drawn far apart, a 2 whose foot was drawn apart), with a prior from their gap
   * (doubtJoinPrior), or null.
   */
  joinIfDoubtful?: () => (JoinProposal & { prior: number }) | null;
  /** Set when the symbol is part of a fraction written stacked (numerator over a bar over denominator). */
  fraction?: FractionRole;
  /** A dot standing low between two symbols of one height: read as a decimal point, not classified (decimal-points.ts). */
  decimalPoint?: true;
}

export interface SplitProposal {
  boxes: [BoxTuple, BoxTuple];
  canonicals: [CanonicalImage, CanonicalImage];
  /** A narrow stroke cut into two sides each nearly its full height: ")(" or "1)" written touching. */
  tallPair?: true;
}

export interface JoinProposal {
  box: BoxTuple;
  canonical: CanonicalImage;
  parts: number;
}

export interface SegmentOptions extends BinarizeOptions {
  /** Strip long thin horizontal lines (ruled paper). Default true. */
  removeRuledLines?: boolean;
  /** Redraw strokes at the training data's width. Default true. */
  normaliseStroke?: boolean;
  /** That width in canonical pixels (default TARGET_STROKE; see SymbolClassifier.strokeWidth). */
  strokeWidth?: number;
  /** Also propose where a wide single stroke could be two touching symbols (splitInTwo). Default false. */
  splitTouching?: boolean;
}

/** Components no bigger than this (in stroke widths) are paper grain or sensor noise. */
const NOISE_STROKES = 0.6;
/** A symbol smaller than this share of the median symbol size, left alone after merging, is a speck. */
const SPECK_SIZE = 0.25;
/**
 * Neighbours that may be one symbol in two strokes: each at least JOIN_MIN_HEIGHT symbol sizes
 * tall (not bars), sharing JOIN_Y_OVERLAP of the shorter one's height, the shorter at least
 * JOIN_HEIGHT_RATIO of the taller, at most JOIN_GAP of the taller's height apart, and closer
 * than JOIN_LINE_GAP of the line's median gap between symbols: a writer spaces symbols alike
 * along a line, and a pen lift inside a symbol leaves a smaller gap than that. The two arcs of
 * an x in CROHME ink stand 0.1-0.2 of their height apart, as far as some neighbours in a
 * crowded line, so geometry only picks the pairs worth a second look; the classifier decides.
 */
const JOIN_MIN_HEIGHT = 0.3;
const JOIN_Y_OVERLAP = 0.7;
const JOIN_HEIGHT_RATIO = 0.4;
const JOIN_GAP = 0.3;
const JOIN_LINE_GAP = 0.5;
/** With fewer gaps than this the line's spacing is unknown; only JOIN_GAP applies, halved. */
const MIN_LINE_GAPS = 3;
/**
 * Two bars (flatter than JOIN_MIN_HEIGHT symbol sizes) one above the other, sharing some of
 * their width or offset by less than BAR_SHIFT of the wider, up to BAR_GAP symbol sizes apart:
 * the bars of an = written loosely, too far apart or too offset for mergeSymbolParts. On one
 * line two such bars are never two minus signs.
 */
const BAR_SHIFT = 0.25;
const BAR_GAP = 1;
/**
 * A flat stroke along the top or bottom edge of its neighbour, too loose to merge (see
 * isLooseEdgeBar): one symbol about as often as not; the classifier's joint reading decides.
 */
const EDGE_BAR_PRIOR = 0.9;
/** A doubtful stroke may be cut when at least this wide for its height ("=0" touching is about 0.7). */
const DOUBT_SPLIT_ASPECT = 0.6;
/**
 * Narrower than DOUBT_SPLIT_ASPECT, a doubtful stroke is cut only into two sides of nearly its
 * full height: the ")(" of (x-2)(x+3) written touching is about 0.25 wide for its height.
 */
const TALL_PAIR_ASPECT = 0.2;
/**
 * Each side at least this share of the whole's height: a bracket cut through its bow leaves the
 * bow side about 0.7 to 0.85 of it, the sides of a touching ")(" all of it.
 */
const TALL_PAIR_SIDE = 0.92;

function tallPair(cut: SplitProposal | null, whole: Rect): SplitProposal | null {
  if (!cut || !cut.boxes.every((b) => b[3] >= TALL_PAIR_SIDE * whole.height)) return null;
  return { ...cut, tallPair: true };
}
/** The part a doubtful merged symbol is cut through is at least this many symbol sizes high. */
const CUT_MIN_HEIGHT = 0.6;
/**
 * Doubtful neighbours may be read joined when they share DOUBT_JOIN_Y_OVERLAP of the shorter
 * one's height and stand at most DOUBT_JOIN_GAP of the taller's height apart.
 */
const DOUBT_JOIN_Y_OVERLAP = 0.5;
const DOUBT_JOIN_GAP = 1;
/** See doubtJoinPrior. */
const DOUBT_JOIN_PRIOR = 0.1;
const DOUBT_JOIN_NEAR_PRIOR = 0.9;

/**
 * Splits a photo, scan or canvas export of a handwritten one-line equation into symbols in
 * reading order, each normalised exactly like the training data. Pure: no I/O, no model.
 */
export function segmentEquation(image: GrayImage, options: SegmentOptions = {}): SegmentedSymbol[] {
  let mask: InkMask = binarizeInk(image, options);
  if (options.removeRuledLines !== false) mask = removeRuledLines(mask);
  return segmentInk(mask, options);
}

/** segmentEquation on an ink mask already binarised (and cleared of ruled lines if wanted). */
export function segmentInk(mask: InkMask, options: SegmentOptions = {}): SegmentedSymbol[] {
  const labelled = labelComponents(mask);
  const stroke = estimateStrokeWidth(mask);

  const sizes = labelled.components.filter((c) => c.area >= 4).map((c) => Math.max(c.width, c.height));
  const roughSize = median(sizes);
  const noiseSide = Math.max(NOISE_STROKES * stroke, 0.05 * roughSize);
  const components = labelled.components.filter((c) => Math.max(c.width, c.height) > noiseSide);
  if (components.length === 0) return [];
  const symbolSize = median(components.map((c) => Math.max(c.width, c.height)));

  const byId = new Map(components.map((c) => [c.id, c]));
  // Specks are left out, but those shaped like a dot are kept aside: one may be a decimal point.
  const dots: SymbolGroup[] = [];
  const merge = (parts: readonly Component[]) =>
    mergeSymbolParts(parts, symbolSize, {
      stroke,
      near: (a, b, reach) => inkWithin(labelled, a, b, reach),
    }).filter((g) => {
      if (Math.max(g.box.width, g.box.height) >= SPECK_SIZE * symbolSize) return true;
      if (isDotShape(g, byId)) dots.push(g);
      return false;
    });
  const ordered: (PlacedGroup & { decimalPoint?: true })[] = placeDecimalPoints(orderWithFractions(components, symbolSize, stroke, merge), dots, stroke);
  const crop = (box: Rect, ids: readonly number[]) => cropSymbol(labelled, box, ids, { normaliseStroke: options.normaliseStroke, strokeWidth: options.strokeWidth });
  // The writer's spacing between symbols: a decimal point's gaps are not spacing.
  const spaced = ordered.filter((g) => !g.decimalPoint);
  const gaps = spaced.slice(1).map((g, i) => gapLength(spaced[i]!.box.x, spaced[i]!.box.width, g.box.x, g.box.width));
  const lineGap = gaps.length >= MIN_LINE_GAPS ? median(gaps) : Infinity;
  return ordered.map((g, i) => {
    const next = ordered[i + 1];
    const symbol: SegmentedSymbol = {
      box: [g.box.x, g.box.y, g.box.width, g.box.height],
      canonical: crop(g.box, g.componentIds),
      superscript: g.superscript,
      ...(g.mayBeRaised ? { mayBeRaised: true } : {}),
      parts: g.componentIds.length,
    };
    if (g.decimalPoint) return { ...symbol, decimalPoint: true };
    const single = options.splitTouching && g.componentIds.length === 1 && !g.superscript;
    const split = (minAspect?: number): SplitProposal | null => {
      const cut = touchingSplit(labelled, g.box, g.componentIds[0]!, minAspect);
      return cut && { boxes: [tuple(cut[0]), tuple(cut[1])], canonicals: [crop(cut[0], g.componentIds), crop(cut[1], g.componentIds)] };
    };
    // "=0" written touching: one bar of the = runs into the 0 and the other was merged with them.
    // The largest part is cut as one stroke would be, and the others go with the side their
    // centre falls on. Only a part of a whole symbol's height is cut: the stacked parts of = and
    // ÷, however their bars curl, stay together.
    const cutThroughLargest = (parts: readonly Component[]): SplitProposal | null => {
      const largest = parts.reduce((a, b) => (b.area > a.area ? b : a));
      if (largest.height < CUT_MIN_HEIGHT * symbolSize) return null;
      const cut = touchingSplit(labelled, largest, largest.id, DOUBT_SPLIT_ASPECT);
      if (!cut) return null;
      const at = cut[1].x;
      const others = parts.filter((c) => c !== largest);
      const [left, right] = cut.map((side, k) =>
        others.filter((c) => (c.x + c.width / 2 < at) === (k === 0)).reduce<Rect>((r, c) => unionRect(r, c), side),
      ) as [Rect, Rect];
      return { boxes: [tuple(left), tuple(right)], canonicals: [crop(left, g.componentIds), crop(right, g.componentIds)] };
    };
    const cut = single ? split() : null;
    // An exponent is cut only when the model doubts it whole: the 28 of x^28 written touching.
    if (cut) symbol.splitInTwo = cut;
    else if (options.splitTouching && g.componentIds.length === 1) symbol.splitIfDoubtful = () => split(DOUBT_SPLIT_ASPECT) ?? tallPair(split(TALL_PAIR_ASPECT), g.box);
    else if (options.splitTouching && g.componentIds.length > 1) {
      symbol.splitIfDoubtful = () => {
        const parts = g.componentIds.map((id) => byId.get(id)!);
        const sides = sideBySide(parts, stroke);
        if (!sides) return cutThroughLargest(parts);
        const [left, right] = sides.map((side) => side.reduce<Rect>((r, c) => unionRect(r, c), side[0]!)) as [Rect, Rect];
        const ids = sides.map((side) => side.map((c) => c.id)) as [number[], number[]];
        return { boxes: [tuple(left), tuple(right)], canonicals: [crop(left, ids[0]), crop(right, ids[1])] };
      };
    }
    const join = (other: SymbolGroup): JoinProposal => {
      const box = unionRect(g.box, other.box);
      const ids = [...g.componentIds, ...other.componentIds];
      return { box: tuple(box), canonical: crop(box, ids), parts: ids.length };
    };
    if (g.fraction) symbol.fraction = g.fraction;
    // A numerator's last symbol and the bar under it are never one symbol, nor is it and the
    // symbol after the fraction.
    const joinable = next && !next.decimalPoint && !g.superscript && !next.superscript && sameFractionRole(g.fraction, next.fraction);
    const prior = joinable ? joinPrior(g.box, next.box, symbolSize, lineGap) : 0;
    if (next && prior > 0) symbol.joinWithNext = { ...join(next), prior };
    else if (next && joinable && options.splitTouching && mayJoinIfDoubtful(g.box, next.box)) {
      symbol.joinIfDoubtful = () => ({ ...join(next), prior: doubtJoinPrior(g.box, next.box, lineGap) });
    }
    return symbol;
  });
}

/**
 * Symbols in reading order, each stacked fraction in place of one symbol as wide as it (so
 * exponents and order around it are judged as for a bracketed group), then opened up into its
 * numerator, bar and denominator, each side in its own reading order. The parts of each side
 * are merged apart from the rest, so a 1 over x never becomes one stacked symbol.
 */
function orderWithFractions(components: readonly Component[], symbolSize: number, stroke: number, merge: (parts: readonly Component[]) => SymbolGroup[]): PlacedGroup[] {
  const fractions = findFractions(components, symbolSize, stroke);
  if (fractions.length === 0) return orderSymbols(merge(components), symbolSize);
  const claimed = new Set(fractions.flatMap((f) => [f.bar, ...f.numerator, ...f.denominator].map((c) => c.id)));
  const wholes = fractions.map((f) => {
    const parts = [f.bar, ...f.numerator, ...f.denominator];
    return { box: parts.reduce<Rect>((r, c) => unionRect(r, c), f.bar), componentIds: parts.map((c) => c.id) };
  });
  const byBar = new Map(fractions.map((f, k) => [f.bar.id, k]));
  return orderSymbols([...merge(components.filter((c) => !claimed.has(c.id))), ...wholes], symbolSize).flatMap((g): PlacedGroup[] => {
    // A fraction's whole leads with its bar, which no other group holds.
    const k = byBar.get(g.componentIds[0]!);
    if (k === undefined) return [g];
    const f = fractions[k]!;
    const side = (parts: Component[], role: FractionRole["role"]) =>
      orderSymbols(merge(parts), symbolSize).map((s) => ({ ...s, fraction: { fraction: k, role } }));
    const bar: PlacedGroup = { box: { x: f.bar.x, y: f.bar.y, width: f.bar.width, height: f.bar.height }, componentIds: [f.bar.id], superscript: false, mayBeRaised: false, fraction: { fraction: k, role: "bar" } };
    return [...side(f.numerator, "numerator"), bar, ...side(f.denominator, "denominator")];
  });
}

type PlacedGroup = OrderedSymbol & { fraction?: FractionRole };

const sameFractionRole = (a: FractionRole | undefined, b: FractionRole | undefined) => a?.fraction === b?.fraction && a?.role === b?.role;

/**
 * The parts of a merged symbol as two sides that stand apart left and right, or null: two
 * symbols whose strokes nearly touch merge like a 5 and its flag (a "97" in a small photo), and
 * when the model finds the whole unlike any symbol the sides are read on their own. Stacked parts
 * (=, ÷, the dot of an i) overlap in x and are never cut. The cut is at the widest gap between
 * the parts in reading order; sides may overlap by a pen's width where the strokes nearly touch.
 */
function sideBySide(parts: readonly Component[], stroke: number): [Component[], Component[]] | null {
  const sorted = [...parts].sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2));
  let best: { at: number; gap: number } | null = null;
  for (let k = 1; k < sorted.length; k++) {
    const leftEnd = Math.max(...sorted.slice(0, k).map((c) => c.x + c.width));
    const rightStart = Math.min(...sorted.slice(k).map((c) => c.x));
    const gap = rightStart - leftEnd;
    if (!best || gap > best.gap) best = { at: k, gap };
  }
  if (!best || best.gap < -stroke) return null;
  return [sorted.slice(0, best.at), sorted.slice(best.at)];
}

/**
 * How likely two neighbours are one symbol, before looking at the ink: 0 unless they are side
 * by side, alike in height, sharing most of it and close; then 1 - (gap / widest gap)^2, flat
 * for strokes that nearly touch and falling to 0 as the gap nears the writer's spacing between
 * symbols. The classifier's readings are weighed against it in the decoder.
 */
function joinPrior(a: Rect, b: Rect, symbolSize: number, lineGap: number): number {
  if (isBar(a, symbolSize) && isBar(b, symbolSize)) return barsPrior(a, b, symbolSize);
  if (isLooseEdgeBar(a, b) || isLooseEdgeBar(b, a)) return EDGE_BAR_PRIOR;
  const tall = Math.max(a.height, b.height);
  const short = Math.min(a.height, b.height);
  if (short < JOIN_MIN_HEIGHT * symbolSize || short < JOIN_HEIGHT_RATIO * tall) return 0;
  if (overlapLength(a.y, a.height, b.y, b.height) < JOIN_Y_OVERLAP * short) return 0;
  const gap = gapLength(a.x, a.width, b.x, b.width);
  const widest = Number.isFinite(lineGap) ? Math.min(JOIN_GAP * tall, JOIN_LINE_GAP * lineGap) : 0.5 * JOIN_GAP * tall;
  if (gap >= widest) return 0;
  return 1 - (gap / widest) ** 2;
}

/**
 * How likely a doubtful symbol and its neighbour are one symbol, before the classifier: from
 * DOUBT_JOIN_PRIOR for a gap as wide as the writer's spacing between symbols, rising to
 * DOUBT_JOIN_NEAR_PRIOR as the boxes meet or overlap (a 2's foot drawn apart under it).
 */
function doubtJoinPrior(a: Rect, b: Rect, lineGap: number): number {
  const gap = gapLength(a.x, a.width, b.x, b.width);
  if (!Number.isFinite(lineGap) || lineGap <= 0) return DOUBT_JOIN_PRIOR;
  const near = Math.max(0, 1 - Math.max(0, gap) / lineGap);
  return DOUBT_JOIN_PRIOR + (DOUBT_JOIN_NEAR_PRIOR - DOUBT_JOIN_PRIOR) * near;
}

/** Side by side, sharing most of the shorter one's height, no further apart than the taller is high. */
function mayJoinIfDoubtful(a: Rect, b: Rect): boolean {
  const short = Math.min(a.height, b.height);
  if (overlapLength(a.y, a.height, b.y, b.height) < DOUBT_JOIN_Y_OVERLAP * short) return false;
  return gapLength(a.x, a.width, b.x, b.width) <= DOUBT_JOIN_GAP * Math.max(a.height, b.height);
}

const tuple = (r: Rect): BoxTuple => [r.x, r.y, r.width, r.height];

const isBar = (r: Rect, symbolSize: number) => r.height < JOIN_MIN_HEIGHT * symbolSize && r.width >= r.height;

/** Loose = bars: 0 unless stacked and overlapping (or nearly) in x; then falling with their distance. */
function barsPrior(a: Rect, b: Rect, symbolSize: number): number {
  if (overlapLength(a.y, a.height, b.y, b.height) > 0) return 0;
  if (gapLength(a.x, a.width, b.x, b.width) > BAR_SHIFT * Math.max(a.width, b.width)) return 0;
  const gap = gapLength(a.y, a.height, b.y, b.height) / (BAR_GAP * symbolSize);
  return gap >= 1 ? 0 : 1 - gap ** 2;
}
