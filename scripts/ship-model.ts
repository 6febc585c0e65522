/**
 * npm run ship-model -- --model <id> [--trained-on "<description>"]
 * Copies a trained model into data/shipped-model/ with a manifest, so a fresh install starts with it
 * as the current model. How the committed one was made is written in data/shipped-model/README.md.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { JUNK_LABEL } from "../lib/dataset/class-names";
import { getModel } from "../lib/training/models";
import { getRun } from "../lib/training/create-run";
import { SHIPPED_MODEL_DIR, type ShippedManifest } from "../lib/training/install-shipped-model";
import { MODEL_JSON, WEIGHTS_BIN } from "../lib/ml/model-files";

const { values } = parseArgs({ options: { model: { type: "string" }, "trained-on": { type: "string" } } });
const id = Number(values.model);
if (!Number.isInteger(id) || id <= 0) {
  console.error("usage: npm run ship-model -- --model <id> [--trained-on <description>]");
  process.exit(2);
}
const db = openDatabase(getEnv().databaseFile);
const model = getModel(db, id);
if (!model) {
  console.error(`error: no model ${id}`);
  process.exit(1);
}
const run = getRun(db, model.runId)!;
const modelClasses = JSON.parse(model.classes) as string[];
const symbolCount = modelClasses.filter((c) => c !== JUNK_LABEL).length;
const manifest: ShippedManifest = {
  // Junk is no symbol the model reads; the Solve page lists the symbols only.
  name: `shipped: ${symbolCount} symbol classes${symbolCount < modelClasses.length ? " + junk" : ""}`,
  classes: JSON.parse(model.classes) as string[],
  config: JSON.parse(model.config) as Record<string, unknown>,
  splitMode: model.splitMode,
  augmentOnTheFly: run.augment !== null,
  engine: model.engine,
  trainedOn: values["trained-on"] ?? `run ${run.id}`,
  metrics: { valAccuracy: model.valAccuracy, testAccuracy: model.testAccuracy, macroF1: model.macroF1 },
  counts: { train: run.trainCount, val: run.valCount, test: run.testCount },
};
fs.mkdirSync(SHIPPED_MODEL_DIR, { recursive: true });
for (const f of [MODEL_JSON, WEIGHTS_BIN]) fs.copyFileSync(path.join(model.dir, f), path.join(SHIPPED_MODEL_DIR, f));
fs.writeFileSync(path.join(SHIPPED_MODEL_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${SHIPPED_MODEL_DIR}: ${manifest.classes.length} classes, test accuracy ${manifest.metrics.testAccuracy}`);
db.close();
