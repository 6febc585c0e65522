import { z } from "zod";
import type { ExpressionToken } from "./build-expression";
import { symbolKind } from "./symbol-kinds";

/**
 * Groups of labels whose shapes the model confuses and that only their neighbours tell apart:
 * cut out and scaled, a × is a small x, and a z is often written as a 2 with a straight foot.
 * In CROHME lines a cross between two letters is × about 3 times as often as its share; before
 * a + or at the end of a line it is the letter. A z's share of {2, z} rises before an exponent
 * (z^2) and falls before a letter (2x). Each label's ratio is against its share in its group.
 */
export const CONTEXT_GROUPS: readonly (readonly string[])[] = [
  ["x", "×"],
  ["z", "2"],
];
export const CONTEXT_LABELS: readonly string[] = CONTEXT_GROUPS.flat();

/** What stands next to a symbol, as far as the context prior cares. */
export type ContextKind = "edge" | "digit" | "letter" | "open" | "close" | "operator" | "root" | "raised";

/** Per label, per "before|after" context, log(P(label | context) / P(label)) within its CONTEXT_GROUPS group. */
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
 * label of CONTEXT_GROUPS is between given neighbours than its share in its group: add-one
 * smoothed, capped at ±MAX_CONTEXT_LOG_RATIO, contexts where the group is seen under
 * MIN_CONTEXT times left out. Only symbols on the line count (an exponent's neighbours say
 * little about it), in lines of symbols the grammar knows.
 */
export function fitContextPrior(lines: Iterable<readonly ExpressionToken[]>, groups: readonly (readonly string[])[] = CONTEXT_GROUPS): ContextPrior {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const labels = groups.flat();
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
  const prior: ContextPrior = {};
  for (const label of labels) prior[label] = {};
  const contexts = [...counts].sort((a, b) => a[0].localeCompare(b[0]));
  for (const group of groups) {
    const all = group.reduce((sum, l) => sum + (totals.get(l) ?? 0), 0);
    if (all === 0) continue;
    for (const [key, byLabel] of contexts) {
      const seen = group.reduce((sum, l) => sum + (byLabel.get(l) ?? 0), 0);
      if (seen < MIN_CONTEXT) continue;
      for (const label of group) {
        const share = ((totals.get(label) ?? 0) + 1) / (all + group.length);
        const here = ((byLabel.get(label) ?? 0) + 1) / (seen + group.length);
        const ratio = Math.max(-MAX_CONTEXT_LOG_RATIO, Math.min(MAX_CONTEXT_LOG_RATIO, Math.log(here / share)));
        prior[label]![key] = Math.round(ratio * 1e5) / 1e5;
      }
    }
  }
  return prior;
}

/** log factor for `label` between neighbours of these kinds (0 for other labels and unseen contexts). */
export function contextLogRatio(prior: ContextPrior | undefined, label: string, before: ContextKind, after: ContextKind): number {
  return prior?.[label]?.[contextKey(before, after)] ?? 0;
}
