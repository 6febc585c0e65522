import { buildExpression } from "./build-expression";
import { CONTEXT_LABELS, contextKind, contextLogRatio, type ContextKind, type ContextPrior } from "./context-prior";
import { closerFor, symbolKind, type SymbolKind } from "./symbol-kinds";

export { buildExpression, type ExpressionToken } from "./build-expression";

/** One class hypothesis from the classifier: a label and its probability. */
export interface LabelCandidate {
  label: string;
  p: number;
}

/** A segmented symbol's top-k hypotheses, best first, and whether it was written raised. */
export interface SymbolHypotheses {
  candidates: readonly LabelCandidate[];
  superscript?: boolean;
  /** Not marked raised, but placed like an exponent: may be read raised at RAISED_FOR_FLAT_COST. */
  mayBeRaised?: boolean;
  /**
   * The candidates as an exponent: the same labels in the same order, re-weighed by what
   * exponents are (2 and 3 far more often than z); the decoder reads raised symbols with these.
   */
  raisedCandidates?: readonly LabelCandidate[];
  /**
   * Top-k for this symbol and the next one read together as one symbol (two strokes of an x
   * or a 4 with a gap between them). The decoder then also weighs that reading.
   */
  joinWithNext?: readonly LabelCandidate[];
  /**
   * Top-k for each side of this symbol cut in two (two symbols written touching). The decoder
   * then also weighs reading it as those two tokens.
   */
  splitInTwo?: readonly [readonly LabelCandidate[], readonly LabelCandidate[]];
}

export interface DecodedToken {
  label: string;
  /** The classifier's probability for the chosen label. */
  confidence: number;
  /** True when the decoder chose something other than the classifier's top-1. */
  overridden: boolean;
  superscript: boolean;
  /** Index of the first symbol this token reads. */
  start: number;
  /** Symbols it reads: 1, or 2 when the decoder joined a symbol with the next. */
  span: number;
  /** Set when the decoder read symbol `start` as two: which side this token is (0 left, 1 right). */
  part?: 0 | 1;
}

export interface DecodeResult {
  tokens: DecodedToken[];
  /** "2*x+3=7" style, ready for solveExpression. */
  expression: string;
  /** False when no choice from the top-k forms a valid expression; tokens are then the top-1s. */
  wellFormed: boolean;
  /** Sum of log-probabilities of the chosen labels. */
  logProb: number;
}

export interface DecodeOptions {
  /** Most partial readings kept per symbol (they are merged by grammar state first). */
  beamWidth?: number;
  /** How likely x and × are between given neighbours (a cross between a number and a bracket is ×). */
  context?: ContextPrior;
  /**
   * The line is an equation when it can be read as one: a line of a system, where a reading
   * without its = ("x-y-2", an = read as a minus) solves nothing.
   */
  preferEquation?: boolean;
}

/** Stands in for a probability of 0 so a zero-scored label is still ranked, just last. */
const MIN_P = 1e-9;
const DEFAULT_BEAM = 256;
/**
 * An "=" may end the line ("12+7×3=" asks for the value) only when the model reads it this surely:
 * otherwise any flat stroke left at the end, the flag of a 5 drawn apart, could end the line as an
 * "=" that no well-formed reading needed.
 */
const TRAILING_EQUALS_P = 0.5;
/**
 * Log-cost of reading a symbol the segmenter marked as raised on the line instead. The mark is
 * geometric and mostly right, so it takes the grammar or a confident classifier to undo it:
 * "3x=36" with a high, short = after the small x, not "3x^2 36".
 */
const FLAT_FOR_RAISED_COST = Math.log(0.1);
/**
 * Log-cost of reading raised a symbol placed like an exponent but not surely one (mayBeRaised:
 * taller than its base, or an = after a y): the same doubt the other way, so "x²" with a 2
 * taller than the x reads x^2 rather than x·z.
 */
const RAISED_FOR_FLAT_COST = Math.log(0.1);

/**
 * "variable" is an operand too; a digit may not follow it on the line (x2 is not written: 2x, x^2
 * or x×2 are). "equals" is the relation "=", which may also end the line: "12+7×3=" asks its value.
 */
type Last = "start" | "operand" | "digits" | "point" | "decimals" | "variable" | "operator" | "relation" | "equals" | "open" | "root";

/** "digits" is a number so far, "point" one just given its decimal point, "decimals" the digits after it. */
const isOperand = (last: Last) => last === "operand" || last === "digits" || last === "decimals" || last === "variable";
/** Where a side starts: a sign may lead it. */
const startsSide = (last: Last) => last === "start" || last === "relation" || last === "equals" || last === "open";

interface State {
  last: Last;
  /** Open brackets, innermost last; "^" marks an open superscript. */
  stack: string;
  relations: number;
  /** What the last token read was, and, when it is one of CONTEXT_LABELS on the line, that label and what came before it. */
  lastKind: ContextKind;
  pending: { label: string; before: ContextKind } | null;
  /** After an "=": whether the model was sure of it, so that it may end the line (see TRAILING_EQUALS_P). */
  sureEquals?: boolean;
  score: number;
  /** Index into each token's candidates and how many symbols it covers, back-pointed as a persistent list. */
  path: { choice: number; span: number; raised: boolean; part?: 0 | 1; prev: State["path"] } | null;
}

/**
 * Picks one label per symbol from the classifier's top-k so the whole line is a well-formed
 * expression, maximising the product of probabilities. Dynamic programming over grammar
 * states (what came last, open brackets, relations used): at most one relation (=, <, ≤ ...),
 * binary operators only between operands (a leading or post-bracket minus is allowed), no
 * trailing operator (a trailing "=" asks for the value of the left side), matched brackets, √
 * followed by an operand, and superscripts only after an operand (a symbol marked raised may
 * also be read on the line, at FLAT_FOR_RAISED_COST).
 * Readings that reach the same state are merged, so with the default beam the
 * search is exact for one-line equations. Where a symbol may be joined with the next, or cut in
 * two, the readings compete on the same terms: the product of the probabilities of the tokens read.
 */
export function decodeEquation(symbols: readonly SymbolHypotheses[], options: DecodeOptions = {}): DecodeResult {
  const beamWidth = options.beamWidth ?? DEFAULT_BEAM;
  const n = symbols.length;
  // beams[i]: best state per grammar key after reading symbols [0, i).
  const beams: Map<string, State>[] = Array.from({ length: n + 1 }, () => new Map());
  beams[0]!.set("", { last: "start", stack: "", relations: 0, lastKind: "edge", pending: null, score: 0, path: null });
  const offer = (at: number, next: State) => {
    const key = `${next.last}|${next.stack}|${next.relations}|${next.lastKind}|${next.pending ? `${next.pending.label}:${next.pending.before}` : ""}|${next.sureEquals ? 1 : 0}`;
    const seen = beams[at]!.get(key);
    if (!seen || seen.score < next.score) beams[at]!.set(key, next);
  };
  for (let i = 0; i < n; i++) {
    const symbol = symbols[i]!;
    const beam = [...beams[i]!.values()].sort((a, b) => b.score - a.score).slice(0, beamWidth);
    const pair = symbol.joinWithNext && i + 1 < n && !symbol.superscript && !symbols[i + 1]!.superscript ? symbol.joinWithNext : undefined;
    const split = symbol.splitInTwo;
    // A raised symbol may still be on the line (an = written high after a small x), at a cost.
    const placements = symbol.superscript
      ? [{ raised: true, cost: 0 }, { raised: false, cost: FLAT_FOR_RAISED_COST }]
      : symbol.mayBeRaised
        ? [{ raised: false, cost: 0 }, { raised: true, cost: RAISED_FOR_FLAT_COST }]
        : [{ raised: false, cost: 0 }];
    for (const state of beam) {
      for (const { raised, cost } of placements) {
        const from = place(state, raised);
        if (!from) continue;
        const step = (candidates: readonly LabelCandidate[], span: number) =>
          candidates.forEach((candidate, choice) => {
            const next = read(from, candidate, raised, options.context);
            if (!next) return;
            next.score += cost;
            next.path = { choice, span, raised, prev: from.path };
            offer(i + span, next);
          });
        step(raised && symbol.raisedCandidates ? symbol.raisedCandidates : symbol.candidates, 1);
        if (pair && !raised) step(pair, 2);
        // Both sides of a cut symbol sit where it sits: on the line, or raised (x^28 touching).
        if (split) {
          split[0].forEach((left, leftChoice) => {
            const mid = read(from, left, raised, options.context);
            if (!mid) return;
            mid.score += cost;
            mid.path = { choice: leftChoice, span: 1, raised, part: 0, prev: from.path };
            split[1].forEach((right, choice) => {
              const next = read(mid, right, raised, options.context);
              if (!next) return;
              next.path = { choice, span: 1, raised, part: 1, prev: mid.path };
              offer(i + 1, next);
            });
          });
        }
      }
    }
  }
  const finals = [...beams[n]!.values()]
    .map((s) => place(s, false))
    .filter((s): s is State => s !== null && (isOperand(s.last) || (s.last === "equals" && s.sureEquals === true)) && s.stack === "")
    .map((s) => (s.pending ? { ...s, score: s.score + contextLogRatio(options.context, s.pending.label, s.pending.before, "edge") } : s));
  const equations = options.preferEquation ? finals.filter((s) => s.relations > 0) : [];
  const winner = (equations.length > 0 ? equations : finals).sort((a, b) => b.score - a.score)[0];

  // Without a well-formed reading: every symbol alone, its top-1, placed as segmented.
  let steps: { choice: number; span: number; raised: boolean; part?: 0 | 1 }[] = symbols.map((s) => ({ choice: 0, span: 1, raised: s.superscript === true }));
  if (winner) {
    steps = [];
    for (let node = winner.path; node; node = node.prev) steps.push({ choice: node.choice, span: node.span, raised: node.raised, part: node.part });
    steps.reverse();
  }
  const tokens: DecodedToken[] = [];
  let start = 0;
  for (const { choice, span, raised, part } of steps) {
    const symbol = symbols[start]!;
    const candidates =
      part !== undefined ? symbol.splitInTwo![part] : span === 2 ? symbol.joinWithNext! : raised && symbol.raisedCandidates ? symbol.raisedCandidates : symbol.candidates;
    const candidate = candidates[choice] ?? { label: "?", p: 0 };
    tokens.push({ label: candidate.label, confidence: candidate.p, overridden: choice !== 0, superscript: raised, start, span, ...(part !== undefined ? { part } : {}) });
    // The left side of a cut symbol leaves the right side still to read.
    if (part !== 0) start += span;
  }
  return { tokens, expression: buildExpression(tokens), wellFormed: winner !== undefined, logProb: tokenLogProb(tokens) };
}

/** The log-probability of a reading: its tokens' confidences multiplied. */
export function tokenLogProb(tokens: readonly DecodedToken[]): number {
  return tokens.reduce((sum, t) => sum + Math.log(Math.max(t.confidence, MIN_P)), 0);
}

/** The state a symbol is read in: entering, staying in or leaving a superscript as needed. */
function place(state: State, raised: boolean): State | null {
  const inSuperscript = state.stack.includes("^");
  if (raised) return inSuperscript ? state : enterSuperscript(state);
  return inSuperscript ? leaveSuperscript(state) : state;
}

function enterSuperscript(state: State): State | null {
  if (!isOperand(state.last)) return null;
  return { ...state, last: "open", stack: state.stack + "^" };
}

function leaveSuperscript(state: State): State | null {
  if (!isOperand(state.last) || !state.stack.endsWith("^")) return null;
  return { ...state, last: "operand", stack: state.stack.slice(0, -1) };
}

/**
 * The state after reading one candidate: the grammar's step, its log-probability, and the
 * context prior for an x or × just before it, now that its right-hand neighbour is known.
 */
function read(from: State, candidate: LabelCandidate, raised: boolean, context: ContextPrior | undefined): State | null {
  const next = advance(from, candidate.label);
  if (!next) return null;
  const kind = contextKind({ label: candidate.label, superscript: raised });
  const settled = from.pending ? contextLogRatio(context, from.pending.label, from.pending.before, kind) : 0;
  next.score = from.score + settled + Math.log(Math.max(candidate.p, MIN_P));
  if (next.last === "equals") next.sureEquals = candidate.p >= TRAILING_EQUALS_P;
  // Without a context prior what came before never matters: states stay merged as before.
  next.lastKind = context ? kind : "edge";
  next.pending = context && !raised && (CONTEXT_LABELS as readonly string[]).includes(candidate.label) ? { label: candidate.label, before: from.lastKind } : null;
  return next;
}

function advance(state: State, label: string): State | null {
  const kind: SymbolKind = symbolKind(label);
  const { last, stack } = state;
  const to = (nextLast: Last, nextStack = stack, relations = state.relations): State => ({
    last: nextLast,
    stack: nextStack,
    relations,
    lastKind: state.lastKind,
    pending: null,
    score: 0,
    path: null,
  });
  switch (kind) {
    case "digit":
      // "6x6" is 6×6 read with the wrong cross: a number never directly follows a letter.
      if (last === "variable" && !stack.endsWith("^")) return null;
      return to(last === "point" || last === "decimals" ? "decimals" : "digits");
    case "point":
      // Between digits only, once per number: 1.5, not .5, 1. or 1.2.3.
      return last === "digits" ? to("point") : null;
    case "variable":
      return to("variable");
    case "open":
      return to("open", stack + label);
    case "root":
      return to("root");
    case "close": {
      const open = stack[stack.length - 1];
      if (!isOperand(last) || open === undefined || open === "^" || closerFor(open) !== label) return null;
      return to("operand", stack.slice(0, -1));
    }
    case "operator":
      if (isOperand(last)) return to("operator");
      // ± may lead a side like a sign: x = ±2.
      return label === "±" && startsSide(last) ? to("operator") : null;
    case "minus":
      return isOperand(last) || startsSide(last) ? to("operator") : null;
    case "relation":
      if (!isOperand(last) || stack !== "" || state.relations > 0) return null;
      return to(label === "=" ? "equals" : "relation", stack, state.relations + 1);
    default:
      return null;
  }
}
