/**
 * npm run fit:placement -- [--out lib/equation/placement-model.json]
 *
 * Fits where each symbol class sits in a handwritten line (size, bottom and top against the
 * line's middle; lib/equation/line-frame) from the CROHME ink imported into the database
 * (INKSET_DATA_DIR), using only one-line expressions by writers of the stored TRAIN split, so
 * the solver's benchmark on test-split writers stays unseen. The solver re-weighs the
 * classifier's top-k with it (lib/equation/placement-model); and, from the LaTeX of the same
 * writers' lines with powers, how much likelier each label is as an exponent, and how likely
 * x and ×, and z and 2, are between given neighbours (lib/equation/context-prior). Needs:
 *   npm run import -- ../shared/data/crohme-train-inkml.tar.gz
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { expressionsOfSplit, flatLines } from "../lib/dataset/flat-lines";
import { openDatabase } from "../lib/db/open-database";
import { getEnv } from "../lib/env";
import { lineFrame, placeInLine, type Placement } from "../lib/equation/line-frame";
import { fitPlacementModel, fitRaisedPrior } from "../lib/equation/placement-model";
import { latexLineTokens } from "../lib/dataset/bench-lines";
import type { ExpressionToken } from "../lib/equation/build-expression";
import { CONTEXT_LABELS, fitContextPrior } from "../lib/equation/context-prior";

const args = z.object({ out: z.string().min(1).default("lib/equation/placement-model.json") });

function main(): number {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const { out } = args.parse(values);
  const db = openDatabase(getEnv().databaseFile);
  const examples: { label: string; placement: Placement }[] = [];
  let lines = 0;
  for (const line of flatLines(db, "train")) {
    const frame = lineFrame(line.boxes);
    if (!frame) continue;
    lines++;
    line.labels.forEach((label, i) => examples.push({ label, placement: placeInLine(line.boxes[i]!, frame) }));
  }
  if (lines === 0) {
    console.error("error: no one-line CROHME expressions by train-split writers in the database; import crohme-train-inkml.tar.gz first");
    return 2;
  }
  // What exponents are: label counts raised and overall in the lines with powers the solver reads.
  const raised = new Map<string, number>();
  const all = new Map<string, number>();
  const tokenLines: ExpressionToken[][] = [];
  let poweredLines = 0;
  for (const { latex } of expressionsOfSplit(db, "train", ["latex"])) {
    const tokens = latex === null ? null : latexLineTokens(latex);
    if (!tokens) continue;
    tokenLines.push(tokens);
    if (tokens.some((t) => t.superscript)) poweredLines++;
    for (const t of tokens) {
      all.set(t.label, (all.get(t.label) ?? 0) + 1);
      if (t.superscript) raised.set(t.label, (raised.get(t.label) ?? 0) + 1);
    }
  }
  db.close();
  const model = {
    ...fitPlacementModel(examples, `CROHME one-line expressions by train-split writers: ${lines} lines, ${examples.length} symbols`),
    raised: fitRaisedPrior(raised, all),
    raisedSource: `LaTeX of CROHME lines with or without powers by train-split writers: ${poweredLines} lines with powers, ${[...raised.values()].reduce((a, b) => a + b, 0)} exponent symbols`,
    context: fitContextPrior(tokenLines),
    contextSource: `LaTeX of the same ${tokenLines.length} lines by train-split writers: ${CONTEXT_LABELS.join(" and ")} by their neighbours' kinds`,
  };
  fs.writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
  const fitted = Object.entries(model.classes);
  console.log(`${model.source}; ${fitted.length} classes fitted -> ${out}`);
  for (const [label, c] of fitted) console.log(`  ${label.padEnd(6)} n=${String(c.n).padStart(5)}  mean ${c.mean.map((v) => v.toFixed(2)).join(" ")}`);
  for (const [label, byContext] of Object.entries(model.context)) {
    console.log(`  ${label} between: ${Object.entries(byContext).map(([k, v]) => `${k} ${Math.exp(v).toFixed(2)}x`).join(", ")}`);
  }
  console.log(`${model.raisedSource}; as an exponent: ${["2", "3", "x", "y", "z", "1"].map((l) => `${l} ${Math.exp(model.raised[l] ?? 0).toFixed(2)}x`).join(", ")}`);
  return 0;
}

process.exit(main());
