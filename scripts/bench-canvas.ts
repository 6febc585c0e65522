/**
 * npm run bench:canvas -- [--url http://localhost:3000] [--split test] [--limit N] [--failures N] [--json]
 *
 * Real handwriting through the real Solve page: each flat CROHME line by writers of the given
 * stored split (default test: writers the shipped model never saw) is drawn stroke by stroke
 * with the mouse on the Solve canvas in Chromium, the Solve button is pressed, and what the app
 * read (the POST /api/solve answer) is compared with the truth. Same lines as bench:solve (a);
 * what differs is the path: the browser's canvas rendering and PNG export, the upload, the
 * server. Needs the app running on the same database (npm start) with the CROHME ink imported.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { benchLines } from "../lib/dataset/bench-lines";
import { buildExpression } from "../lib/equation/decode";
import type { Split } from "../lib/dataset/split";

/** The Solve canvas in drawing units (app/solve/solve-pad.tsx) and the margin kept free. */
const CANVAS = { width: 760, height: 260, margin: 20 };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://localhost:3000" },
      split: { type: "string", default: "test" },
      limit: { type: "string" },
      failures: { type: "string", default: "10" },
      json: { type: "boolean", default: false },
    },
  });
  const log = (m: string) => {
    if (!values.json) console.log(m);
  };
  let models: { items: { id: number; name: string; isCurrent: boolean; classes: string[] }[] };
  try {
    models = (await (await fetch(`${values.url}/api/models`)).json()) as typeof models;
  } catch (err) {
    console.error(`error: no Inkset app answers at ${values.url} (${(err as Error).message}): start it with npm start on this database`);
    return 2;
  }
  const current = models.items.find((m) => m.isCurrent);
  if (!current) {
    console.error(`error: the app at ${values.url} has no current model`);
    return 3;
  }
  const db = openDatabase(getEnv().databaseFile);
  const lines = [...benchLines(db, { split: values.split as Split, classes: new Set(current.classes) })].slice(0, values.limit ? Number(values.limit) : undefined);
  db.close();
  if (lines.length === 0) {
    console.error("error: no flat CROHME lines of the model's classes in this database (npm run import -- ../shared/data/crohme-train-inkml.tar.gz)");
    return 2;
  }
  log(`model #${current.id} ${current.name}; ${lines.length} lines by ${values.split}-split writers, drawn with the mouse at ${values.url}/solve`);

  const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  const browser = await chromium.launch(
    systemChromium ? { executablePath: systemChromium, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] } : {},
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${values.url}/solve`);
  const canvas = page.getByRole("img", { name: "Equation drawing area" });
  let exact = 0;
  const failures: { name: string; truth: string; read: string }[] = [];
  // The server's own time for each drawing (timing.totalMs of the answer): the 3x export read.
  const serverMs: number[] = [];
  for (const line of lines) {
    await page.getByRole("button", { name: "Clear" }).click();
    const box = (await canvas.boundingBox())!;
    const scale = Math.min((CANVAS.width - 2 * CANVAS.margin) / line.ink.width, (CANVAS.height - 2 * CANVAS.margin) / line.ink.height);
    const sx = box.width / CANVAS.width;
    const sy = box.height / CANVAS.height;
    const toScreen = ([x, y]: readonly number[]) =>
      [box.x + (CANVAS.margin + (x! - line.ink.x) * scale) * sx, box.y + (CANVAS.margin + (y! - line.ink.y) * scale) * sy] as const;
    for (const stroke of line.strokes) {
      const [first, ...rest] = stroke.map(toScreen);
      if (!first) continue;
      await page.mouse.move(first[0], first[1]);
      await page.mouse.down();
      for (const [x, y] of rest) await page.mouse.move(x, y);
      if (rest.length === 0) await page.mouse.move(first[0] + 0.5, first[1]);
      await page.mouse.up();
    }
    const answer = page.waitForResponse((r) => r.url().includes("/api/solve") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Solve", exact: true }).click();
    const response = await answer;
    const answered = response.ok() ? ((await response.json()) as { expression: string; timing: { totalMs: number } }) : null;
    const read = answered ? answered.expression : `(error ${response.status()})`;
    if (answered) serverMs.push(answered.timing.totalMs);
    const truth = buildExpression(line.labels.map((label) => ({ label, superscript: false })));
    if (read === truth) exact++;
    else failures.push({ name: line.name, truth, read });
  }
  await browser.close();
  serverMs.sort((a, b) => a - b);
  const at = (q: number) => serverMs[Math.min(serverMs.length - 1, Math.floor(q * serverMs.length))] ?? NaN;
  log(`canvas, real ink drawn with the mouse: ${exact}/${lines.length} exact = ${((100 * exact) / lines.length).toFixed(1)}%; server time p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms`);
  for (const f of failures.slice(0, Number(values.failures))) log(`    ${f.name}: truth ${f.truth}   read ${f.read}`);
  if (values.json) console.log(JSON.stringify({ model: current.id, lines: lines.length, exact, accuracy: exact / lines.length, serverMs: { p50: at(0.5), p95: at(0.95) }, failures }));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
