import { getSqlite } from "@/lib/db";
import { listClasses } from "@/lib/dataset/resolve-class";
import { DrawPad } from "./draw-pad";

export const dynamic = "force-dynamic";

export default async function DrawPage({ searchParams }: { searchParams: Promise<{ label?: string }> }) {
  const classes = listClasses({ db: getSqlite() });
  const { label } = await searchParams;
  return (
    <>
      <h1>Draw</h1>
      <p className="muted">
        Draw one symbol with a mouse, pen or finger. The preview is the 45×45 picture the model will get, rendered from your strokes by the
        same code the server uses; saving stores the strokes, that picture and your drawing as a new <code>canvas</code> sample.
      </p>
      <DrawPad classes={classes} initialLabel={classes.some((c) => c.name === label) ? label! : ""} />
    </>
  );
}
