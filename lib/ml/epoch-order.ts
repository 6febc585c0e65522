import type { ModelConfig } from "./model-config";
import { createRng, deriveSeed } from "../util/prng";

/** Fisher-Yates with a seeded mulberry32, so a run is reproducible from config.seed. */
export function shuffledIndices(n: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  shuffleInPlace(out, seed);
  return out;
}

/**
 * The sample indices one epoch visits, in order. Always labels.length long, so epochs cost the
 * same whatever the sampling; with "sqrt-balanced" some indices repeat and some are left out.
 */
export function epochOrder(labels: Int32Array, numClasses: number, sampling: ModelConfig["sampling"], seed: number): Int32Array {
  if (sampling === "shuffle") return shuffledIndices(labels.length, seed);
  const members: number[][] = Array.from({ length: numClasses }, () => []);
  labels.forEach((l, i) => members[l]!.push(i));
  const quotas = sqrtQuotas(members.map((m) => m.length), labels.length);
  const out = new Int32Array(labels.length);
  let at = 0;
  members.forEach((m, c) => {
    if (m.length === 0) return;
    // Whole shuffled passes over the class, then a random part of one more: a rare class repeats
    // evenly, a common one contributes a different random subset each epoch.
    const rand = createRng(deriveSeed(seed, c));
    for (let left = quotas[c]!; left > 0; ) {
      const pass = Int32Array.from(m);
      shuffleWith(pass, rand);
      const take = Math.min(left, pass.length);
      out.set(pass.subarray(0, take), at);
      at += take;
      left -= take;
    }
  });
  shuffleInPlace(out, seed);
  return out;
}

/** Per-class draws proportional to sqrt(count), summing exactly to total (largest remainders). */
export function sqrtQuotas(counts: readonly number[], total: number): number[] {
  const roots = counts.map((n) => Math.sqrt(n));
  const sum = roots.reduce((a, b) => a + b, 0);
  if (sum === 0) return counts.map(() => 0);
  const exact = roots.map((r) => (r / sum) * total);
  const quotas = exact.map(Math.floor);
  let missing = total - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, c) => ({ c, r: e - Math.floor(e) })).filter(({ c }) => counts[c]! > 0).sort((a, b) => b.r - a.r || a.c - b.c);
  for (let k = 0; missing > 0; k = (k + 1) % byRemainder.length, missing--) quotas[byRemainder[k]!.c]!++;
  return quotas;
}

function shuffleInPlace(a: Int32Array, seed: number): void {
  shuffleWith(a, createRng(seed));
}

function shuffleWith(a: Int32Array, rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

/** Learning rate of step t of total: constant, or cosine from base down to 0. */
export function scheduledLearningRate(schedule: ModelConfig["lrSchedule"], base: number, step: number, totalSteps: number): number {
  if (schedule === "constant" || totalSteps <= 0) return base;
  return 0.5 * base * (1 + Math.cos((Math.PI * Math.min(step, totalSteps)) / totalSteps));
}
