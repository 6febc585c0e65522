import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { getImport } from "@/lib/dataset/list-imports";

export const dynamic = "force-dynamic";

export default async function ImportBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const batch = await getImport(getPrisma(), { id });
  if (!batch) notFound();
  const classes = Object.entries(batch.classCounts).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <h1>
        Import #{batch.id} <span className={`badge ${batch.status}`}>{batch.status}</span>
      </h1>
      <div className="panel">
        <p>
          <strong>{batch.kind}</strong> · {batch.sourcePath}
        </p>
        <p className="muted">
          started {batch.startedAt.toLocaleString("en-GB")}
          {batch.finishedAt && `, finished ${batch.finishedAt.toLocaleString("en-GB")}`}
        </p>
        {batch.error && <p className="error">{batch.error}</p>}
        <table style={{ maxWidth: 480 }}>
          <tbody>
            <tr><td>{batch.kind === "inkml" ? "symbols read, and files rejected" : "files read"}</td><td className="num">{batch.total}</td></tr>
            <tr><td>new distinct images</td><td className="num">{batch.imported}</td></tr>
            <tr><td>duplicates (already stored)</td><td className="num">{batch.duplicates}</td></tr>
            <tr><td>images under two or more classes</td><td className="num">{batch.conflicts}</td></tr>
            <tr><td>rejected</td><td className="num">{batch.rejected}</td></tr>
          </tbody>
        </table>
        {classes.length > 0 && <p>Per class: {classes.map(([k, v]) => `${k} ${v}`).join(" · ")}</p>}
        {batch.kind === "inkml" && (
          <p>
            <Link href={`/expressions?batch=${batch.id}`}>Expressions of this import</Link>
          </p>
        )}
      </div>
      {batch.rejectionList.length > 0 && (
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>Rejected files</h2>
          <table>
            <thead><tr><th>file</th><th>reason</th></tr></thead>
            <tbody>
              {batch.rejectionList.map((r) => (
                <tr key={r.id}><td>{r.path}</td><td className="error">{r.reason}</td></tr>
              ))}
            </tbody>
          </table>
          {batch.rejected > batch.rejectionList.length && <p className="muted">Showing the first {batch.rejectionList.length} of {batch.rejected}.</p>}
        </div>
      )}
    </>
  );
}
