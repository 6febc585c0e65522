"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useJobPolling } from "../use-job-polling";

/**
 * A button that queues a job through a POST route returning `{ jobId }`, shows its progress
 * while the worker runs it and refreshes the page's server data when it finishes. `activeJobId`
 * picks up a job already queued (the evaluation a training run queued, say).
 */
export function JobButton(props: { url: string; body?: unknown; label: string; runningLabel: string; activeJobId?: number | null; className?: string }) {
  const router = useRouter();
  const [jobId, setJobId] = useState<number | null>(props.activeJobId ?? null);
  const [error, setError] = useState<string | null>(null);
  const job = useJobPolling(jobId);
  const refreshed = useRef<number | null>(null);
  const running = jobId !== null && (!job || job.status === "queued" || job.status === "running");

  useEffect(() => {
    if (job && job.status === "succeeded" && refreshed.current !== job.id) {
      refreshed.current = job.id;
      router.refresh();
    }
  }, [job, router]);

  async function start() {
    setError(null);
    const res = await fetch(props.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(props.body ?? {}) });
    const json = (await res.json().catch(() => ({}))) as { jobId?: number; message?: string };
    if (!res.ok || json.jobId === undefined) setError(json.message ?? `failed (${res.status})`);
    else setJobId(json.jobId);
  }

  return (
    <span className="form-row" style={{ display: "inline-flex" }}>
      <button type="button" className={props.className} onClick={() => void start()} disabled={running}>
        {running ? props.runningLabel : props.label}
      </button>
      {running && job && (
        <span className="muted" role="status">
          {job.status === "queued" ? "queued" : `${Math.round(job.progress * 100)}%`} {job.message ?? ""}
        </span>
      )}
      {job?.status === "failed" && <span className="error" role="alert">failed: {job.error}</span>}
      {job?.status === "succeeded" && <span className="ok" role="status">done (job {job.id})</span>}
      {error && <span className="error" role="alert">{error}</span>}
    </span>
  );
}
