import type Database from "better-sqlite3";
import { getRun, getRunEpochs, type RunRow } from "./create-run";

export const SPLIT_MODE_LABEL: Record<string, string> = {
  // Images are stored in a split by content hash, ink symbols by writer (lib/dataset/resolve-splits.ts).
  stored: "stored split (hash; by writer for ink)",
  "by-writer": "writer-disjoint split",
};

export type RunView = ReturnType<typeof toRunView>;

/** A run as the API and the pages show it: JSON columns parsed, epochs attached. */
export function toRunView(run: RunRow, epochs: ReturnType<typeof getRunEpochs> = []) {
  return {
    ...run,
    classes: JSON.parse(run.classes) as string[],
    config: JSON.parse(run.config) as Record<string, unknown>,
    augmentOnTheFly: run.augment !== null,
    splitModeLabel: SPLIT_MODE_LABEL[run.splitMode] ?? run.splitMode,
    epochs,
  };
}

export function getRunView(db: Database.Database, id: number): RunView | null {
  const run = getRun(db, id);
  return run ? toRunView(run, getRunEpochs(db, id)) : null;
}
