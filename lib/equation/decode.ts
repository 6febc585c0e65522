import { buildExpression } from "./build-expression";
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
}

export interface DecodedToken {
  label: string;
  /** The classifier's probability for the chosen label. */
  confidence: number;
  /** True when the decoder chose something other than the classifier's top-1. */
  overridden: boolean;
  superscript: boolean;
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
}

/** Stands in for a probability of 0 so a zero-scored label is still ranked, just last. */
const MIN_P = 1e-9;
const DEFAULT_BEAM = 256;

type Last = "start" | "operand" | "operator" | "relation" | "open" | "root";

interface State {
  last: Last;
  /** Open brackets, innermost last; "^" marks an open superscript. */
  stack: string;
  relations: number;
  score: number;
  /** Index into each symbol's candidates, back-pointed as a persistent list. */
  path: { choice: number; prev: State["path"] } | null;
}

/**
 * Picks one label per symbol from the classifier's top-k so the whole line is a well-formed
 * expression, maximising the product of probabilities. Dynamic programming over grammar
 * states (what came last, open brackets, relations used): at most one relation (=, <, ≤ ...),
 * binary operators only between operands (a leading or post-bracket minus is allowed), no
 * trailing operator, matched brackets, √ followed by an operand, and superscripts only after
 * an operand. Readings that reach the same state are merged, so with the default beam the
 * search is exact for one-line equations.
 */
export function decodeEquation(symbols: readonly SymbolHypotheses[], options: DecodeOptions = {}): DecodeResult {
  const beamWidth = options.beamWidth ?? DEFAULT_BEAM;
  let beam: State[] = [{ last: "start", stack: "", relations: 0, score: 0, path: null }];
  for (let i = 0; i < symbols.length; i++) {
    const symbol = symbols[i]!;
    const prevSuper = i > 0 && symbols[i - 1]!.superscript === true;
    const best = new Map<string, State>();
    for (const state of beam) {
      let s: State | null = state;
      if (symbol.superscript && !prevSuper) s = enterSuperscript(state);
      else if (!symbol.superscript && prevSuper) s = leaveSuperscript(state);
      if (!s) continue;
      symbol.candidates.forEach((candidate, choice) => {
        const next = advance(s, candidate.label);
        if (!next) return;
        next.score = s.score + Math.log(Math.max(candidate.p, MIN_P));
        next.path = { choice, prev: s.path };
        const key = `${next.last}|${next.stack}|${next.relations}`;
        const seen = best.get(key);
        if (!seen || seen.score < next.score) best.set(key, next);
      });
    }
    beam = [...best.values()].sort((a, b) => b.score - a.score).slice(0, beamWidth);
  }
  const lastSuper = symbols.length > 0 && symbols[symbols.length - 1]!.superscript === true;
  const finals = beam
    .map((s) => (lastSuper ? leaveSuperscript(s) : s))
    .filter((s): s is State => s !== null && s.last === "operand" && s.stack === "");
  const winner = finals.sort((a, b) => b.score - a.score)[0];

  const choices = new Array<number>(symbols.length).fill(0);
  if (winner) {
    let node = winner.path;
    for (let i = symbols.length - 1; i >= 0 && node; i--, node = node.prev) choices[i] = node.choice;
  }
  const tokens: DecodedToken[] = symbols.map((symbol, i) => {
    const candidate = symbol.candidates[choices[i]!] ?? { label: "?", p: 0 };
    return { label: candidate.label, confidence: candidate.p, overridden: choices[i] !== 0, superscript: symbol.superscript === true };
  });
  const logProb = tokens.reduce((sum, t) => sum + Math.log(Math.max(t.confidence, MIN_P)), 0);
  return { tokens, expression: buildExpression(tokens), wellFormed: winner !== undefined, logProb };
}

function enterSuperscript(state: State): State | null {
  if (state.last !== "operand") return null;
  return { ...state, last: "open", stack: state.stack + "^" };
}

function leaveSuperscript(state: State): State | null {
  if (state.last !== "operand" || !state.stack.endsWith("^")) return null;
  return { ...state, last: "operand", stack: state.stack.slice(0, -1) };
}

function advance(state: State, label: string): State | null {
  const kind: SymbolKind = symbolKind(label);
  const { last, stack } = state;
  const to = (nextLast: Last, nextStack = stack, relations = state.relations): State => ({
    last: nextLast,
    stack: nextStack,
    relations,
    score: 0,
    path: null,
  });
  switch (kind) {
    case "digit":
    case "variable":
      return to("operand");
    case "open":
      return to("open", stack + label);
    case "root":
      return to("root");
    case "close": {
      const open = stack[stack.length - 1];
      if (last !== "operand" || open === undefined || open === "^" || closerFor(open) !== label) return null;
      return to("operand", stack.slice(0, -1));
    }
    case "operator":
      if (last === "operand") return to("operator");
      // ± may lead a side like a sign: x = ±2.
      return label === "±" && (last === "start" || last === "relation" || last === "open") ? to("operator") : null;
    case "minus":
      return last === "operand" || last === "start" || last === "relation" || last === "open" ? to("operator") : null;
    case "relation":
      if (last !== "operand" || stack !== "" || state.relations > 0) return null;
      return to("relation", stack, state.relations + 1);
    default:
      return null;
  }
}
