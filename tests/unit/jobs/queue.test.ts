import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { afterEach, beforeEach, test } from "node:test";
import { claimJob, completeJob, enqueueJob, failJob, getJob, heartbeatJob, requestCancel, resetStaleJobs } from "../../../lib/jobs/queue";
import { runWorker } from "../../../lib/jobs/run-worker";
import { PermanentJobError } from "../../../lib/jobs/job-context";
import { openSqlite } from "../../../lib/db/sqlite";
import { createTempDb } from "../../helpers/temp-db";

let t: ReturnType<typeof createTempDb>;
beforeEach(() => (t = createTempDb()));
afterEach(() => t.cleanup());

function startWorker(id: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/test-worker.ts", t.file, id], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, exited, output: () => out };
}

async function waitFor(cond: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

test("a claim is exclusive: the second claim of one queued job gets nothing", () => {
  const other = openSqlite(t.file);
  try {
    const job = enqueueJob(t.db, { type: "record" });
    const a = claimJob(t.db, { workerId: "a" });
    const b = claimJob(other, { workerId: "b" });
    assert.equal(a?.id, job.id);
    assert.equal(a?.status, "running");
    assert.equal(b, null);
    assert.equal(completeJob(other, { id: job.id, workerId: "b" }), false, "only the owner can complete it");
    assert.equal(completeJob(t.db, { id: job.id, workerId: "a", result: { ok: 1 } }), true);
    assert.equal(getJob(t.db, job.id)?.status, "succeeded");
  } finally {
    other.close();
  }
});

test("two worker processes draining one queue run every job exactly once", async () => {
  const N = 60;
  for (let i = 0; i < N; i++) enqueueJob(t.db, { type: "record" });
  const env = { IDLE_EXIT_MS: "600" };
  const w1 = startWorker("w1", env);
  const w2 = startWorker("w2", env);
  await Promise.all([w1.exited, w2.exited]);
  const runs = t.db.prepare(`SELECT jobId, workerId FROM test_runs`).all() as { jobId: number; workerId: string }[];
  assert.equal(runs.length, N);
  assert.equal(new Set(runs.map((r) => r.jobId)).size, N, "no job ran twice");
  const statuses = t.db.prepare(`SELECT status, COUNT(*) AS n FROM jobs GROUP BY status`).all();
  assert.deepEqual(statuses, [{ status: "succeeded", n: N }]);
});

test("a killed worker's job is requeued at the next start-up, and fails once attempts run out", async () => {
  const job = enqueueJob(t.db, { type: "hang", maxAttempts: 2 });
  for (let attempt = 1; attempt <= 2; attempt++) {
    const w = startWorker(`victim${attempt}`);
    await waitFor(() => getJob(t.db, job.id)?.status === "running");
    w.child.kill("SIGKILL");
    await w.exited;
    assert.equal(getJob(t.db, job.id)?.status, "running", "a dead worker leaves the row running");
    const reset = resetStaleJobs(t.db, { staleMs: 0 });
    const row = getJob(t.db, job.id)!;
    if (attempt === 1) {
      assert.deepEqual(reset, { requeued: 1, failed: 0 });
      assert.equal(row.status, "queued");
      assert.match(row.lastError ?? "", /stopped/);
    } else {
      assert.deepEqual(reset, { requeued: 0, failed: 1 });
      assert.equal(row.status, "failed");
      assert.match(row.lastError ?? "", /crashed or was killed/);
    }
  }
});

test("SIGTERM stops the worker and hands its running job back to the queue", async () => {
  const job = enqueueJob(t.db, { type: "hang" });
  const w = startWorker("polite");
  await waitFor(() => getJob(t.db, job.id)?.status === "running");
  w.child.kill("SIGTERM");
  assert.equal(await w.exited, 0);
  const row = getJob(t.db, job.id)!;
  assert.equal(row.status, "queued");
  assert.match(row.lastError ?? "", /shutdown/);
});

test("cancel: a queued job is cancelled at once, a running one at its next heartbeat", async () => {
  const queued = enqueueJob(t.db, { type: "hang" });
  assert.equal(requestCancel(t.db, queued.id)?.status, "cancelled");

  const running = enqueueJob(t.db, { type: "hang" });
  const controller = new AbortController();
  const loop = runWorker({
    db: t.db,
    workerId: "in-process",
    signal: controller.signal,
    pollMs: 10,
    heartbeatMs: 20,
    log: () => {},
    handlers: { hang: (_p, ctx) => new Promise((_r, reject) => ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason))) },
  });
  await waitFor(() => getJob(t.db, running.id)?.status === "running");
  requestCancel(t.db, running.id);
  await waitFor(() => getJob(t.db, running.id)?.status === "cancelled");
  controller.abort();
  await loop;
});

test("errors: retryable ones requeue until attempts run out; permanent ones fail at once", async () => {
  const flaky = enqueueJob(t.db, { type: "flaky", maxAttempts: 2 });
  const bad = enqueueJob(t.db, { type: "bad" });
  const unknown = enqueueJob(t.db, { type: "nobody-handles-this" });
  const controller = new AbortController();
  const loop = runWorker({
    db: t.db,
    workerId: "w",
    signal: controller.signal,
    pollMs: 10,
    log: () => {},
    handlers: {
      flaky: async () => {
        throw new Error("disk hiccup");
      },
      bad: async () => {
        throw new PermanentJobError("payload is nonsense");
      },
    },
  });
  await waitFor(() => getJob(t.db, flaky.id)?.status === "failed" && getJob(t.db, bad.id)?.status === "failed");
  controller.abort();
  await loop;
  assert.equal(getJob(t.db, flaky.id)?.attempts, 2);
  assert.equal(getJob(t.db, bad.id)?.attempts, 1);
  assert.equal(getJob(t.db, bad.id)?.lastError, "payload is nonsense");
  assert.equal(getJob(t.db, unknown.id)?.status, "queued", "a worker only claims the types it handles");
  assert.equal(failJob(t.db, { id: flaky.id, workerId: "w", error: "x" }), null, "a settled job cannot fail again");
  assert.deepEqual(heartbeatJob(t.db, { id: flaky.id, workerId: "w" }), { owned: false, cancelRequested: false });
});

test("a running worker also recovers a job whose worker died after it started", async () => {
  const job = enqueueJob(t.db, { type: "record" });
  claimJob(t.db, { workerId: "ghost" });
  const controller = new AbortController();
  const ran: number[] = [];
  const loop = runWorker({
    db: t.db,
    workerId: "survivor",
    signal: controller.signal,
    pollMs: 10,
    staleMs: 300,
    log: () => {},
    handlers: { record: async (_p, ctx) => void ran.push(ctx.job.id) },
  });
  // The ghost's heartbeat is fresh at start-up, so the first sweep leaves it; a later one requeues it.
  await waitFor(() => getJob(t.db, job.id)?.status === "succeeded", 10_000);
  controller.abort();
  await loop;
  assert.deepEqual(ran, [job.id]);
  assert.equal(getJob(t.db, job.id)?.attempts, 2);
});
