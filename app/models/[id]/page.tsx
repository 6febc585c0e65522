import Link from "next/link";
import { notFound } from "next/navigation";
import { getSqlite } from "@/lib/db";
import { getCurrentModel } from "@/lib/training/models";
import { SPLIT_MODE_LABEL } from "@/lib/training/run-view";
import { listClasses } from "@/lib/dataset/resolve-class";
import { countEvaluations, getLatestEvaluation, mostConfusedPairs, requireModel, EVALUATION_SPLITS, type EvaluationSplit } from "@/lib/evaluation/evaluation-store";
import { latestModelJob } from "@/lib/evaluation/enqueue-evaluation";
import { NotFoundError } from "@/lib/dataset/curation-errors";
import { JobButton } from "../../components/evaluation/job-button";
import { ModelEvaluation } from "../../components/evaluation/model-evaluation";
import { ClassificationReport } from "../../components/evaluation/classification-report";
import styles from "../../components/evaluation/evaluation.module.css";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ModelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const [{ id: raw }, search] = await Promise.all([params, searchParams]);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getSqlite();
  let model;
  try {
    model = requireModel(db, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const split: EvaluationSplit = one(search.split) === "val" ? "val" : "test";
  const evaluation = getLatestEvaluation(db, { modelId: id, split });
  const job = latestModelJob(db, { type: "evaluate", modelId: id });
  const activeJobId = job && (job.status === "queued" || job.status === "running") ? job.id : null;
  const classes = JSON.parse(model.classes) as string[];
  const current = getCurrentModel(db);
  const splitLabel = SPLIT_MODE_LABEL[model.splitMode] ?? model.splitMode;
  const t = one(search.true);
  const p = one(search.pred);
  const selected = t !== undefined && p !== undefined && classes.includes(t) && classes.includes(p) ? { trueLabel: t, predLabel: p } : null;
  const pairs = evaluation ? mostConfusedPairs(evaluation.metrics, 12) : [];
  const cellHref = (trueLabel: string, predLabel: string) => `/models/${id}?${new URLSearchParams({ split, true: trueLabel, pred: predLabel })}#cell`;

  return (
    <>
      <h1>
        Model #{id} {model.isCurrent === 1 && <span className="badge succeeded">current</span>}
      </h1>
      <p className="muted">
        <Link href={`/runs/${model.runId}`}>run {model.runId}</Link> · {classes.length} classes · {splitLabel} · engine {model.engine} ·{" "}
        <Link href="/models">all models</Link> · <Link href={`/models/${id}/label-issues`}>label issues</Link> ·{" "}
        <Link href={`/models/${id}/viz`}>what it learned</Link>
        {current && current.id !== id && (
          <>
            {" "}· <Link href={`/models/compare?a=${current.id}&b=${id}`}>compare with current model #{current.id}</Link>
          </>
        )}
      </p>

      <nav className={styles.tabs} aria-label="Split">
        {EVALUATION_SPLITS.map((s) => (
          <Link key={s} href={`/models/${id}?split=${s}`} aria-current={s === split ? "page" : undefined}>
            {s === "test" ? "test split" : "validation split"}
          </Link>
        ))}
      </nav>

      <div className="panel">
        <div className="form-row">
          <JobButton url={`/api/models/${id}/evaluate`} label="Re-evaluate" runningLabel="Evaluating…" activeJobId={activeJobId} />
          <span className="muted">
            {evaluation
              ? `Evaluated ${countEvaluations(db, id)} time${countEvaluations(db, id) === 1 ? "" : "s"}; this one on ${evaluation.createdAt.slice(0, 19).replace("T", " ")} UTC.`
              : activeJobId
                ? "The evaluation queued after training has not finished yet."
                : "Not evaluated yet."}
          </span>
        </div>
        <p className="muted" style={{ marginBottom: 0 }}>
          Scored against the labels the samples have <strong>now</strong>, not the ones the run trained with: relabel a sample below, press
          Re-evaluate, and it moves to its new row.
          {evaluation && evaluation.metrics.relabelledSinceRun > 0 && ` ${evaluation.metrics.relabelledSinceRun} of these samples were relabelled since the run.`}
          {evaluation && evaluation.metrics.skipped > 0 && ` ${evaluation.metrics.skipped} were skipped (deleted, or relabelled to a class this model does not know).`}
        </p>
      </div>

      {evaluation && (
        <>
          <div className="stats" style={{ marginBottom: "1rem" }}>
            <div className="stat">
              <div className="value" data-testid="accuracy">{pct(evaluation.accuracy)}</div>
              <div className="label">
                accuracy on {evaluation.total} {split} samples · <span data-testid="split-mode">{splitLabel}</span>
              </div>
            </div>
            <div className="stat">
              <div className="value">{pct(evaluation.metrics.macro.f1)}</div>
              <div className="label">macro F1 (P {pct(evaluation.metrics.macro.precision)}, R {pct(evaluation.metrics.macro.recall)})</div>
            </div>
            <div className="stat">
              <div className="value">{pct(evaluation.metrics.weighted.f1)}</div>
              <div className="label">weighted F1 (P {pct(evaluation.metrics.weighted.precision)}, R {pct(evaluation.metrics.weighted.recall)})</div>
            </div>
          </div>

          <h2>Confusion matrix</h2>
          <ModelEvaluation
            modelId={id}
            split={split}
            classes={evaluation.metrics.classes}
            confusion={evaluation.metrics.confusion}
            allClasses={listClasses({ db }).map((c) => ({ name: c.name, slug: c.slug }))}
            selected={selected}
            evaluationId={evaluation.id}
          />

          <h2>Most-confused pairs</h2>
          <section className="panel" aria-label="Most-confused pairs">
            {pairs.length === 0 ? (
              <p className="muted">No errors on this split.</p>
            ) : (
              <ol className={styles.pairs}>
                {pairs.map((pair) => (
                  <li key={`${pair.trueLabel}|${pair.predLabel}`}>
                    <Link href={cellHref(pair.trueLabel, pair.predLabel)}>
                      <strong>{pair.trueLabel}</strong> read as <strong>{pair.predLabel}</strong>: {pair.count}
                    </Link>{" "}
                    <span className="muted">({(pair.rate * 100).toFixed(0)}% of the true {pair.trueLabel}s)</span>
                    {pair.reverse > 0 && (
                      <>
                        {" "}· <Link href={cellHref(pair.predLabel, pair.trueLabel)}>{pair.predLabel} read as {pair.trueLabel}: {pair.reverse}</Link>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>

          <h2>Classification report</h2>
          <section className="panel" aria-label="Classification report">
            <ClassificationReport metrics={evaluation.metrics} />
          </section>
        </>
      )}
    </>
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
