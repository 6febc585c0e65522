"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { ParamSpec } from "@/lib/augment/operation";
import type { Pipeline } from "@/lib/augment/recipe-types";
import type { AugmentRunView, ClassTrainCount, PlanSummary } from "@/lib/augment-store";
import { useJobPolling } from "../components/use-job-polling";
import { BalanceChart } from "./balance-chart";
import { PipelineEditor, type StepState } from "./pipeline-editor";
import { RunsList } from "./runs-list";
import styles from "./augment.module.css";

export interface OperationSpec {
  name: string;
  description: string;
  params: Readonly<Record<string, ParamSpec>>;
  /** "strokes": redraws ink samples from their strokes, so it must lead the pipeline. */
  input: "pixels" | "strokes";
}

interface GalleryRow {
  key: string;
  title: string;
  params: Record<string, unknown> | null;
  items: { sampleId: number; label: string; src: string }[];
  note: string | null;
}

type TargetKind = "count" | "median" | "largest";
type Fetched<T> = { data: T; errors?: undefined } | { data?: undefined; errors: string[] };

const DEBOUNCE_MS = 400;

/**
 * Every operation, the default pipeline's first (enabled, with its ranges), the rest unchecked;
 * stroke operations lead, since the pipeline runs steps in the listed order and they must be first.
 */
function initialSteps(operations: OperationSpec[], pipeline: Pipeline): StepState[] {
  const fromDefault = pipeline.steps.map((step) => {
    const op = operations.find((o) => o.name === step.op)!;
    const params: Record<string, [number, number]> = {};
    for (const [key, spec] of Object.entries(op.params)) {
      const value = step.params?.[key] ?? spec.default;
      params[key] = typeof value === "number" ? [value, value] : [value[0], value[1]];
    }
    return { op: step.op, enabled: true, probability: step.probability ?? 1, params };
  });
  const rest = operations
    .filter((o) => !pipeline.steps.some((s) => s.op === o.name))
    .map((o) => ({
      op: o.name,
      enabled: false,
      probability: 1,
      params: Object.fromEntries(Object.entries(o.params).map(([k, spec]) => [k, [spec.default, spec.default] as [number, number]])),
    }));
  const leads = (s: StepState) => (operations.find((o) => o.name === s.op)?.input === "strokes" ? 0 : 1);
  return [...fromDefault, ...rest].sort((a, b) => leads(a) - leads(b));
}

function toPipeline(steps: StepState[]) {
  return {
    steps: steps
      .filter((s) => s.enabled)
      .map((s) => ({
        op: s.op,
        params: Object.fromEntries(Object.entries(s.params).map(([k, [lo, hi]]) => [k, lo === hi ? lo : [lo, hi]])),
        ...(s.probability < 1 ? { probability: s.probability } : {}),
      })),
  };
}

async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<Fetched<T>> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
  // An aborted request (a newer preview replaced it) must not look like an empty success.
  const json = (await res.json().catch((err: unknown) => {
    if (signal?.aborted) throw err;
    return {};
  })) as T & { message?: string; errors?: string[] };
  if (!res.ok) return { errors: json.errors ?? [json.message ?? `request failed (${res.status})`] };
  return { data: json };
}

export function AugmentPlanner(props: {
  classes: ClassTrainCount[];
  classSets: { id: number; name: string; classes: string[] }[];
  operations: OperationSpec[];
  defaultPipeline: Pipeline;
  runs: AugmentRunView[];
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [classSet, setClassSet] = useState("");
  const [targetKind, setTargetKind] = useState<TargetKind>("median");
  const [targetN, setTargetN] = useState(100);
  const [includeSynthetic, setIncludeSynthetic] = useState(false);
  const [seed, setSeed] = useState(1);
  const [steps, setSteps] = useState(() => initialSteps(props.operations, props.defaultPipeline));
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [planErrors, setPlanErrors] = useState<string[]>([]);
  const [planning, setPlanning] = useState(false);
  const [gallery, setGallery] = useState<GalleryRow[]>([]);
  const [galleryErrors, setGalleryErrors] = useState<string[]>([]);
  const [jobId, setJobId] = useState<number | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const job = useJobPolling(jobId);

  const pipeline = useMemo(() => toPipeline(steps), [steps]);
  const request = useMemo(
    () => ({
      ...(classSet ? { classSet: Number(classSet) } : { classes: chosen }),
      target: targetKind === "count" ? targetN : targetKind,
      includeSynthetic,
      pipeline,
      seed,
    }),
    [classSet, chosen, targetKind, targetN, includeSynthetic, pipeline, seed],
  );
  const hasClasses = classSet !== "" || chosen.length > 0;
  const galleryClasses = classSet ? (props.classSets.find((s) => String(s.id) === classSet)?.classes ?? []) : chosen;

  // The plan follows every change, debounced; a newer request aborts the one in flight.
  useEffect(() => {
    if (!hasClasses) {
      setPlan(null);
      setPlanErrors([]);
      return;
    }
    const controller = new AbortController();
    setPlanning(true);
    const timer = setTimeout(async () => {
      try {
        const result = await postJson<PlanSummary>("/api/augment/plan", request, controller.signal);
        setPlan(result.data ?? null);
        setPlanErrors(result.errors ?? []);
      } catch {
        // aborted by a newer request
      } finally {
        if (!controller.signal.aborted) setPlanning(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [request, hasClasses, refresh]);

  const galleryRequest = useMemo(() => ({ pipeline, seed, classes: galleryClasses }), [pipeline, seed, galleryClasses.join("\u0000")]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const result = await postJson<{ rows: GalleryRow[] }>("/api/augment/preview-images", galleryRequest, controller.signal);
        if (result.data) setGallery(result.data.rows ?? []);
        setGalleryErrors(result.errors ?? []);
      } catch {
        // aborted by a newer request
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [galleryRequest]);

  // When the run finishes, re-plan against the new counts and reload the runs and class counts.
  const finished = job && ["succeeded", "failed", "cancelled"].includes(job.status);
  useEffect(() => {
    if (!finished) return;
    setRefresh((n) => n + 1);
    router.refresh();
  }, [finished, router]);

  async function generate() {
    setStartError(null);
    setJobId(null);
    const result = await postJson<{ jobId: number; runId: number }>("/api/augment/runs", request);
    if (result.errors) setStartError(result.errors.join("; "));
    else {
      setRunId(result.data.runId);
      setJobId(result.data.jobId);
    }
  }

  const running = job !== null && (job.status === "queued" || job.status === "running");
  const toggle = (name: string, on: boolean) => setChosen((c) => (on ? [...c, name] : c.filter((x) => x !== name)));
  const slugOf = new Map(props.classes.map((c) => [c.name, c.slug]));

  return (
    <>
      <div className={styles.grid}>
        <div>
          <section className="panel" aria-labelledby="classes-heading">
            <h2 id="classes-heading" style={{ marginTop: 0 }}>
              Classes
            </h2>
            <div className={styles.row}>
              <label htmlFor="class-set">Class set</label>
              <select id="class-set" value={classSet} onChange={(e) => setClassSet(e.target.value)} style={{ minWidth: 200 }}>
                <option value="">— pick classes below —</option>
                {props.classSets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.classes.length})
                  </option>
                ))}
              </select>
              {!classSet && chosen.length > 0 && (
                <button type="button" className="secondary" onClick={() => setChosen([])}>
                  Clear
                </button>
              )}
            </div>
            {classSet ? (
              <p className="muted">Median and largest are taken over the set’s classes.</p>
            ) : (
              <div className={styles.classes} role="group" aria-label="Classes to rebalance">
                {props.classes.map((c) => (
                  <label key={c.name} className={styles.classChip} title={`${c.originals} train originals, ${c.augmented} augmented`}>
                    <input type="checkbox" aria-label={c.name} checked={chosen.includes(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} />
                    <span>{c.symbol}</span>
                    <span className={styles.count} data-testid={`train-count-${c.slug}`}>
                      {c.train}
                    </span>
                  </label>
                ))}
              </div>
            )}
            <p className="muted" style={{ fontSize: "0.8rem", margin: 0 }}>
              Counts are train-split samples, augmented included.
            </p>
          </section>

          <section className="panel" aria-labelledby="target-heading">
            <h2 id="target-heading" style={{ marginTop: 0 }}>
              Target
            </h2>
            <div className={styles.row} role="radiogroup" aria-label="Target">
              <label>
                <input type="radio" name="target" checked={targetKind === "count"} onChange={() => setTargetKind("count")} /> A number
              </label>
              <input
                type="number"
                aria-label="Target count"
                min={0}
                value={targetN}
                onFocus={() => setTargetKind("count")}
                onChange={(e) => {
                  setTargetKind("count");
                  setTargetN(Math.max(0, Math.round(Number(e.target.value))));
                }}
              />
              <label>
                <input type="radio" name="target" checked={targetKind === "median"} onChange={() => setTargetKind("median")} /> Match the median
              </label>
              <label>
                <input type="radio" name="target" checked={targetKind === "largest"} onChange={() => setTargetKind("largest")} /> Match the largest
              </label>
            </div>
            <div className={styles.row}>
              <label htmlFor="seed">Seed</label>
              <input id="seed" type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.round(Number(e.target.value))))} />
            </div>
            <div className={styles.row}>
              <label>
                <input type="checkbox" checked={includeSynthetic} onChange={(e) => setIncludeSynthetic(e.target.checked)} /> Include synthetic samples as
                sources
              </label>
            </div>
          </section>

        </div>

        <div>
          <section className="panel" aria-labelledby="plan-heading">
            <h2 id="plan-heading" style={{ marginTop: 0 }}>
              Plan {planning && <span className="muted" style={{ fontSize: "0.8rem" }}>updating…</span>}
            </h2>
            {!hasClasses && <p className="muted">Choose classes or a class set to see what would be generated.</p>}
            {planErrors.length > 0 && (
              <ul className="error" role="alert" aria-label="Plan errors">
                {planErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
            {plan && hasClasses && (
              <div className={planning ? styles.stale : undefined}>
                <BalanceChart rows={plan.chart} />
                <table aria-label="Plan per class">
                  <thead>
                    <tr>
                      <th>class</th>
                      <th className="num">train now</th>
                      <th className="num">target</th>
                      <th className="num">to generate</th>
                      <th className="num">originals</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.classes.map((c) => (
                      <tr key={c.label} data-testid={`plan-row-${slugOf.get(c.label) ?? c.label}`}>
                        <td>{c.label}</td>
                        <td className="num" data-testid="current">
                          {c.current}
                        </td>
                        <td className="num">{c.target}</td>
                        <td className="num" data-testid="to-generate">
                          {c.toGenerate}
                        </td>
                        <td className="num">{c.sourceCount}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th>total</th>
                      <th className="num">{plan.total.current}</th>
                      <th className="num">{plan.total.target}</th>
                      <th className="num" data-testid="total-to-generate">
                        {plan.total.toGenerate}
                      </th>
                      <th />
                    </tr>
                  </tfoot>
                </table>
                {plan.warnings.length > 0 && (
                  <details className="warn" open={plan.warnings.length <= 3}>
                    <summary>
                      {plan.warnings.length} warning{plan.warnings.length === 1 ? "" : "s"}
                    </summary>
                    <ul className={styles.warnings} aria-label="Plan warnings">
                      {plan.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  </details>
                )}
                <div className={styles.row} style={{ marginTop: "0.8rem" }}>
                  <button type="button" onClick={generate} disabled={running || planning || planErrors.length > 0 || plan.total.toGenerate === 0}>
                    Generate {plan.total.toGenerate.toLocaleString("en")} samples
                  </button>
                </div>
              </div>
            )}
            {startError && (
              <p className="error" role="alert">
                {startError}
              </p>
            )}
            {job && (
              <div aria-label="Augment progress">
                <div>
                  Run #{runId}, job #{job.id}: <span className={`badge ${job.status}`}>{job.status}</span> <span className="muted">{job.message}</span>{" "}
                  {running && (
                    <button type="button" className="secondary" onClick={() => void fetch(`/api/jobs/${job.id}`, { method: "DELETE" })}>
                      Cancel
                    </button>
                  )}
                </div>
                {running && (
                  <div className="progress" role="progressbar" aria-label="Generating" aria-valuenow={Math.round(job.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
                    <div style={{ width: `${(job.progress * 100).toFixed(1)}%` }} />
                  </div>
                )}
                {job.status === "failed" && (
                  <p className="error" role="alert">
                    {job.error}
                  </p>
                )}
              </div>
            )}
          </section>

        </div>
      </div>

      <div className={styles.grid2}>
        <section className="panel" aria-labelledby="pipeline-heading">
          <h2 id="pipeline-heading" style={{ marginTop: 0 }}>
            Operations
          </h2>
          <p className="muted" style={{ marginTop: 0 }}>
            Each generated image runs the checked operations in order, with parameters drawn from the ranges; “chance” is
            how often a step is included.
          </p>
          <PipelineEditor operations={props.operations} steps={steps} onChange={setSteps} />
        </section>
        <section className="panel" aria-labelledby="gallery-heading">
          <h2 id="gallery-heading" style={{ marginTop: 0 }}>
            Sample outputs
          </h2>
          {galleryErrors.length > 0 && (
            <ul className="error" role="alert" aria-label="Gallery errors">
              {galleryErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          <div className={styles.gallery} aria-label="Sample outputs per operation">
            {gallery.map((row) => (
              <div key={row.key} className={styles.galleryRow} data-testid={`gallery-${row.key}`}>
                <div>
                  <div>{row.key.includes(":") ? row.key.split(":")[1] : row.title}</div>
                  <div className={styles.caption}>{row.params ? formatParams(row.params) : row.key === "original" ? "train originals" : "every step, as a run draws them"}</div>
                </div>
                <div>
                  {row.note && <span className="muted">{row.note}</span>}
                  {row.items.map((item, i) => (
                    <img key={i} src={item.src} alt={`${row.key.includes(":") ? row.key.split(":")[1] : row.title} example ${i + 1} (${item.label})`} />
                  ))}
                </div>
              </div>
            ))}
          </div>
        </section>
      </div>

      <RunsList runs={props.runs} onChanged={() => {
        setRefresh((n) => n + 1);
        router.refresh();
      }} />
    </>
  );
}

function formatParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .filter(([k]) => k !== "op")
    .map(([k, v]) => `${k} ${Array.isArray(v) ? `${v[0]}–${v[1]}` : String(v)}`)
    .join(", ");
}
