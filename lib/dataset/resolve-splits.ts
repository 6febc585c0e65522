import { splitByWriter, type SplitRatios } from "../ink/writer-split";
import { assignSplit, contentHash, SPLITS, type Split } from "./split";

/** What a split needs to know about a sample. */
export interface SplitSample {
  id: number;
  hash: string;
  /** Writer key (`corpus:writer`), null when unknown (Kaggle, MNIST). */
  writer: string | null;
  /** The split stored with the sample at import. */
  split: string;
}

/**
 * - `stored`: each sample's stored split (content hash for images; writer key for InkML, so
 *   ink samples are already writer-disjoint there, at writer-count rather than sample ratios).
 * - `by-writer`: group by writer (splitByWriter, seeded): no writer on two sides, ratios met by
 *   sample count. A sample without a writer is its own group, so for Kaggle/MNIST data this is
 *   a random split; report the mode next to any accuracy so the two are never compared blind.
 */
export const SPLIT_MODES = ["stored", "by-writer"] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

export const DEFAULT_SPLIT_RATIOS: SplitRatios = { train: 0.8, val: 0.1, test: 0.1 };

export interface ResolvedSplits<T> {
  train: T[];
  val: T[];
  test: T[];
  mode: SplitMode;
  /** Distinct writer keys among the samples. */
  writers: number;
  /** Samples without a writer (each its own group in by-writer mode). */
  withoutWriter: number;
}

/**
 * The split an ink sample is stored in at import: assignSplit on the md5 of its writer key,
 * so all of one person's symbols share a split and the stored train/val/test of InkML data
 * is writer-disjoint (a test score is not flattered by handwriting the model trained on).
 * Without a writer, the sample's own hash decides, as for images. The ratio then holds over
 * writers (~80/10/10 of CROHME's writers), not exactly over samples; by-writer mode below
 * balances by sample count when that matters.
 */
export function storedInkSplit(writer: string | null, hash: string): Split {
  return assignSplit(writer === null ? hash : contentHash(Buffer.from(writer, "utf8")));
}

/**
 * Splits the samples the training feature is about to use. Deterministic for the same samples,
 * mode and seed, whatever their order (samples keep their input order within each side).
 */
export function resolveSplits<T extends SplitSample>(
  samples: readonly T[],
  mode: SplitMode,
  seed = 0,
  ratios: SplitRatios = DEFAULT_SPLIT_RATIOS,
): ResolvedSplits<T> {
  const writers = new Set<string>();
  let withoutWriter = 0;
  for (const s of samples) {
    if (s.writer === null) withoutWriter++;
    else writers.add(s.writer);
  }
  const stats = { mode, writers: writers.size, withoutWriter };
  if (mode === "stored") {
    const out: Record<Split, T[]> = { train: [], val: [], test: [] };
    for (const s of samples) {
      if (!(SPLITS as readonly string[]).includes(s.split)) throw new RangeError(`sample ${s.id} has an unknown split "${s.split}"`);
      out[s.split as Split].push(s);
    }
    return { ...out, ...stats };
  }
  // splitByWriter groups writerless items by their id; the content hash is used instead so
  // the same picture gets the same side whatever id a database gave it.
  const items = samples.map((sample) => ({ id: sample.hash, writer: sample.writer, sample }));
  const sides = splitByWriter(items, ratios, seed);
  return {
    train: sides.train.map((i) => i.sample),
    val: sides.val.map((i) => i.sample),
    test: sides.test.map((i) => i.sample),
    ...stats,
  };
}
