import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { countWriters } from "@/lib/dataset/count-writers";
import { listExpressions, listExpressionWriters, type ExpressionFilter } from "@/lib/dataset/list-expressions";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

const query = z.object({
  writer: z.string().trim().optional().catch(undefined),
  q: z.string().trim().optional().catch(undefined),
  batch: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

export default async function ExpressionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = query.parse(await searchParams);
  const prisma = getPrisma();
  const [writers, stats] = await Promise.all([listExpressionWriters(prisma), countWriters(prisma)]);
  const filter: ExpressionFilter = { writer: params.writer || undefined, latex: params.q || undefined, batchId: params.batch };
  return (
    <>
      <h1>Expressions</h1>
      <p className="muted">
        Whole handwritten expressions from InkML imports: the ink, its LaTeX truth and its symbols, each of which is a
        sample. <code>npm run export:expressions -- --out DIR</code> writes them as images with symbol boxes for the
        equation solver.
      </p>
      <div className="stats">
        <div className="stat"><div className="value" data-testid="expression-count">{stats.expressions}</div><div className="label">expressions</div></div>
        <div className="stat"><div className="value" data-testid="writer-count">{stats.writers}</div><div className="label">writers known</div></div>
        <div className="stat"><div className="value">{stats.samplesWithWriter}</div><div className="label">samples with a writer</div></div>
      </div>
      <form className="inline panel" method="get" action="/expressions" aria-label="Filter expressions" style={{ marginTop: "1rem" }}>
        <label htmlFor="filter-q">LaTeX contains</label>
        <input id="filter-q" type="text" name="q" defaultValue={params.q ?? ""} placeholder="\frac" style={{ minWidth: 200 }} />
        <label htmlFor="filter-writer">Writer</label>
        <select id="filter-writer" name="writer" defaultValue={params.writer ?? ""} style={{ minWidth: 200 }}>
          <option value="">any writer</option>
          {writers.map((w) => (
            <option key={w.writer} value={w.writer}>
              {w.writer} ({w.expressions})
            </option>
          ))}
        </select>
        {params.batch && <input type="hidden" name="batch" value={params.batch} />}
        <button type="submit">Filter</button>
        {(params.q || params.writer || params.batch) && <Link href="/expressions">clear</Link>}
      </form>
      <Suspense key={JSON.stringify(params)} fallback={<div className="panel muted">Loading expressions…</div>}>
        <ExpressionTable filter={filter} page={params.page} />
      </Suspense>
    </>
  );
}

async function ExpressionTable({ filter, page }: { filter: ExpressionFilter; page: number }) {
  const { items, total } = await listExpressions(getPrisma(), { ...filter, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (p: number) => {
    const sp = new URLSearchParams();
    if (filter.latex) sp.set("q", filter.latex);
    if (filter.writer) sp.set("writer", filter.writer);
    if (filter.batchId) sp.set("batch", String(filter.batchId));
    sp.set("page", String(p));
    return `/expressions?${sp}`;
  };
  if (total === 0) {
    return (
      <p className="panel muted">
        No expressions{filter.latex || filter.writer || filter.batchId ? " match these filters" : " yet"}. <Link href="/import">Import InkML</Link>{" "}
        (a folder or archive of .inkml files) to see them here.
      </p>
    );
  }
  return (
    <div className="panel">
      <p className="muted" style={{ marginTop: 0 }}>
        {total} expressions · page {page} of {pages}
      </p>
      <table aria-label="Expressions">
        <thead>
          <tr><th>#</th><th>LaTeX truth</th><th>writer</th><th className="num">symbols</th><th>file</th></tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td><Link href={`/expressions/${e.id}`}>{e.id}</Link></td>
              <td><Link href={`/expressions/${e.id}`}><code>{e.latex ?? "—"}</code></Link></td>
              <td>{e.writer ? <Link href={`/expressions?writer=${encodeURIComponent(e.writer)}`}>{e.writer}</Link> : <span className="muted">unknown</span>}</td>
              <td className="num">{e.symbolCount}</td>
              <td className="muted">{e.path}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <p>
          {page > 1 && <Link href={pageHref(page - 1)}>← previous</Link>} {page < pages && <Link href={pageHref(page + 1)}>next →</Link>}
        </p>
      )}
    </div>
  );
}
