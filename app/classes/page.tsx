import { getPrisma, getSqlite } from "@/lib/db";
import { getClassCounts } from "@/lib/dataset/class-counts";
import { listClassSets } from "@/lib/dataset/class-sets";
import { ClassManager } from "./class-manager";
import { ClassSetsEditor } from "./class-sets-editor";

export const dynamic = "force-dynamic";

export default async function ClassesPage() {
  const [classes, sets] = await Promise.all([getClassCounts(getPrisma()), listClassSets({ db: getSqlite() })]);
  return (
    <>
      <h1>Classes</h1>
      <ClassManager classes={classes} />
      <h2>Class sets</h2>
      <p className="muted">
        A class set is the list of classes a model is trained on; samples of other classes are simply not used by that model.
      </p>
      <ClassSetsEditor sets={sets} classNames={classes.map((c) => c.name)} />
    </>
  );
}
