export type ClassOrder = "alphabetical" | "support" | "confusion";

/**
 * Row/column order of a confusion matrix, as indexes into `classes`. "confusion" chains the
 * classes greedily so each sits next to the one it is most confused with (9 beside 7, × beside
 * x), starting from the class with the most errors: the off-diagonal mass gathers near the diagonal.
 */
export function orderClasses(classes: readonly string[], confusion: readonly (readonly number[])[], order: ClassOrder): number[] {
  const idx = classes.map((_, i) => i);
  const support = (i: number) => confusion[i]!.reduce((s, v) => s + v, 0);
  if (order === "alphabetical") return idx.sort((a, b) => classes[a]!.localeCompare(classes[b]!, "en", { numeric: true }));
  if (order === "support") return idx.sort((a, b) => support(b) - support(a) || a - b);
  const errors = (i: number) => support(i) - confusion[i]![i]! + confusion.reduce((s, row, t) => s + (t === i ? 0 : row[i]!), 0);
  const mutual = (a: number, b: number) => confusion[a]![b]! + confusion[b]![a]!;
  const left = new Set(idx);
  const out: number[] = [];
  while (left.size > 0) {
    const last = out[out.length - 1];
    let best = -1;
    let bestScore = -1;
    for (const c of left) {
      // Mutual confusion with the last placed class first; the most errors overall breaks ties and starts chains.
      const score = (last !== undefined ? mutual(last, c) * 1e6 : 0) + errors(c);
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    out.push(best);
    left.delete(best);
  }
  return out;
}
