import Link from "next/link";
import { getPrisma } from "@/lib/db";
import { getClassCounts } from "@/lib/dataset/class-counts";
import { listImports } from "@/lib/dataset/list-imports";
import { ClassBalanceChart } from "./components/curation/class-balance-chart";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const prisma = getPrisma();
  const [classes, imports, totals, conflicts] = await Promise.all([
    getClassCounts(prisma),
    listImports(prisma, { take: 5 }),
    prisma.sample.aggregate({ _count: { _all: true }, _sum: { copies: true } }),
    prisma.sample.count({ where: { conflict: true } }),
  ]);
  const counts = classes.map((c) => c.total).filter((n) => n > 0);
  const ratio = counts.length > 1 ? Math.max(...counts) / Math.min(...counts) : 1;
  const firstSample = await Promise.all(
    classes.map((c) => prisma.sample.findFirst({ where: { label: c.name }, select: { id: true }, orderBy: { id: "asc" } })),
  );
  return (
    <>
      <h1>Overview</h1>
      <div className="stats">
        <Stat label="distinct samples" value={totals._count._all} />
        <Stat label="files (with copies)" value={totals._sum.copies ?? 0} />
        <Stat label="classes" value={classes.length} />
        <Stat label="imbalance (largest / smallest)" value={`${ratio.toFixed(1)}×`} />
        <Stat label="images under two classes" value={conflicts} />
      </div>

      {classes.length > 0 && (
        <>
          <h2>Class balance</h2>
          <ClassBalanceChart classes={classes} />
        </>
      )}

      <h2>Classes</h2>
      {classes.length === 0 ? (
        <p className="panel">
          No samples yet. <Link href="/import">Import a dataset</Link> to begin.
        </p>
      ) : (
        <div className="symbol-grid" aria-label="Classes">
          {classes.map((c, i) => (
            <div className="symbol-card" key={c.name} data-testid={`class-${c.slug}`}>
              {firstSample[i] && <img src={`/api/samples/${firstSample[i]!.id}/image`} alt={`a sample of ${c.name}`} />}
              <div>
                <div className="sym">{c.symbol}</div>
                <div className="muted">{c.total}</div>
              </div>
            </div>
          ))}
        </div>
      )}

      <h2>Recent imports</h2>
      <div className="panel">
        {imports.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>source</th>
                <th>status</th>
                <th className="num">new</th>
                <th className="num">duplicates</th>
                <th className="num">conflicts</th>
                <th className="num">rejected</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link href={`/imports/${b.id}`}>{b.id}</Link>
                  </td>
                  <td>{b.sourcePath}</td>
                  <td>
                    <span className={`badge ${b.status}`}>{b.status}</span>
                  </td>
                  <td className="num">{b.imported}</td>
                  <td className="num">{b.duplicates}</td>
                  <td className="num">{b.conflicts}</td>
                  <td className="num">{b.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="stat">
      <div className="value">{typeof value === "number" ? value.toLocaleString("en") : value}</div>
      <div className="label">{label}</div>
    </div>
  );
}
