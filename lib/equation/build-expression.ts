import { asciiFor, symbolKind } from "./symbol-kinds";

export interface ExpressionToken {
  label: string;
  superscript: boolean;
}

/**
 * Writes decoded symbols as an expression string mathjs and solveExpression read:
 * × -> *, ÷ -> /, [ ] { } -> ( ), implicit multiplication spelled out (2x -> 2*x,
 * 3(x+1) -> 3*(x+1)), a run of superscript symbols as a power (x² -> x^2, x^(n+1)), and √
 * applied to the atom after it (√16 -> sqrt(16), √(x+1) -> sqrt((x+1))).
 */
export function buildExpression(tokens: readonly ExpressionToken[]): string {
  let out = "";
  let i = 0;
  let endsOperand = false;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.superscript) {
      let j = i;
      while (j < tokens.length && tokens[j]!.superscript) j++;
      const inner = buildRun(tokens.slice(i, j).map((t) => t.label));
      out += /^[0-9]+$|^[a-z]$/.test(inner) ? `^${inner}` : `^(${inner})`;
      endsOperand = true;
      i = j;
      continue;
    }
    let j = i;
    while (j < tokens.length && !tokens[j]!.superscript) j++;
    const labels = tokens.slice(i, j).map((t) => t.label);
    const run = buildRun(labels);
    const first = symbolKind(labels[0]!);
    if (endsOperand && ["digit", "variable", "open", "root"].includes(first)) out += "*";
    out += run;
    const last = symbolKind(labels[labels.length - 1]!);
    endsOperand = last === "digit" || last === "variable" || last === "close";
    i = j;
  }
  return out;
}

/** One run of same-level symbols, with implicit products and √ arguments made explicit. */
function buildRun(labels: readonly string[]): string {
  let out = "";
  let depth = 0;
  // Paren depths at which a sqrt( is waiting for its atom to finish.
  const pendingRoots: number[] = [];
  let prevEnds = false;
  let prevKind: string | undefined;
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k]!;
    const kind = symbolKind(label);
    const startsOperand = kind === "digit" || kind === "variable" || kind === "open" || kind === "root";
    if (prevEnds && startsOperand && !(kind === "digit" && prevKind === "digit")) out += "*";
    if (kind === "root") {
      out += "sqrt(";
      pendingRoots.push(depth);
    } else {
      out += asciiFor(label);
      if (kind === "open") depth++;
      if (kind === "close") depth--;
    }
    const nextKind = labels[k + 1] === undefined ? undefined : symbolKind(labels[k + 1]!);
    const atomDone =
      kind === "variable" || kind === "close" || (kind === "digit" && nextKind !== "digit" && nextKind !== "point");
    if (atomDone) {
      while (pendingRoots.length > 0 && pendingRoots[pendingRoots.length - 1] === depth) {
        out += ")";
        pendingRoots.pop();
      }
    }
    prevEnds = kind === "digit" || kind === "variable" || kind === "close";
    prevKind = kind;
  }
  return out + ")".repeat(pendingRoots.length);
}
