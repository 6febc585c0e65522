import Link from "next/link";
import { getPrisma } from "@/lib/db";
import { listImports } from "@/lib/dataset/list-imports";
import { ImportForms } from "./import-forms";

export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const imports = await listImports(getPrisma(), { take: 10 });
  return (
    <>
      <h1>Import</h1>
      <p className="muted">
        A folder of class folders (the Kaggle “handwritten math symbols” layout: <code>7/</code>, <code>times/</code>,{" "}
        <code>X/</code>…), a .zip or .tar.gz of one, or MNIST idx files (<code>*-idx3-ubyte[.gz]</code> with its labels
        beside it). Identical pictures are stored once; pictures found under two classes are flagged; unreadable files
        are listed with the reason and the import goes on.
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
