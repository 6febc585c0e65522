/**
 * The background worker: claims jobs from the queue table and runs them. `npm start` launches
 * it beside the web app; it can also run alone (`npx tsx workers/worker.ts`).
 */
import os from "node:os";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { runWorker } from "../lib/jobs/run-worker";
import { JOB_HANDLERS } from "../lib/jobs/handlers";

const workerId = `${os.hostname()}:${process.pid}`;
const db = openDatabase(getEnv().databaseFile);
const controller = new AbortController();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(1);
    console.log(`[worker ${workerId}] ${signal}: finishing up`);
    controller.abort();
  });
}

runWorker({ db, workerId, handlers: JOB_HANDLERS, signal: controller.signal })
  .then(() => {
    db.close();
    process.exit(0);
  })
  .catch((err) => {
    console.error(`[worker ${workerId}] crashed:`, err);
    process.exit(1);
  });
