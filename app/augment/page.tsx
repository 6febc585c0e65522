import { getSqlite } from "@/lib/db";
import { ALL_OPERATIONS, DEFAULT_PIPELINE } from "@/lib/augment";
import { listAugmentRuns } from "@/lib/augment-store/augment-runs";
import { listClassTrainCounts } from "@/lib/augment-store/class-train-counts";
import { listClassSets } from "@/lib/dataset/class-sets";
import { AugmentPlanner, type OperationSpec } from "./augment-planner";

export const dynamic = "force-dynamic";

export default async function AugmentPage() {
  const db = getSqlite();
  const [classes, classSets, runs] = await Promise.all([listClassTrainCounts(db), listClassSets({ db }), listAugmentRuns(db, { limit: 30 })]);
  const operations: OperationSpec[] = ALL_OPERATIONS.map((op) => ({ name: op.name, description: op.description, params: op.params, input: op.input }));
  return (
    <>
      <h1>Augment</h1>
      <p className="muted">
        Bring under-represented classes up to a target by generating variants of their <strong>train</strong> originals (val
        and test are never used). Nothing is written until you press Generate; every generated sample keeps its parent, its
        operation chain, parameters and seed, and a batch can be removed as one unit.
      </p>
      <AugmentPlanner
        classes={classes}
        classSets={classSets.map((s) => ({ id: s.id, name: s.name, classes: s.classes }))}
        operations={operations}
        defaultPipeline={DEFAULT_PIPELINE}
        runs={runs}
      />
    </>
  );
}
