import Link from "next/link";
import { getSqlite } from "@/lib/db";
import { listClassSets } from "@/lib/dataset/class-sets";
import { compareLabels } from "@/lib/dataset/class-counts";
import { listRuns } from "@/lib/training/create-run";
import { toRunView } from "@/lib/training/run-view";
import { TrainForm } from "./train-form";
import { SweepForm } from "./sweep-form";

export const dynamic = "force-dynamic";

export default function TrainPage() {
  const db = getSqlite();
  const classes = (db.prepare(`SELECT label, COUNT(*) AS n FROM samples WHERE split = 'train' GROUP BY label`).all() as { label: string; n: number }[]).sort((a, b) =>
    compareLabels(a.label, b.label),
  );
  const classSets = listClassSets({ db });
  const runs = listRuns(db, { limit: 30 }).map((r) => toRunView(r));
  return (
    <>
      <h1>Train</h1>
      <p className="muted">
        Training runs in the background worker; you can keep curating while it trains. Each run freezes the exact samples and labels it
        uses, so later relabels do not change what it saw.
      </p>
      <TrainForm classes={classes} classSets={classSets.map((s) => ({ id: s.id, name: s.name, classes: [...s.classes] }))} />
      <SweepForm classSets={classSets.map((s) => ({ id: s.id, name: s.name }))} />
      <h2>Runs</h2>
      <div className="panel">
        {runs.length === 0 ? (
          <p className="muted">No runs yet.</p>
        ) : (
          <table>
            <thead>
              <tr><th>run</th><th>status</th><th>classes</th><th>split</th><th className="num">epochs</th><th className="num">val acc</th><th className="num">test acc</th><th className="num">macro F1</th><th className="num">samples/s</th><th>engine</th></tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td><Link href={`/runs/${r.id}`}>#{r.id}</Link>{r.sweepId ? <> · <Link href={`/sweeps/${r.sweepId}`}>sweep {r.sweepId}</Link></> : null}</td>
                  <td><span className={`badge ${r.status}`}>{r.status}</span></td>
                  <td>{r.classSet ?? `${r.classes.length} classes`}</td>
                  <td>{r.splitModeLabel}</td>
                  <td className="num">{r.epochsRun}/{String(r.config.epochs)}</td>
                  <td className="num">{pct(r.valAccuracy)}</td>
                  <td className="num">{pct(r.testAccuracy)}</td>
                  <td className="num">{pct(r.macroF1)}</td>
                  <td className="num">{r.samplesPerSec ? Math.round(r.samplesPerSec) : "—"}</td>
                  <td>{r.engine ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
