"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunView } from "@/lib/training/run-view";

const LIVE = new Set(["queued", "running"]);

/** The run page: polls the run while it trains and draws its learning curves as epochs land. */
export function RunLive({ initial }: { initial: RunView }) {
  const [run, setRun] = useState(initial);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    if (!LIVE.has(run.status)) return;
    const t = setTimeout(async () => {
      const res = await fetch(`/api/runs/${run.id}`, { cache: "no-store" }).catch(() => null);
      if (res?.ok) setRun((await res.json()) as RunView);
      else setRun({ ...run });
    }, 1500);
    return () => clearTimeout(t);
  }, [run]);

  async function cancel() {
    if (!run.jobId) return;
    setCancelling(true);
    await fetch(`/api/jobs/${run.jobId}`, { method: "DELETE" });
  }

  const epochs = run.epochs.map((e) => ({ ...e, epoch: e.epoch + 1 }));
  const totalEpochs = Number(run.config.epochs);
  return (
    <>
      <h1>
        Training run #{run.id} <span className={`badge ${run.status}`}>{run.status}</span>
      </h1>
      <div className="panel">
        <p>
          {run.classSet ? `class set ${run.classSet}: ` : ""}
          {run.classes.join(" ")}
        </p>
        <p className="muted">
          {run.splitModeLabel} · {run.trainCount} train / {run.valCount} val / {run.testCount} test samples · engine{" "}
          <strong>{run.engine ?? "not started"}</strong>
          {run.threads ? ` (${run.threads} thread${run.threads > 1 ? "s" : ""})` : ""}
          {run.augmentOnTheFly ? " · augmented on the fly" : ""}
        </p>
        {LIVE.has(run.status) && (
          <>
            <div className="progress" role="progressbar" aria-label="Training progress" aria-valuenow={Math.round(run.progress * 100)}>
              <div style={{ width: `${run.progress * 100}%` }} />
            </div>
            <p>
              {(run.progress * 100).toFixed(0)}% · epoch {Math.min(run.epochsRun + 1, totalEpochs)} of {totalEpochs}
              {run.samplesPerSec ? ` · ${Math.round(run.samplesPerSec)} samples/s` : ""}
              {run.etaSeconds ? ` · about ${formatDuration(run.etaSeconds)} left` : ""}{" "}
              <button className="secondary" onClick={cancel} disabled={cancelling || !run.jobId}>
                {cancelling ? "Cancelling…" : "Cancel"}
              </button>
            </p>
          </>
        )}
        {run.error && <p className="error" role="alert">{run.error}</p>}
        {run.status === "succeeded" && (
          <p aria-label="Results">
            Test accuracy <strong>{pct(run.testAccuracy)}</strong>, macro F1 <strong>{pct(run.macroF1)}</strong>, val accuracy {pct(run.valAccuracy)} ({run.splitModeLabel}) ·{" "}
            {run.durationMs ? formatDuration(run.durationMs / 1000) : ""} · {run.stopReason}
            {run.modelId ? (
              <> · <Link href={`/models#model-${run.modelId}`}>model {run.modelId}</Link></>
            ) : null}
          </p>
        )}
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Learning curves</h2>
        {epochs.length === 0 ? (
          <p className="muted">The first point appears when the first epoch ends.</p>
        ) : (
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: "1rem" }}>
            <Curve title="Loss" data={epochs} lines={[["loss", "train loss", "#3b5bdb"], ["valLoss", "val loss", "#e67700"]]} />
            <Curve title="Accuracy" data={epochs} lines={[["acc", "train accuracy", "#3b5bdb"], ["valAcc", "val accuracy", "#e67700"]]} />
          </div>
        )}
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Configuration</h2>
        <pre style={{ margin: 0, fontSize: "0.85rem" }}>{JSON.stringify(run.config, null, 2)}</pre>
      </div>
    </>
  );
}

function Curve({ title, data, lines }: { title: string; data: object[]; lines: [string, string, string][] }) {
  return (
    <div aria-label={`${title} chart`}>
      <h3 style={{ margin: "0 0 0.4rem" }}>{title}</h3>
      <div className="chart-box">
        <ResponsiveContainer>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="epoch" />
            <YAxis />
            <Tooltip />
            <Legend />
            {lines.map(([key, name, color]) => (
              <Line key={key} dataKey={key} name={name} stroke={color} dot isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);

function formatDuration(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
