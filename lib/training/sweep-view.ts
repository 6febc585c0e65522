import type Database from "better-sqlite3";
import { listRuns } from "./create-run";
import { toRunView } from "./run-view";

/** A sweep with its runs, each labelled by the values it varied, for the comparison table. */
export function getSweepView(db: Database.Database, id: number) {
  const sweep = db.prepare(`SELECT * FROM sweeps WHERE id = ?`).get(id) as { id: number; name: string; grid: string; base: string; createdAt: string } | undefined;
  if (!sweep) return null;
  const grid = JSON.parse(sweep.grid) as Record<string, unknown[]>;
  const keys = Object.keys(grid);
  const sizes = new Map(
    (db.prepare(`SELECT runId, sizeBytes FROM models WHERE runId IN (SELECT id FROM training_runs WHERE sweepId = ?)`).all(id) as { runId: number; sizeBytes: number }[]).map((r) => [r.runId, r.sizeBytes]),
  );
  const runs = listRuns(db, { sweepId: id, limit: 1000 })
    .reverse()
    .map((r) => {
      const view = toRunView(r);
      const varied = Object.fromEntries(keys.map((k) => [k, view.config[k]]));
      return { ...view, varied, label: keys.map((k) => `${k}=${JSON.stringify(view.config[k])}`).join(" "), sizeBytes: sizes.get(r.id) ?? null };
    });
  return { id: sweep.id, name: sweep.name, grid, createdAt: sweep.createdAt, runs };
}
