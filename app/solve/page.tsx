import Link from "next/link";
import { getSqlite } from "@/lib/db";
import { JUNK_LABEL } from "@/lib/dataset/class-names";
import { listClasses } from "@/lib/dataset/resolve-class";
import { getCurrentModel } from "@/lib/training/models";
import { SolvePad } from "./solve-pad";

export const dynamic = "force-dynamic";

export default async function SolvePage() {
  const db = getSqlite();
  const model = getCurrentModel(db);
  const classes = listClasses({ db }).map((c) => c.name);
  // Junk is what a crop is when it is no symbol: never a reading, nor a correction to solve with.
  const modelClasses = model ? (JSON.parse(model.classes) as string[]).filter((c) => c !== JUNK_LABEL) : [];
  return (
    <>
      <h1>Solve</h1>
      <p className="muted">
        Write an equation with a mouse, pen or finger, or upload a photo or scan of one on paper. Two lines are solved as a system (a brace before them is fine), and lines that make none, such as a page of working, one by one; end a sum with = to ask for its value; a fraction may be written stacked, over a bar, and a square root covers all its bar runs over. Click a
        box to correct a symbol: the equation is solved again at once and the crop is saved as a sample (source <code>equation</code>) for
        the next training run.
      </p>
      {model ? (
        <p className="muted">
          Model #{model.id} {model.name}: {modelClasses.join(" ")}
        </p>
      ) : (
        <p role="alert">
          No model yet: <Link href="/train">train a model first</Link>, then come back.
        </p>
      )}
      <SolvePad modelClasses={modelClasses} allClasses={classes.filter((c) => c !== JUNK_LABEL)} />
    </>
  );
}
