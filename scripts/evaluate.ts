/**
 * npm run evaluate -- --model N [--cross-validate [--k 3] [--epochs 2]] [--json]
 * Evaluates a model in the foreground (the same code as the worker's "evaluate" job): per-sample
 * predictions and metrics on its run's test and val samples with their current labels; with
 * --cross-validate also ranks likely label errors. For models trained with `npm run train`,
 * which does not go through the queue.
 */
import { parseArgs } from "node:util";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { evaluateModel } from "../lib/evaluation/evaluate-model";
import { crossValidateModel } from "../lib/evaluation/cross-validate";
import { getLatestEvaluation } from "../lib/evaluation/evaluation-store";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      model: { type: "string" },
      "cross-validate": { type: "boolean", default: false },
      k: { type: "string", default: "3" },
      epochs: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const modelId = Number(values.model);
  if (!Number.isInteger(modelId) || modelId <= 0) {
    console.error("error: --model: a model id is required");
    return 2;
  }
  const db = openDatabase(getEnv().databaseFile);
  try {
    const result = await evaluateModel({ db, modelId });
    const test = getLatestEvaluation(db, { modelId, split: "test" });
    const cv = values["cross-validate"]
      ? await crossValidateModel({ db, modelId, k: Number(values.k), epochs: values.epochs ? Number(values.epochs) : undefined, log: values.json ? undefined : console.log })
      : null;
    if (values.json) console.log(JSON.stringify({ ...result, crossValidation: cv }));
    else {
      for (const e of result.evaluations) console.log(`${e.split}: accuracy ${(e.accuracy * 100).toFixed(2)}% on ${e.total} samples (${e.skipped} skipped, ${e.relabelledSinceRun} relabelled since the run)`);
      if (test) console.log(`test macro F1 ${(test.metrics.macro.f1 * 100).toFixed(2)}%, weighted F1 ${(test.metrics.weighted.f1 * 100).toFixed(2)}%`);
      if (cv) console.log(`cross-validation: ${cv.k} folds x ${cv.epochs} epochs, out-of-fold accuracy ${(cv.oofAccuracy * 100).toFixed(1)}%, ${cv.issues} label issues`);
    }
    return 0;
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 1;
  } finally {
    db.close();
  }
}

main().then((code) => process.exit(code));
