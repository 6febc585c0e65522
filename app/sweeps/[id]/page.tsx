import Link from "next/link";
import { notFound } from "next/navigation";
import { getSqlite } from "@/lib/db";
import { getSweepView } from "@/lib/training/sweep-view";
import { SweepChart } from "./sweep-chart";
import { AutoRefresh } from "../../components/auto-refresh";

export const dynamic = "force-dynamic";

export default async function SweepPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const sweep = getSweepView(getSqlite(), id);
  if (!sweep) notFound();
  const live = sweep.runs.some((r) => r.status === "queued" || r.status === "running");
  const best = sweep.runs.reduce<number | null>((b, r) => (r.valAccuracy !== null && (b === null || r.valAccuracy > b) ? r.valAccuracy : b), null);
  return (
    <>
      {live && <AutoRefresh everyMs={3000} />}
      <h1>Sweep #{sweep.id}: {sweep.name}</h1>
      <p className="muted">
        {sweep.runs.length} runs over {Object.entries(sweep.grid).map(([k, v]) => `${k} ∈ {${v.join(", ")}}`).join(" × ")}
      </p>
      <div className="panel">
        <SweepChart runs={sweep.runs.map((r) => ({ label: r.label, valAccuracy: r.valAccuracy, macroF1: r.macroF1 }))} />
      </div>
      <div className="panel">
        <table aria-label="Sweep runs">
          <thead>
            <tr>
              <th>run</th>
              {Object.keys(sweep.grid).map((k) => <th key={k}>{k}</th>)}
              <th>status</th><th className="num">val acc</th><th className="num">macro F1</th><th className="num">time</th><th className="num">size</th>
            </tr>
          </thead>
          <tbody>
            {sweep.runs.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/runs/${r.id}`}>#{r.id}</Link></td>
                {Object.keys(sweep.grid).map((k) => <td key={k}>{JSON.stringify(r.varied[k])}</td>)}
                <td><span className={`badge ${r.status}`}>{r.status}</span>{r.status === "running" ? ` ${(r.progress * 100).toFixed(0)}%` : ""}</td>
                <td className="num">{r.valAccuracy === null ? "—" : <span style={{ fontWeight: r.valAccuracy === best ? 700 : 400 }}>{(r.valAccuracy * 100).toFixed(2)}%</span>}</td>
                <td className="num">{r.macroF1 === null ? "—" : `${(r.macroF1 * 100).toFixed(2)}%`}</td>
                <td className="num">{r.durationMs ? `${(r.durationMs / 1000).toFixed(0)} s` : "—"}</td>
                <td className="num">{r.sizeBytes ? `${(r.sizeBytes / 1024).toFixed(0)} KB` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
