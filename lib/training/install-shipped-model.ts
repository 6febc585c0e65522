import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { z } from "zod";
import { sqlTimestamp } from "../db/timestamp";
import { MODEL_JSON, WEIGHTS_BIN } from "../ml/model-files";

/** The pretrained model committed with the project, so the solver works at first start. */
export const SHIPPED_MODEL_DIR = path.join("data", "shipped-model");

const manifestSchema = z.object({
  name: z.string(),
  classes: z.array(z.string()).min(2),
  config: z.record(z.string(), z.unknown()),
  splitMode: z.string(),
  /** Trained with on-the-fly augmentation: the solver then feeds it 2 px crops (see lib/solver). */
  augmentOnTheFly: z.boolean().default(false),
  engine: z.string(),
  trainedOn: z.string(),
  metrics: z.object({ valAccuracy: z.number().nullable(), testAccuracy: z.number().nullable(), macroF1: z.number().nullable() }),
  counts: z.object({ train: z.number(), val: z.number(), test: z.number() }),
});
export type ShippedManifest = z.infer<typeof manifestSchema>;

/**
 * Registers the shipped model as the current one when the database has no model yet: its files
 * are copied under the models folder and a finished run records how it was trained. Returns the
 * model id, or null when there was nothing to do.
 */
export function installShippedModelIfNone(db: Database.Database, options: { modelsDir: string; shippedDir?: string }): number | null {
  const source = options.shippedDir ?? SHIPPED_MODEL_DIR;
  const manifestFile = path.join(source, "manifest.json");
  if (!fs.existsSync(manifestFile)) return null;
  if ((db.prepare(`SELECT COUNT(*) AS n FROM models`).get() as { n: number }).n > 0) return null;
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestFile, "utf8")));
  const target = path.join(options.modelsDir, "shipped");
  fs.mkdirSync(target, { recursive: true });
  for (const f of [MODEL_JSON, WEIGHTS_BIN]) fs.copyFileSync(path.join(source, f), path.join(target, f));
  const size = [MODEL_JSON, WEIGHTS_BIN].reduce((n, f) => n + fs.statSync(path.join(target, f)).size, 0);
  const now = sqlTimestamp();
  const { metrics, counts } = manifest;
  return db.transaction(() => {
    const run = db
      .prepare(
        `INSERT INTO training_runs (status, classes, classSet, config, splitMode, augment, engine, trainCount, valCount, testCount, epochsRun, progress,
           valAccuracy, testAccuracy, macroF1, stopReason, error, createdAt, startedAt, finishedAt)
         VALUES ('succeeded', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 'shipped', ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        JSON.stringify(manifest.classes), JSON.stringify(manifest.config), manifest.splitMode,
        manifest.augmentOnTheFly ? JSON.stringify({ pipeline: "default" }) : null, manifest.engine,
        counts.train, counts.val, counts.test, Number(manifest.config.epochs ?? 0),
        metrics.valAccuracy, metrics.testAccuracy, metrics.macroF1,
        `shipped with Inkset, trained on ${manifest.trainedOn}; its samples are not in this database, so its figures come from that training`,
        now, now, now,
      ) as { id: number };
    const model = db
      .prepare(
        `INSERT INTO models (runId, name, dir, classes, config, engine, splitMode, valAccuracy, testAccuracy, macroF1, sizeBytes, isCurrent, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id`,
      )
      .get(run.id, manifest.name, target, JSON.stringify(manifest.classes), JSON.stringify(manifest.config), manifest.engine, manifest.splitMode,
        metrics.valAccuracy, metrics.testAccuracy, metrics.macroF1, size, now) as { id: number };
    db.prepare(`UPDATE training_runs SET modelId = ? WHERE id = ?`).run(model.id, run.id);
    return model.id;
  })();
}
