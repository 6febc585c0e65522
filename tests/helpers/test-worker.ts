/**
 * A worker process for queue tests: `node --import tsx tests/helpers/test-worker.ts <db> <id>`.
 * "record" jobs write who ran them into test_runs; "hang" jobs never finish on their own.
 */
import { openDatabase } from "../../lib/db/open-database";
import { runWorker } from "../../lib/jobs/run-worker";

const [file, workerId] = process.argv.slice(2) as [string, string];
const db = openDatabase(file);
db.exec(`CREATE TABLE IF NOT EXISTS test_runs (jobId INTEGER, workerId TEXT)`);
const controller = new AbortController();
process.on("SIGTERM", () => controller.abort());
const idleExitMs = Number(process.env.IDLE_EXIT_MS ?? 0);
let lastWork = Date.now();

void runWorker({
  db,
  workerId,
  signal: controller.signal,
  pollMs: 20,
  heartbeatMs: 100,
  log: (m) => process.stdout.write(`${m}\n`),
  handlers: {
    record: async (_payload, ctx) => {
      db.prepare(`INSERT INTO test_runs (jobId, workerId) VALUES (?, ?)`).run(ctx.job.id, workerId);
      lastWork = Date.now();
      await new Promise((r) => setTimeout(r, 5));
      return { by: workerId };
    },
    hang: (_payload, ctx) => new Promise((_resolve, reject) => ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason))),
  },
}).then(() => process.exit(0));

if (idleExitMs > 0) {
  setInterval(() => Date.now() - lastWork > idleExitMs && controller.abort(), 50);
}
