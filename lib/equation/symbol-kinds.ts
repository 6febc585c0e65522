/** What a class label does in an expression, for the decoder's grammar and the string builder. */
export type SymbolKind = "digit" | "point" | "variable" | "operator" | "minus" | "relation" | "open" | "close" | "root" | "unknown";

/** A decimal point: found by where a dot sits (segment.ts), never by the classifier. */
export const DECIMAL_POINT = ".";

const OPERATORS = new Set(["+", "×", "÷", "/", "*", "±"]);
const RELATIONS = new Set(["=", "<", ">", "≤", "≥", "≠"]);
const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS = new Set([")", "]", "}"]);

/**
 * Stands for a whole stacked fraction or square root in its line while the line is decoded
 * (decode-line.ts): an operand like a variable, so 2 before it reads 2·(a/b) and no digit
 * follows it.
 */
export const GROUP_SLOT = "□";

export function symbolKind(label: string): SymbolKind {
  if (/^[0-9]$/.test(label)) return "digit";
  if (label === DECIMAL_POINT) return "point";
  if (label === "π" || label === GROUP_SLOT || /^[a-zA-Z]$/.test(label)) return "variable";
  if (label === "-" || label === "−") return "minus";
  if (OPERATORS.has(label)) return "operator";
  if (RELATIONS.has(label)) return "relation";
  if (label in OPENERS) return "open";
  if (CLOSERS.has(label)) return "close";
  if (label === "√") return "root";
  return "unknown";
}

/** The closing bracket that matches an opening one. */
export function closerFor(open: string): string {
  return OPENERS[open] ?? ")";
}

/** Label as it is written in the expression string mathjs and the solver read. */
export function asciiFor(label: string): string {
  switch (label) {
    case "×":
      return "*";
    case "÷":
      return "/";
    case "−":
      return "-";
    case "π":
      return "pi";
    case "≤":
      return "<=";
    case "≥":
      return ">=";
    case "≠":
      return "!=";
    case "[":
    case "{":
      return "(";
    case "]":
    case "}":
      return ")";
    default:
      return /^[A-Z]$/.test(label) ? label.toLowerCase() : label;
  }
}
