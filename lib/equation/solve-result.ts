/** An exact value where one exists ("1/2", "1 + √2") and its float. */
export interface ExactValue {
  exact: string;
  approx: number;
}

/** A root of a polynomial equation; im is 0 for real roots. */
export interface Root {
  exact: string;
  re: number;
  im: number;
}

export type SolveErrorReason = "parse" | "unsupported" | "math";

/** What the solver says about an expression, with `text` ready to show as is. */
export type SolveResult =
  | { kind: "value"; text: string; value: ExactValue }
  | { kind: "solutions"; text: string; variable: string; solutions: Root[] }
  | { kind: "system"; text: string; values: Record<string, ExactValue> }
  /** Lines that make no system, each solved on its own (a page of working, two problems). */
  | { kind: "lines"; text: string; lines: SolveResult[] }
  | { kind: "identity"; text: string }
  | { kind: "none"; text: string }
  | { kind: "error"; text: string; reason: SolveErrorReason };
