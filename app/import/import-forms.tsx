"use client";

import Link from "next/link";
import { useState } from "react";
import { useJobPolling } from "../components/use-job-polling";

interface ImportResult {
  batchId: number;
  files: number;
  imported: number;
  duplicates: number;
  conflicts: number;
  rejected: { path: string; reason: string }[];
  classes: Record<string, number>;
  seconds: number;
  ink?: { expressions: number; writers: number; strokeWidth: number };
}

export function ImportForms() {
  const [path, setPath] = useState("");
  const [strokeWidth, setStrokeWidth] = useState(1);
  const [junk, setJunk] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useJobPolling(jobId);

  async function startPathImport(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setJobId(null);
    const res = await fetch("/api/imports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ path, strokeWidth, junk }) });
    const body = (await res.json()) as { jobId?: number; message?: string };
    if (!res.ok || !body.jobId) setError(body.message ?? `import refused (${res.status})`);
    else setJobId(body.jobId);
  }

  function startUpload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setJobId(null);
    // XMLHttpRequest rather than fetch: it reports upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?name=${encodeURIComponent(file.name)}&strokeWidth=${strokeWidth}${junk ? "&junk=1" : ""}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setUpload(ev.loaded / ev.total);
    xhr.onload = () => {
      setUpload(null);
      const body = JSON.parse(xhr.responseText || "{}") as { jobId?: number; message?: string };
      if (xhr.status >= 400 || !body.jobId) setError(body.message ?? `upload refused (${xhr.status})`);
      else setJobId(body.jobId);
    };
    xhr.onerror = () => {
      setUpload(null);
      setError("the upload failed: the server could not be reached");
    };
    xhr.send(file);
  }

  const result = job?.status === "succeeded" ? (job.result as ImportResult) : null;
  return (
    <>
      <div className="panel">
        <form className="inline" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="import-stroke-width">InkML stroke width (px)</label>
          <input
            id="import-stroke-width"
            type="number"
            min={1}
            max={15}
            step={1}
            value={strokeWidth}
            onChange={(e) => setStrokeWidth(Math.min(15, Math.max(1, Math.round(Number(e.target.value) || 1))))}
            style={{ width: "4.5rem", padding: "0.4rem 0.55rem", border: "1px solid var(--line)", borderRadius: 6, font: "inherit" }}
          />
          <span className="muted">
            InkML symbols are drawn from their strokes at this width; 1 matches the Kaggle images, canvas drawings are thicker.
          </span>
        </form>
        <form className="inline" onSubmit={(e) => e.preventDefault()}>
          <label>
            <input type="checkbox" checked={junk} onChange={(e) => setJunk(e.target.checked)} /> Also store InkML junk
          </label>
          <span className="muted">
            Strokes cut from an x or a 4 and pairs of neighbouring symbols, as class <code>junk</code>: a model trained with it tells Solve when a
            crop is part of a symbol or two symbols.
          </span>
        </form>
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>From a folder or file on this machine</h2>
        <form className="inline" onSubmit={startPathImport}>
          <label htmlFor="import-path">Path</label>
          <input id="import-path" type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/data/extracted_images" />
          <button type="submit" disabled={!path.trim()}>
            Import folder
          </button>
        </form>
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Upload a .zip or .tar.gz (or an .inkml file)</h2>
        <form className="inline" onSubmit={startUpload}>
          <label htmlFor="import-file">Archive</label>
          <input id="import-file" type="file" accept=".zip,.tar,.gz,.tgz,.inkml,application/zip,application/gzip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <button type="submit" disabled={!file || upload !== null}>
            Upload and import
          </button>
        </form>
        {upload !== null && <Progress label="Uploading" fraction={upload} />}
      </div>

      {error && (
        <p className="panel error" role="alert">
          {error}
        </p>
      )}
      {job && (
        <div className="panel" aria-label="Import progress">
          <div>
            Import job #{job.id}: <span className={`badge ${job.status}`}>{job.status}</span> <span className="muted">{job.message}</span>
          </div>
          {(job.status === "running" || job.status === "queued") && <Progress label="Importing" fraction={job.progress} />}
          {job.status === "failed" && (
            <p className="error" role="alert">
              {job.error}
            </p>
          )}
          {result && <ImportSummaryView result={result} />}
        </div>
      )}
    </>
  );
}

function Progress({ label, fraction }: { label: string; fraction: number }) {
  return (
    <div>
      <div className="progress" role="progressbar" aria-label={label} aria-valuenow={Math.round(fraction * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <span className="muted">
        {label} {(fraction * 100).toFixed(0)}%
      </span>
    </div>
  );
}

function ImportSummaryView({ result }: { result: ImportResult }) {
  const classes = Object.entries(result.classes).sort((a, b) => b[1] - a[1]);
  return (
    <div aria-label="Import summary">
      <h3>Done in {result.seconds.toFixed(1)} s</h3>
      <table style={{ maxWidth: 480 }}>
        <tbody>
          {result.ink ? (
            <>
              <tr><td>expressions (InkML files)</td><td className="num" data-testid="summary-expressions">{result.ink.expressions}</td></tr>
              <tr><td>writers</td><td className="num" data-testid="summary-writers">{result.ink.writers}</td></tr>
              <tr><td>symbols read</td><td className="num" data-testid="summary-symbols">{result.imported + result.duplicates}</td></tr>
            </>
          ) : (
            <tr><td>files read</td><td className="num">{result.files}</td></tr>
          )}
          <tr><td>new distinct images</td><td className="num" data-testid="summary-imported">{result.imported}</td></tr>
          <tr><td>duplicates (already stored)</td><td className="num" data-testid="summary-duplicates">{result.duplicates}</td></tr>
          <tr><td>images under two or more classes</td><td className="num">{result.conflicts}</td></tr>
          <tr><td>rejected</td><td className="num" data-testid="summary-rejected">{result.rejected.length}</td></tr>
        </tbody>
      </table>
      {classes.length > 0 && <p>Per class: {classes.map(([k, v]) => `${k} ${v}`).join(" · ")}</p>}
      {result.rejected.length > 0 && (
        <>
          <h3>Rejected files</h3>
          <table>
            <thead><tr><th>file</th><th>reason</th></tr></thead>
            <tbody>
              {result.rejected.slice(0, 200).map((r) => (
                <tr key={r.path}><td>{r.path}</td><td className="error">{r.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p>
        <Link href={`/imports/${result.batchId}`}>Open import #{result.batchId}</Link>
        {result.ink && (
          <>
            {" · "}
            <Link href={`/expressions?batch=${result.batchId}`}>Its expressions</Link>
          </>
        )}
      </p>
    </div>
  );
}
