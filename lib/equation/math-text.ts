/**
 * Turns typed or decoded math text into what mathjs parses unambiguously: Unicode operators
 * spelled in ASCII, every implicit multiplication written out (2x -> 2*x, x(x+1) -> x*(x+1),
 * which mathjs would otherwise read as a call of a function x), and letters split into
 * single-letter unknowns (xy -> x*y).
 */

export class TextError extends Error {}

/** The relation that splits an equation or inequality. */
export type Relation = "=" | "<" | ">" | "<=" | ">=" | "!=";

const UNICODE: [RegExp, string][] = [
  [/[×·∙⋅]/g, "*"],
  [/[÷∕]/g, "/"],
  [/[−–—]/g, "-"],
  [/π/g, "pi"],
  [/√/g, "sqrt"],
  [/≤/g, "<="],
  [/≥/g, ">="],
  [/≠/g, "!="],
  [/²/g, "^2"],
  [/³/g, "^3"],
  [/[[{]/g, "("],
  [/[\]}]/g, ")"],
];

const FUNCTIONS = new Set(["sqrt"]);
const CONSTANTS = new Set(["pi"]);

type TokenKind = "number" | "name" | "function" | "op" | "open" | "close" | "relation";
interface Token {
  kind: TokenKind;
  text: string;
}

/** Splits text into tokens, with explicit "*" wherever multiplication was implied. */
export function tokenizeMath(input: string): Token[] {
  let text = input;
  for (const [pattern, replacement] of UNICODE) text = text.replace(pattern, replacement);
  const raw: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d*)?|\.\d+)|([A-Za-z]+)|(<=|>=|!=|==|=|<|>)|([-+*/^])|(\()|(\)))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) {
      const bad = text.slice(at).trim()[0] ?? "";
      throw new TextError(`unsupported symbol "${bad}"`);
    }
    at = pattern.lastIndex;
    if (m[1] !== undefined) raw.push({ kind: "number", text: m[1] });
    else if (m[2] !== undefined) raw.push(...splitName(m[2]));
    else if (m[3] !== undefined) raw.push({ kind: "relation", text: m[3] === "==" ? "=" : m[3] });
    else if (m[4] !== undefined) raw.push({ kind: "op", text: m[4] });
    else if (m[5] !== undefined) raw.push({ kind: "open", text: "(" });
    else raw.push({ kind: "close", text: ")" });
  }
  const out: Token[] = [];
  for (const token of raw) {
    const prev = out[out.length - 1];
    const prevEnds = prev !== undefined && (prev.kind === "number" || prev.kind === "name" || prev.kind === "close");
    const starts = token.kind === "number" || token.kind === "name" || token.kind === "function" || token.kind === "open";
    if (prevEnds && starts) out.push({ kind: "op", text: "*" });
    out.push(token);
  }
  return bracketFunctionArguments(out);
}

/** √16 and √x name their argument without brackets; mathjs needs sqrt(16). */
function bracketFunctionArguments(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    out.push(token);
    const next = tokens[i + 1];
    if (token.kind === "function" && next && (next.kind === "number" || next.kind === "name")) {
      out.push({ kind: "open", text: "(" }, next, { kind: "close", text: ")" });
      i++;
    }
  }
  return out;
}

function splitName(name: string): Token[] {
  const lower = name.toLowerCase();
  if (FUNCTIONS.has(lower)) return [{ kind: "function", text: lower }];
  if (CONSTANTS.has(lower)) return [{ kind: "name", text: lower }];
  // A run of letters is a product of single-letter unknowns, with function names kept whole.
  const out: Token[] = [];
  let rest = name;
  while (rest.length > 0) {
    const fn = [...FUNCTIONS, ...CONSTANTS].find((f) => rest.toLowerCase().startsWith(f));
    if (fn) {
      out.push({ kind: FUNCTIONS.has(fn) ? "function" : "name", text: fn });
      rest = rest.slice(fn.length);
    } else {
      out.push({ kind: "name", text: rest[0]!.toLowerCase() });
      rest = rest.slice(1);
    }
  }
  return out;
}

export interface SplitEquation {
  /** ASCII expression text of each side, mathjs-ready. */
  sides: string[];
  relations: Relation[];
}

/** Tokenises and splits at relation signs: "2x+3=7" -> sides ["2*x+3", "7"], relations ["="]. */
export function splitAtRelations(input: string): SplitEquation {
  const sides: string[] = [];
  const relations: Relation[] = [];
  let current: string[] = [];
  for (const token of tokenizeMath(input)) {
    if (token.kind === "relation") {
      sides.push(current.join(""));
      relations.push(token.text as Relation);
      current = [];
    } else current.push(token.text);
  }
  sides.push(current.join(""));
  return { sides, relations };
}
