/**
 * npm run augment -- --target median|largest|<n> (--classes 7,9 | --class-set <name>)
 *                    [--include-synthetic] [--seed N] [--pipeline <file.json | JSON>] [--plan-only] [--json]
 * npm run augment -- --list [--json]
 * npm run augment -- --remove <runId> [--json]
 *
 * Rebalances the training set: prints the plan, then (without --plan-only) generates it in this
 * process. Ctrl-C stops and removes the partial batch. Bad input exits with code 2 and names it.
 * A pipeline may start with `{"op":"stroke-width","params":{"width":[1,4]}}` to redraw ink samples
 * from their strokes; parents without strokes are then skipped (the plan warns how many).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import {
  buildRebalancePlan,
  deleteRunSamples,
  listAugmentRuns,
  parsePlanRequest,
  removeAugmentRun,
  runAugmentPlan,
  summarizePlan,
  type PlanSummary,
} from "../lib/augment-store";
import { sqlTimestamp } from "../lib/db/timestamp";

const USAGE = `usage: npm run augment -- --target median|largest|<n> (--classes 7,9 | --class-set <name>) [--include-synthetic] [--seed N] [--pipeline <file.json|JSON>] [--plan-only] [--json]
       npm run augment -- --list [--json]
       npm run augment -- --remove <runId> [--json]`;

class CliError extends Error {}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        target: { type: "string" },
        classes: { type: "string" },
        "class-set": { type: "string" },
        "include-synthetic": { type: "boolean", default: false },
        seed: { type: "string" },
        pipeline: { type: "string" },
        "plan-only": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        list: { type: "boolean", default: false },
        remove: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const db = openDatabase(getEnv().databaseFile);
  const out = (json: unknown, text: string) => console.log(v.json ? JSON.stringify(json, null, 2) : text);

  if (v.list) {
    const runs = listAugmentRuns(db);
    out(runs, runs.length === 0 ? "no augment runs yet" : runs.map((r) => `#${r.id} ${r.status.padEnd(11)} ${r.samples} samples stored (${r.generated} generated) classes ${r.classes.join(",")} seed ${r.seed} ${r.createdAt}`).join("\n"));
    return 0;
  }
  if (v.remove !== undefined) {
    const id = Number(v.remove);
    if (!Number.isInteger(id) || id <= 0) throw new CliError(`--remove must be a run id (a positive integer), got "${v.remove}"`);
    try {
      const { removed } = removeAugmentRun(db, id);
      out({ id, removed }, `removed run #${id}: ${removed} samples deleted`);
      return 0;
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  }

  if (v.target === undefined) throw new CliError(`--target is required (median, largest or a number)\n${USAGE}`);
  let seed: number | undefined;
  if (v.seed !== undefined) {
    if (!/^\d+$/.test(v.seed)) throw new CliError(`--seed must be a whole number, got "${v.seed}"`);
    seed = Number(v.seed);
  }
  const request = {
    target: /^\d+$/.test(v.target) ? Number(v.target) : v.target,
    ...(v.classes !== undefined ? { classes: v.classes } : {}),
    ...(v["class-set"] !== undefined ? { classSet: v["class-set"] } : {}),
    includeSynthetic: v["include-synthetic"],
    ...(seed !== undefined ? { seed } : {}),
    ...(v.pipeline !== undefined ? { pipeline: readPipeline(v.pipeline) } : {}),
  };
  const checked = parsePlanRequest(db, request);
  if (!checked.ok) throw new CliError(checked.errors.join("\n"));
  const plan = buildRebalancePlan(db, checked.options);
  const summary = summarizePlan(plan);
  if (v["plan-only"] || summary.total.toGenerate === 0) {
    out({ plan: summary }, formatPlan(summary) + (v["plan-only"] ? "" : "\nnothing to generate"));
    return 0;
  }
  if (!v.json) console.log(formatPlan(summary));

  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort(new Error("interrupted")));
  process.once("SIGTERM", () => controller.abort(new Error("interrupted")));
  let lastPrint = 0;
  try {
    const result = await runAugmentPlan(db, plan, {
      signal: controller.signal,
      onProgress: (p) => {
        if (v.json || Date.now() - lastPrint < 500) return;
        lastPrint = Date.now();
        process.stderr.write(`\r${p.generated} / ${p.total} generated (${(p.fraction * 100).toFixed(0)}%)`);
      },
    });
    if (!v.json) process.stderr.write("\n");
    out(
      { plan: summary, run: result },
      `run #${result.runId}: generated ${result.generated} samples (${result.duplicates} duplicates skipped) in ${result.seconds.toFixed(1)} s` +
        ` (${Math.round(result.generated / Math.max(result.seconds, 1e-3))} images/s); remove with: npm run augment -- --remove ${result.runId}`,
    );
    return 0;
  } catch (err) {
    if (!controller.signal.aborted) throw err;
    // Stopped by Ctrl-C: a CLI run is not resumed, so remove what it wrote.
    const runId = db.prepare(`SELECT MAX(id) FROM augment_runs`).pluck().get() as number;
    const removed = deleteRunSamples(db, runId);
    db.prepare(`UPDATE augment_runs SET status = 'cancelled', error = ?, finishedAt = ? WHERE id = ?`).run(`interrupted; ${removed} partial samples removed`, sqlTimestamp(), runId);
    console.error(`\ninterrupted: run #${runId} cancelled, ${removed} partial samples removed`);
    return 130;
  }
}

function readPipeline(arg: string): unknown {
  const text = arg.trim().startsWith("{") ? arg : fs.existsSync(arg) ? fs.readFileSync(arg, "utf8") : null;
  if (text === null) throw new CliError(`--pipeline: no file ${arg} (give a JSON file or inline JSON)`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`--pipeline is not valid JSON: ${(err as Error).message}`);
  }
}

function formatPlan(s: PlanSummary): string {
  const lines = [`${"class".padEnd(8)} ${"train now".padStart(9)} ${"target".padStart(7)} ${"generate".padStart(8)} ${"originals".padStart(9)}`];
  for (const c of s.classes) {
    lines.push(`${c.label.padEnd(8)} ${String(c.current).padStart(9)} ${String(c.target).padStart(7)} ${String(c.toGenerate).padStart(8)} ${String(c.sourceCount).padStart(9)}`);
  }
  lines.push(`total: ${s.total.toGenerate} to generate`);
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof CliError) {
      console.error(`augment: ${err.message}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  });
