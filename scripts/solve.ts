/**
 * npm run solve -- <image | ink.inkml> [--json]
 * Reads a photo, scan, canvas export or InkML digital ink of a handwritten equation (one line, or two lines for a
 * system) with the current model and prints what it read and the solution. Same checks and
 * pipeline as POST /api/solve. Exit codes: 0 solved (or an answer like "no solution"),
 * 1 read but not solvable, 2 bad input, 3 no model.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { MAX_SOLVE_BYTES, SolveInputError, tooLarge } from "../lib/solver/check-image";
import { solveUpload } from "../lib/solver/solve-upload";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  if (positionals.length !== 1) {
    console.error("usage: npm run solve -- <image.png|image.jpg|ink.inkml> [--json]");
    return 2;
  }
  const file = positionals[0]!;
  const db = openDatabase(getEnv().databaseFile);
  try {
    const size = fs.statSync(file).size;
    // Refused on its size before the file is read, as the API refuses on Content-Length.
    if (size > MAX_SOLVE_BYTES) throw tooLarge(size);
    const result = await solveUpload({ db, bytes: fs.readFileSync(file), saveCorrections: false });
    if (values.json) {
      console.log(JSON.stringify(result));
    } else {
      const read = result.tokens.map((t) => `${t.superscript ? "^" : ""}${t.label} ${(t.confidence * 100).toFixed(0)}%${t.overridden ? "*" : ""}`);
      console.log(`model:      #${result.model.id} ${result.model.name} (${result.model.classes.length} classes, ${result.model.engine})`);
      console.log(`symbols:    ${read.join("  ")}`);
      console.log(`expression: ${result.lines.join("   |   ")}${result.wellFormed ? "" : "   (not well formed)"}`);
      if (result.skewDegrees !== 0) console.log(`levelled:   the writing sloped ${result.skewDegrees}° (positive: falling to the right)`);
      console.log(`solution:   ${result.solution.text}`);
      const t = result.timing;
      console.log(
        `time:       ${t.totalMs} ms (decode image ${t.imageMs}, segment ${t.segmentMs}, classify ${t.classifyMs}, decode ${t.decodeMs}, solve ${t.solveMs}` +
          `${t.modelLoadMs !== undefined ? `; model load ${t.modelLoadMs} not included` : ""})`,
      );
    }
    return result.solution.kind === "error" ? 1 : 0;
  } catch (err) {
    if (err instanceof SolveInputError) {
      console.error(`error: ${err.message}`);
      return err.status === 409 ? 3 : 2;
    }
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`error: no such file: ${file}`);
      return 2;
    }
    throw err;
  } finally {
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
