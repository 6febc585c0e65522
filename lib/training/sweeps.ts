import type Database from "better-sqlite3";
import { z } from "zod";
import { modelConfigSchema } from "../ml/model-config";
import { sqlTimestamp } from "../db/timestamp";
import { enqueueTraining } from "./create-run";
import { trainRequestSchema, type TrainRequestInput } from "./train-request";

/** Parameters a sweep may vary: any model setting; values are tried in every combination. */
export const SWEEPABLE = Object.keys(modelConfigSchema.shape) as (keyof typeof modelConfigSchema.shape)[];

export const sweepRequestSchema = z.object({
  name: z.string().min(1).max(100).default("sweep"),
  /** e.g. { kernelSize: [2, 3], dropout: [0.3, 0.4, 0.5], optimizer: ["adam", "rmsprop"] } */
  grid: z
    .record(z.string(), z.array(z.unknown()).min(1).max(20))
    .refine((g) => Object.keys(g).length > 0, "choose at least one parameter to vary")
    .refine((g) => Object.keys(g).every((k) => (SWEEPABLE as string[]).includes(k)), { message: `grid keys must be model settings: ${SWEEPABLE.join(", ")}` }),
  base: z.custom<TrainRequestInput>().default({}),
});
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

export const MAX_SWEEP_RUNS = 64;

/** Every combination of the grid's values, each merged over the base config. */
export function expandGrid(grid: Record<string, unknown[]>): Record<string, unknown>[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(grid)) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return combos;
}

/**
 * Validates every combination first (so a bad value fails the whole sweep with the field named,
 * before anything is queued), then records the sweep and queues one run per combination.
 */
export function createSweep(db: Database.Database, input: unknown): { sweepId: number; runs: { runId: number; jobId: number }[] } {
  const sweep = sweepRequestSchema.parse(input);
  const combos = expandGrid(sweep.grid);
  if (combos.length > MAX_SWEEP_RUNS) throw new z.ZodError([{ code: "custom", path: ["grid"], message: `${combos.length} combinations; at most ${MAX_SWEEP_RUNS}`, input: sweep.grid }]);
  const base = (sweep.base ?? {}) as TrainRequestInput;
  const requests = combos.map((combo) => trainRequestSchema.parse({ ...base, config: { ...(base.config ?? {}), ...combo } }));
  return db.transaction(() => {
    const { id } = db
      .prepare(`INSERT INTO sweeps (name, grid, base, createdAt) VALUES (?, ?, ?, ?) RETURNING id`)
      .get(sweep.name, JSON.stringify(sweep.grid), JSON.stringify(base), sqlTimestamp()) as { id: number };
    const runs = requests.map((r) => enqueueTraining(db, { ...r, sweepId: id }));
    return { sweepId: id, runs };
  })();
}
