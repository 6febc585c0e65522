import { z } from "zod";
import type { ExpressionToken } from "./build-expression";
import { symbolKind } from "./symbol-kinds";

/**
 * Labels whose shapes the model confuses and that only their neighbours tell apart: cut out and
 * scaled, a × is a small x. In CROHME lines a cross between two letters is × about 6 times as
 * often as its share; before a + or at the end of a line it is the letter.
 */
export const CONTEXT_LABELS = ["x", "×"] as const;

/** What stands next to a symbol, as far as the context prior cares. */
export type ContextKind = "edge" | "digit" | "letter" | "open" | "close" | "operator" | "root" | "raised";

/** Per label, per "before|after" context, log(P(label | context) / P(label)) within CONTEXT_LABELS. */
export const contextPriorSchema = z.record(z.string(), z.record(z.string(), z.number()));
export type ContextPrior = z.infer<typeof contextPriorSchema>;

/** Contexts seen fewer times than this stay neutral. */
const MIN_CONTEXT = 5;
/** No label gains or loses more than e^MAX_CONTEXT_LOG_RATIO against its share for its neighbours. */
const MAX_CONTEXT_LOG_RATIO = 2;

/** The kind of a neighbour on the line (undefined: the line's start or end). */
export function contextKind(token: ExpressionToken | undefined): ContextKind {
  if (!token) return "edge";
  if (token.superscript) return "raised";
  switch (symbolKind(token.label)) {
    case "digit":
      return "digit";
    case "variable":
      return "letter";
    case "open":
      return "open";
    case "close":
      return "close";
    case "root":
      return "root";
    default:
      return "operator";
  }
}

export const contextKey = (before: ContextKind, after: ContextKind) => `${before}|${after}`;

/**
 * Fits, from lines of tokens (the LaTeX of train-split writers' lines), how much likelier each
 * of CONTEXT_LABELS is between given neighbours than its share: add-one smoothed, capped at
 * ±MAX_CONTEXT_LOG_RATIO, contexts seen under MIN_CONTEXT times left out. Only symbols on the
 * line count (an exponent's neighbours say little about it), in lines of symbols the grammar knows.
 */
export function fitContextPrior(lines: Iterable<readonly ExpressionToken[]>): ContextPrior {
  const labels: readonly string[] = CONTEXT_LABELS;
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const line of lines) {
    // A token the grammar does not know ("x_1" written without spaces) makes its neighbours unknown too.
    if (line.some((t) => symbolKind(t.label) === "unknown")) continue;
    line.forEach((token, i) => {
      if (token.superscript || !labels.includes(token.label)) return;
      const key = contextKey(contextKind(line[i - 1]), contextKind(line[i + 1]));
      const byLabel = counts.get(key) ?? new Map<string, number>();
      byLabel.set(token.label, (byLabel.get(token.label) ?? 0) + 1);
      counts.set(key, byLabel);
      totals.set(token.label, (totals.get(token.label) ?? 0) + 1);
    });
  }
  const all = labels.reduce((sum, l) => sum + (totals.get(l) ?? 0), 0);
  const prior: ContextPrior = {};
  for (const label of labels) prior[label] = {};
  if (all === 0) return prior;
  for (const [key, byLabel] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    const seen = labels.reduce((sum, l) => sum + (byLabel.get(l) ?? 0), 0);
    if (seen < MIN_CONTEXT) continue;
    for (const label of labels) {
      const share = ((totals.get(label) ?? 0) + 1) / (all + labels.length);
      const here = ((byLabel.get(label) ?? 0) + 1) / (seen + labels.length);
      const ratio = Math.max(-MAX_CONTEXT_LOG_RATIO, Math.min(MAX_CONTEXT_LOG_RATIO, Math.log(here / share)));
      prior[label]![key] = Math.round(ratio * 1e5) / 1e5;
    }
  }
  return prior;
}

/** log factor for `label` between neighbours of these kinds (0 for other labels and unseen contexts). */
export function contextLogRatio(prior: ContextPrior | undefined, label: string, before: ContextKind, after: ContextKind): number {
  return prior?.[label]?.[contextKey(before, after)] ?? 0;
}
