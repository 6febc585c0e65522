"use client";

import { useEffect, useState } from "react";
import type { JobView } from "@/lib/jobs/job-view";

const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

/** Polls /api/jobs/:id until the job finishes; the worker writes progress to the database. */
export function useJobPolling(jobId: number | null, intervalMs = 700): JobView | null {
  const [job, setJob] = useState<JobView | null>(null);
  useEffect(() => {
    setJob(null);
    if (jobId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch(`/api/jobs/${jobId}`, { cache: "no-store" });
        if (res.ok) {
          const view = (await res.json()) as JobView;
          if (stopped) return;
          setJob(view);
          if (FINISHED.has(view.status)) return;
        }
      } catch {
        // The server restarting is no reason to stop watching.
      }
      if (!stopped) timer = setTimeout(poll, intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, intervalMs]);
  return job;
}
