import type { JobRow } from "./queue";

export interface JobView {
  id: number;
  type: string;
  status: string;
  progress: number;
  message: string | null;
  params: unknown;
  result: unknown;
  error: string | null;
  attempts: number;
  cancelRequested: boolean;
  createdAt: string;
  finishedAt: string | null;
}

/** The public shape of a job for the API and the UI (JSON fields parsed). */
export function toJobView(job: JobRow): JobView {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    progress: job.progress,
    message: job.message,
    params: safeJson(job.payload),
    result: safeJson(job.result),
    error: job.status === "failed" || job.status === "queued" ? job.lastError : null,
    attempts: job.attempts,
    cancelRequested: job.cancelRequested === 1,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
