import { createRng } from "../util/prng";
/** Anything that can be split by who wrote it. */
export interface WriterItem {
  id: string;
  /** Writer key (see deriveWriterKey); null when unknown. */
  writer: string | null;
}

export type SplitName = "train" | "val" | "test";
export type SplitRatios = Record<SplitName, number>;

const SPLIT_NAMES: readonly SplitName[] = ["train", "val", "test"];

/**
 * Splits items so that no writer appears on two sides, aiming at the ratios by item count.
 * Writers are shuffled with the seed, then each goes to the side furthest below its target,
 * so the result depends only on the items' (id, writer) pairs and the seed, not their order.
 * An item without a writer is its own group: we cannot tell it shares a hand with anything,
 * and dropping it would lose data. Items keep their input order within each side.
 */
export function splitByWriter<T extends WriterItem>(
  items: readonly T[],
  ratios: SplitRatios,
  seed: number,
): Record<SplitName, T[]> {
  const weights = SPLIT_NAMES.map((name) => ratios[name]);
  if (weights.some((w) => !(w >= 0)) || weights.reduce((a, b) => a + b, 0) <= 0) {
    throw new RangeError(`split ratios must be non-negative with a positive sum, got ${JSON.stringify(ratios)}`);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const targets = weights.map((w) => (w / total) * items.length);
  const counts = SPLIT_NAMES.map(() => 0);

  const sideOfGroup = new Map<string, SplitName>();
  for (const [key, size] of shuffledGroups(items, seed)) {
    let best = 0;
    for (let s = 1; s < SPLIT_NAMES.length; s++) {
      if (targets[s]! - counts[s]! > targets[best]! - counts[best]!) best = s;
    }
    counts[best]! += size;
    sideOfGroup.set(key, SPLIT_NAMES[best]!);
  }

  const result: Record<SplitName, T[]> = { train: [], val: [], test: [] };
  for (const item of items) result[sideOfGroup.get(groupKeyOf(item))!].push(item);
  return result;
}

/**
 * Assigns each item a fold in 0..k-1 with every writer inside one fold (sklearn's GroupKFold
 * rule: largest writers first, each to the currently smallest fold), ties broken by the
 * seeded shuffle. Returns fold indices aligned with `items`. Writerless items are their own
 * group, as in splitByWriter.
 */
export function groupKFold(items: readonly WriterItem[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer of at least 2, got ${k}`);
  const groups = shuffledGroups(items, seed);
  if (groups.length < k) throw new RangeError(`cannot make ${k} folds from ${groups.length} writer groups`);
  // A stable sort keeps the shuffled order among equal sizes, which is where the seed matters.
  groups.sort((a, b) => b[1] - a[1]);
  const foldSizes = new Array<number>(k).fill(0);
  const foldOfGroup = new Map<string, number>();
  for (const [key, size] of groups) {
    let smallest = 0;
    for (let f = 1; f < k; f++) if (foldSizes[f]! < foldSizes[smallest]!) smallest = f;
    foldSizes[smallest]! += size;
    foldOfGroup.set(key, smallest);
  }
  return items.map((item) => foldOfGroup.get(groupKeyOf(item))!);
}

/** NUL cannot occur in an XML annotation, so a writerless key never equals a writer's. */
function groupKeyOf(item: WriterItem): string {
  return item.writer ?? `\u0000${item.id}`;
}

/** [group key, item count] pairs in an order fixed by the seed alone. */
function shuffledGroups(items: readonly WriterItem[], seed: number): [string, number][] {
  const sizes = new Map<string, number>();
  for (const item of items) {
    const key = groupKeyOf(item);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  const groups = [...sizes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const random = createRng(seed);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  return groups;
}

