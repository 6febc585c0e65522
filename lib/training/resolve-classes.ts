import type Database from "better-sqlite3";
import { getClassSet } from "../dataset/class-sets";
import { compareLabels } from "../dataset/class-counts";

export class TrainingInputError extends Error {
  constructor(
    message: string,
    readonly field = "classes",
  ) {
    super(message);
    this.name = "TrainingInputError";
  }
}

/**
 * The ordered class list a run trains on (the order is the model's output order). Every class
 * must have at least one training sample, or the model could never learn it.
 */
export function resolveTrainingClasses(db: Database.Database, request: { classes?: string[]; classSet?: string | number }): { classes: string[]; classSet: string | null } {
  const trainCounts = new Map(
    (db.prepare(`SELECT label, COUNT(*) AS n FROM samples WHERE split = 'train' GROUP BY label`).all() as { label: string; n: number }[]).map((r) => [r.label, r.n]),
  );
  let classes: string[];
  let classSet: string | null = null;
  if (request.classes) {
    classes = [...new Set(request.classes)];
  } else if (request.classSet !== undefined) {
    const set = getClassSet({ db, ref: request.classSet });
    if (!set) throw new TrainingInputError(`no class set ${JSON.stringify(request.classSet)}`, "classSet");
    classes = [...set.classes];
    classSet = set.name;
  } else {
    classes = [...trainCounts.keys()];
  }
  const missing = classes.filter((c) => !trainCounts.get(c));
  if (missing.length > 0) {
    throw new TrainingInputError(`no training samples for ${missing.map((c) => JSON.stringify(c)).join(", ")}: import or draw some, or leave them out`);
  }
  if (classes.length < 2) throw new TrainingInputError("a model needs at least two classes with training samples");
  return { classes: classes.sort(compareLabels), classSet };
}
