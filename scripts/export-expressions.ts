/**
 * npm run export:expressions -- --out <dir> [--writers <file> | --test-writers] [--limit N]
 *                                [--stroke-width N] [--height N]
 * Writes every stored InkML expression as <name>.png (dark ink on white paper, like a photo of
 * handwriting) and <name>.json {latex, labels, boxes, writer, ...}, plus index.json: the real
 * handwritten test data of the equation solver's benchmark.
 *   --writers <file>   only the writer keys listed in the file, one per line (e.g. HAMEX:10)
 *   --test-writers     only writers whose samples are in the stored test split (unseen in training)
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { exportExpressions } from "../lib/dataset/export-expressions";
import { EXPORT_HEIGHT, EXPORT_STROKE_WIDTH } from "../lib/dataset/expression-image";
import { MAX_STROKE_WIDTH } from "../lib/ink/rasterize";

const USAGE =
  "usage: npm run export:expressions -- --out <dir> [--writers <file> | --test-writers] [--limit N] [--stroke-width N] [--height N]";

const args = z.object({
  out: z.string().min(1),
  writers: z.string().optional(),
  "test-writers": z.boolean(),
  limit: z.coerce.number().int().positive().optional(),
  "stroke-width": z.coerce.number().int().min(1).max(MAX_STROKE_WIDTH).default(EXPORT_STROKE_WIDTH),
  height: z.coerce.number().int().min(16).max(4096).default(EXPORT_HEIGHT),
});

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      writers: { type: "string" },
      "test-writers": { type: "boolean", default: false },
      limit: { type: "string" },
      "stroke-width": { type: "string" },
      height: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    console.error(`error: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}\n${USAGE}`);
    return 2;
  }
  const o = parsed.data;
  if (o.writers && o["test-writers"]) {
    console.error(`error: give --writers or --test-writers, not both\n${USAGE}`);
    return 2;
  }
  let writers: Set<string> | undefined;
  if (o.writers) {
    try {
      writers = new Set(fs.readFileSync(o.writers, "utf8").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#")));
    } catch (err) {
      console.error(`error: cannot read ${o.writers}: ${(err as Error).message}`);
      return 1;
    }
  }
  const db = openDatabase(getEnv().databaseFile);
  try {
    const started = Date.now();
    const result = await exportExpressions({
      db,
      out: o.out,
      writers,
      writerSplit: o["test-writers"] ? "test" : undefined,
      limit: o.limit,
      strokeWidth: o["stroke-width"],
      height: o.height,
      onProgress: (n) => n % 500 === 0 && process.stderr.write(`${n} expressions…\n`),
    });
    console.log(`wrote ${result.written} expressions (PNG + JSON) and index.json to ${result.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const s of result.skipped.slice(0, 20)) console.log(`  ✗ ${s.path}: ${s.reason}`);
    if (result.written === 0) console.error("nothing exported: import InkML first (npm run import -- <folder|archive of .inkml>) or widen the filters");
    return 0;
  } finally {
    db.close();
  }
}

main().then((code) => process.exit(code));
