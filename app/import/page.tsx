import Link from "next/link";
import { getPrisma } from "@/lib/db";
import { listImports } from "@/lib/dataset/list-imports";
import { countWriters } from "@/lib/dataset/count-writers";
import { ImportForms } from "./import-forms";

export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const [imports, writers] = await Promise.all([listImports(getPrisma(), { take: 10 }), countWriters(getPrisma())]);
  return (
    <>
      <h1>Import</h1>
      <p className="muted">
        A folder of class folders (the Kaggle “handwritten math symbols” layout: <code>7/</code>, <code>times/</code>,{" "}
        <code>X/</code>…), a .zip or .tar.gz of one, or MNIST idx files (<code>*-idx3-ubyte[.gz]</code> with its labels
        beside it). Identical pictures are stored once; pictures found under two classes are flagged; unreadable files
        are listed with the reason and the import goes on.
      </p>
      <p className="muted">
        Online ink in InkML (CROHME, MathWriting): a folder, .zip or .tar.gz of <code>.inkml</code> files, or one file.
        Each symbol becomes a sample drawn from its strokes, keeping the strokes, the writer and the expression it
        came from; whole expressions are listed under <Link href="/expressions">Expressions</Link>.
      </p>
      <p data-testid="writers-known">
        Writers known: <strong>{writers.writers}</strong>{" "}
        <span className="muted">
          ({writers.samplesWithWriter} samples with a writer, {writers.expressions} expressions)
          {writers.writers > 0 ? "; writer-disjoint splits are possible." : "; import InkML to allow writer-disjoint splits."}
        </span>
      </p>
      <ImportForms />
      <h2>Earlier imports</h2>
      <div className="panel">
        {imports.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul>
            {imports.map((b) => (
              <li key={b.id}>
                <Link href={`/imports/${b.id}`}>
                  #{b.id} {b.sourcePath}
                </Link>{" "}
                <span className={`badge ${b.status}`}>{b.status}</span> {b.imported} new, {b.duplicates} duplicates,{" "}
                {b.rejected} rejected
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
