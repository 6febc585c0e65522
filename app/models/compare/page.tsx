import Link from "next/link";
import { getSqlite } from "@/lib/db";
import { listModels } from "@/lib/training/models";
import { compareModels } from "@/lib/evaluation/compare-models";
import { compareQuerySchema } from "@/lib/evaluation/evaluation-requests";
import { NotFoundError } from "@/lib/dataset/curation-errors";
import styles from "../../components/evaluation/evaluation.module.css";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function ComparePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const db = getSqlite();
  const models = listModels(db);
  const parsed = compareQuerySchema.safeParse({ a: search.a ?? models[1]?.id, b: search.b ?? models[0]?.id, split: search.split });
  let comparison = null;
  let problem: string | null = null;
  if (parsed.success) {
    try {
      comparison = compareModels(db, parsed.data);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      problem = err.message;
    }
  } else if (models.length >= 2) problem = "choose two models";
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
  return (
    <>
      <h1>Compare models</h1>
      <form className="panel form-row" method="get">
        <label>
          A (before){" "}
          <select name="a" defaultValue={parsed.success ? parsed.data.a : undefined}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>#{m.id} · run {m.runId}</option>
            ))}
          </select>
        </label>
        <label>
          B (after){" "}
          <select name="b" defaultValue={parsed.success ? parsed.data.b : undefined}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>#{m.id} · run {m.runId}</option>
            ))}
          </select>
        </label>
        <label>
          Split{" "}
          <select name="split" defaultValue={parsed.success ? parsed.data.split : "test"}>
            <option value="test">test</option>
            <option value="val">val</option>
          </select>
        </label>
        <button type="submit">Compare</button>
      </form>
      {problem && <p className="panel error" role="alert">{problem}</p>}
      {comparison && (
        <>
          <div className="stats" style={{ marginBottom: "1rem" }}>
            <div className="stat">
              <div className="value">{pct(comparison.a.accuracy)}</div>
              <div className="label"><Link href={`/models/${comparison.a.id}`}>model #{comparison.a.id}</Link> on {comparison.a.total} samples</div>
            </div>
            <div className="stat">
              <div className="value">{pct(comparison.b.accuracy)}</div>
              <div className="label"><Link href={`/models/${comparison.b.id}`}>model #{comparison.b.id}</Link> on {comparison.b.total} samples</div>
            </div>
            <div className="stat">
              <div className="value">
                {comparison.common ? `${pct(comparison.commonAccuracyA)} → ${pct(comparison.commonAccuracyB)}` : "—"}
              </div>
              <div className="label">
                on the {comparison.common} samples both scored: <span className="ok">{comparison.fixed} fixed</span>, <span className="error">{comparison.broken} broken</span>
              </div>
            </div>
          </div>
          <h2>Per-class F1</h2>
          <section className="panel">
            <table aria-label="Per-class F1" style={{ width: "auto" }}>
              <thead>
                <tr><th>class</th><th className="num">F1 A</th><th className="num">F1 B</th><th className="num">change</th><th className="num">support A / B</th></tr>
              </thead>
              <tbody>
                {comparison.perClass.map((c) => {
                  const d = c.f1A !== null && c.f1B !== null ? c.f1B - c.f1A : null;
                  return (
                    <tr key={c.name}>
                      <th scope="row">{c.name}</th>
                      <td className="num">{c.f1A === null ? "—" : c.f1A.toFixed(2)}</td>
                      <td className="num">{c.f1B === null ? "—" : c.f1B.toFixed(2)}</td>
                      <td className={`num ${d === null || Math.abs(d) < 0.005 ? "muted" : d > 0 ? "ok" : "error"}`}>{d === null ? "—" : `${d > 0 ? "+" : ""}${d.toFixed(2)}`}</td>
                      <td className="num">{c.supportA} / {c.supportB}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <h2>Difference confusion matrix (B − A)</h2>
          <section className="panel">
            <p className="muted" style={{ marginTop: 0 }}>
              On the samples both models scored. Green is better: more on the diagonal, fewer off it. Red is worse.
            </p>
            {comparison.common === 0 ? (
              <p className="muted">The two evaluations share no samples (or one model is not evaluated yet).</p>
            ) : (
              <div className={styles.matrixWrap}>
                <table className={styles.matrix} aria-label="Difference confusion matrix">
                  <thead>
                    <tr>
                      <th className={styles.corner}>true ↓ pred →</th>
                      {comparison.classes.map((c) => <th key={c} scope="col">{c}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.classes.map((t, ti) => (
                      <tr key={t}>
                        <th scope="row">{t}</th>
                        {comparison.classes.map((p, pi) => {
                          const d = comparison.diff[ti]![pi]!;
                          const better = ti === pi ? d > 0 : d < 0;
                          const alpha = Math.min(1, 0.25 + Math.abs(d) / 5);
                          const bg = d === 0 ? "#f4f4f2" : better ? `rgba(43, 138, 62, ${alpha})` : `rgba(201, 42, 42, ${alpha})`;
                          return (
                            <td key={p}>
                              <div className={styles.cell} style={{ background: bg, display: "grid", placeItems: "center" }} title={`${t} read as ${p}: ${d > 0 ? "+" : ""}${d}`}>
                                {d === 0 ? "" : `${d > 0 ? "+" : ""}${d}`}
                              </div>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
