/**
 * npm run import -- <path> [--json] [--source kaggle|mnist|canvas|equation] [--stroke-width N] [--junk]
 * Imports a folder of class folders, a .zip/.tar.gz of one, MNIST idx files, or InkML (a
 * folder, .zip/.tar.gz of .inkml files, or one .inkml file; symbols rendered N px wide; with
 * --junk also strokes cut from symbols and pairs of neighbours, as class "junk").
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { importDataset } from "../lib/dataset/import-dataset";
import { ImportInputError, SAMPLE_SOURCES } from "../lib/dataset/import-types";
import { formatSummary } from "../lib/dataset/format-summary";
import { MAX_STROKE_WIDTH } from "../lib/ink/rasterize";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      source: { type: "string" },
      "stroke-width": { type: "string" },
      junk: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(
      "usage: npm run import -- <folder | archive.zip | archive.tar.gz | *-idx3-ubyte[.gz] | InkML folder, archive or file> [--json] [--source kaggle|mnist|canvas|equation] [--stroke-width N] [--junk]",
    );
    return values.help ? 0 : 2;
  }
  const strokeWidth = z.coerce.number().int().min(1).max(MAX_STROKE_WIDTH).optional().safeParse(values["stroke-width"]);
  if (!strokeWidth.success) {
    console.error(`error: --stroke-width must be a whole number from 1 to ${MAX_STROKE_WIDTH}`);
    return 2;
  }
  const source = z.enum(SAMPLE_SOURCES).optional().safeParse(values.source);
  if (!source.success) {
    console.error(`error: --source must be one of ${SAMPLE_SOURCES.join(", ")}`);
    return 2;
  }
  const db = openDatabase(getEnv().databaseFile);
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  process.once("SIGTERM", () => controller.abort());
  let lastPrint = 0;
  try {
    const summary = await importDataset({
      db,
      path: positionals[0]!,
      source: source.data,
      strokeWidth: strokeWidth.data,
      junk: values.junk,
      signal: controller.signal,
      onProgress: (p) => {
        if (values.json || Date.now() - lastPrint < 1000) return;
        lastPrint = Date.now();
        const pct = (p.fraction * 100).toFixed(0).padStart(3);
        process.stderr.write(`${pct}%  ${p.processed} files  ${p.imported} new  ${p.duplicates} duplicates  ${p.rejected} rejected\n`);
      },
    });
    if (controller.signal.aborted) {
      console.error(`interrupted: batch ${summary.batchId} kept what was written; run the same command again to resume`);
    }
    if (values.json) {
      const { imported, duplicates, conflicts, rejected, classes } = summary;
      console.log(JSON.stringify({ imported, duplicates, conflicts, rejected, classes, files: summary.files, batchId: summary.batchId, seconds: summary.seconds, resumed: summary.resumed, ink: summary.ink }));
    } else {
      console.log(formatSummary(summary));
    }
    return controller.signal.aborted ? 130 : 0;
  } catch (err) {
    if (err instanceof ImportInputError) {
      if (values.json) console.log(JSON.stringify({ error: err.message }));
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}

main().then((code) => process.exit(code));
