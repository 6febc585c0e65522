/**
 * npm run train -- [--epochs N] [--classes 0,1,2,+] [--class-set NAME] [--split stored|by-writer]
 *                  [--augment] [--batch-size N] [--learning-rate X] [--class-weights none|balanced]
 *                  [--sampling shuffle|sqrt-balanced] [--lr-schedule constant|cosine]
 *                  [--patience N] [--seed N] [--conv-filters 32,64,128] [--kernel-size N]
 *                  [--dense-units N] [--dropout X] [--no-promote] [--json]
 * Trains one model in the foreground (same code as the worker's job) and prints a summary;
 * with --json the last line is the JSON summary.
 */
import { parseArgs } from "node:util";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { createTrainingRun } from "../lib/training/create-run";
import { runTraining } from "../lib/training/run-training";
import { TrainingInputError } from "../lib/training/resolve-classes";
import { fieldErrors, trainRequestSchema } from "../lib/training/train-request";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      epochs: { type: "string" },
      classes: { type: "string" },
      "class-set": { type: "string" },
      split: { type: "string" },
      augment: { type: "boolean", default: false },
      "batch-size": { type: "string" },
      "learning-rate": { type: "string" },
      "class-weights": { type: "string" },
      sampling: { type: "string" },
      "lr-schedule": { type: "string" },
      patience: { type: "string" },
      seed: { type: "string" },
      "conv-filters": { type: "string" },
      "kernel-size": { type: "string" },
      "dense-units": { type: "string" },
      dropout: { type: "string" },
      "no-promote": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const config = Object.fromEntries(
    Object.entries({
      epochs: num(values.epochs),
      batchSize: num(values["batch-size"]),
      learningRate: num(values["learning-rate"]),
      classWeights: values["class-weights"],
      sampling: values.sampling,
      lrSchedule: values["lr-schedule"],
      seed: num(values.seed),
      convFilters: values["conv-filters"]?.split(",").map((s) => Number(s.trim())),
      kernelSize: num(values["kernel-size"]),
      denseUnits: num(values["dense-units"]),
      dropout: num(values.dropout),
      earlyStopping: values.patience === undefined ? undefined : { patience: num(values.patience) },
    }).filter(([, v]) => v !== undefined),
  );
  const parsed = trainRequestSchema.safeParse({
    classes: values.classes?.split(",").map((s) => s.trim()).filter(Boolean),
    classSet: values["class-set"],
    splitMode: values.split,
    augmentOnTheFly: values.augment,
    autoPromote: !values["no-promote"],
    config,
  });
  if (!parsed.success) {
    for (const [field, message] of Object.entries(fieldErrors(parsed.error))) console.error(`error: ${field}: ${message}`);
    return 2;
  }
  const env = getEnv();
  const db = openDatabase(env.databaseFile);
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort(new Error("cancelled")));
  try {
    const run = createTrainingRun(db, parsed.data);
    if (!values.json) console.log(`run ${run.id}: ${JSON.parse(run.classes).length} classes, ${parsed.data.config.epochs} epochs`);
    const summary = await runTraining({
      db,
      runId: run.id,
      modelsDir: env.modelsDir,
      signal: controller.signal,
      autoPromote: parsed.data.autoPromote,
      log: values.json ? undefined : (m) => console.log(m),
    });
    const out = {
      runId: summary.runId, modelId: summary.modelId, status: summary.status, engine: summary.engine, threads: summary.threads,
      testAccuracy: summary.testAccuracy, macroF1: summary.macroF1, valAccuracy: summary.valAccuracy,
      samplesPerSec: Math.round(summary.samplesPerSec), seconds: summary.durationMs / 1000, epochs: summary.epochsRun,
      classes: summary.classes, counts: summary.counts, splitMode: summary.splitMode, promoted: summary.promoted,
    };
    if (values.json) console.log(JSON.stringify(out));
    else {
      console.log(`test accuracy ${pct(summary.testAccuracy)}, macro F1 ${pct(summary.macroF1)}, ${out.samplesPerSec} samples/s on ${summary.engine}, ${out.seconds.toFixed(0)} s`);
      console.log(summary.promotionNote);
    }
    return summary.status === "succeeded" ? 0 : 130;
  } catch (err) {
    if (err instanceof TrainingInputError) {
      console.error(`error: ${err.field}: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    db.close();
  }
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(2)}%`);

main().then((code) => process.exit(code));
