/**
 * npm run bench:solve -- [--model ID] [--writers test|val] [--expressions <dir>] [--composed N] [--runs N] [--seed N] [--json] [--failures N] [--shape-only] [--dump DIR] [--paper plain|ruled|grid]
 *
 * Measures the equation solver with the current model of the database (INKSET_DATA_DIR), or
 * with model ID to weigh a candidate before promoting it:
 * (a) expression exact-match on real CROHME handwriting from writers in the stored TEST split
 *     (never trained on when the model uses the stored split, which keeps InkML writer-disjoint),
 *     rendered by lib/dataset/export-expressions; kept: every symbol labelled with one of the
 *     model's classes, no ^ _ \frac \sqrt (one flat line), at least two symbols, and the true
 *     line well formed by the decoder's grammar (what the solver can read at all);
 * (b) exact-match on equations composed from TEST-split canonical samples of the model's
 *     classes with size, baseline and spacing jitter (lib/equation/compose-equation);
 * (a) and (b) re-weigh the classifier's top-k by where each symbol sits in its line (the shipped
 * placement model); --shape-only reads each crop by its shape alone, for comparison.
 * (f) exact-match on quadratics and squares composed the same way, exponents raised and smaller;
 * (e) exact-match on CROHME lines with powers (x^2+y^2=z^2) by the same writers: the truth is
 *     the LaTeX, once it names exactly the symbols of the ink;
 * (m) the same for CROHME lines with fractions written stacked (z = x + 1 over x);
 * (p) the same for CROHME lines with square roots, a root over all its bar covers (sqrt(x+1));
 * (d) exact-match on the lines of (a) as simulated phone photos (lib/equation/simulate-photo;
 *     --paper plain|ruled|grid takes one kind of paper for all):
 *     thicker pen, gray uneven ink, shaded and sometimes ruled paper, a tilt, blur and JPEG;
 * (g) exact-match on the lines of (a) turned 3-12 degrees either way, as a photo taken askew or
 *     a line drifting up the page: the solver levels them (lib/equation/deskew);
 * (h) exact-match on the lines of (a) as photos of more of the page, 1-2.5 line heights of paper
 *     each side (a photo not cropped to the line), the pen as wide as in (d);
 * (i) exact-match on such photos in poor light: half underexposed, half with a hard shadow over
 *     part of the page;
 * (j) exact-match on the photos of (d) at 0.2-0.35 of their size (a photo from further off).
 * (k) exact-match on systems of two linear equations in x and y composed the same way as (b), one
 *     line under the other, every other one opened with a curly brace (lib/equation/compose-system);
 * (l) the systems of (k) as simulated photos, like (d).
 * (n) exact-match on lines with fractions written stacked ("x+1 over 2 = 3", "1 over 2 + 3 over 4")
 *     composed the same way as (b), each side at 0.8 of the line's size;
 * (o) the lines of (n) as simulated photos, like (d).
 * --writers val takes every section from the val split instead (the lines of val-split writers,
 * equations composed from val-split symbols): also never trained on, but seen by early stopping
 * and promotion, so the place to tune the solver without touching test.
 * --dump DIR writes each failed line's image and what was read (tokens, boxes, top-k) there.
 * (c) p50/p95 server time for a 10-symbol equation, model loaded: the work POST /api/solve
 *     does after receiving the bytes (header check, PNG decode, segmentation, classify: one
 *     batch, and one more for the views of unsure crops, decoding, solving); and the same line
 *     centred on a 2280x780 page, the size the Solve canvas exports (blank paper around a
 *     drawing costs time until it is cropped), and the line drawn across the canvas as it sends
 *     it at 3x (symbols 240 px, read shrunk).
 * Needs the CROHME ink imported into the same database for (a):
 *   npm run import -- ../shared/data/crohme-train-inkml.tar.gz
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/db/open-database";
import { exportExpressions } from "../lib/dataset/export-expressions";
import { benchLineLabels, latexFractionLine, latexLineTokens } from "../lib/dataset/bench-lines";
import type { ExpressionTruth } from "../lib/dataset/expression-image";
import { composeEquation } from "../lib/equation/compose-equation";
import { composeSystem } from "../lib/equation/compose-system";
import { buildExpression, decodeEquation, type ExpressionToken } from "../lib/equation/decode";
import { decodeLine } from "../lib/equation/decode-line";
import type { FractionRole } from "../lib/equation/fractions";
import { createRng } from "../lib/equation/synthetic-ink";
import { simulatePhoto, type PaperKind } from "../lib/equation/simulate-photo";
import { NoSymbolsError, solveImage, type SolvedToken } from "../lib/equation/solve-image";
import { decodeGray } from "../lib/images/decode";
import { encodeGrayPng } from "../lib/images/encode-png";
import { getCurrentClassifier, loadClassifierForModel, NoModelError } from "../lib/solver/current-classifier";
import { solveUpload } from "../lib/solver/solve-upload";
import type { GrayImage } from "../lib/images/canonicalize";
import { getModel } from "../lib/training/models";


interface Score {
  total: number;
  exact: number;
  countMatch: number;
  symbolsRight: number;
  symbolsCompared: number;
  failures: { name: string; truth: string; read: string }[];
  /** "truth→read" -> count, over lines whose symbol count matches. */
  confusions: Map<string, number>;
}

const emptyScore = (): Score => ({ total: 0, exact: 0, countMatch: 0, symbolsRight: 0, symbolsCompared: 0, failures: [], confusions: new Map() });

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      model: { type: "string" },
      writers: { type: "string", default: "test" },
      expressions: { type: "string" },
      composed: { type: "string", default: "300" },
      runs: { type: "string", default: "60" },
      seed: { type: "string", default: "7" },
      failures: { type: "string", default: "8" },
      json: { type: "boolean", default: false },
      "shape-only": { type: "boolean", default: false },
      dump: { type: "string" },
      paper: { type: "string" },
    },
  });
  if (values.writers !== "test" && values.writers !== "val") {
    console.error(`error: --writers must be test or val, not ${values.writers}`);
    return 2;
  }
  const writers = values.writers;
  const paperKinds: readonly PaperKind[] = ["plain", "ruled", "grid"];
  if (values.paper !== undefined && !paperKinds.includes(values.paper as PaperKind)) {
    console.error(`error: --paper must be one of ${paperKinds.join(", ")}, not ${values.paper}`);
    return 2;
  }
  const paper = values.paper as PaperKind | undefined;
  const env = getEnv();
  const db = openDatabase(env.databaseFile);
  let classifier;
  try {
    classifier = values.model === undefined ? await getCurrentClassifier(db) : await loadClassifierForModel(db, Number(values.model));
  } catch (err) {
    if (err instanceof NoModelError) {
      console.error(`error: ${err.message}`);
      return 3;
    }
    throw err;
  }
  const row = getModel(db, classifier.modelId)!;
  const placement = values["shape-only"] ? null : undefined;
  const dumpDir = values.dump;
  if (dumpDir) fs.mkdirSync(dumpDir, { recursive: true });
  const score = (into: Score, name: string, image: GrayImage, labels: readonly (string | ExpressionToken)[], truth?: string) =>
    scoreOne(into, name, image, labels.map((l) => (typeof l === "string" ? { label: l, superscript: false } : l)), classifier, placement, dumpDir, truth);
  const classes = new Set(classifier.classes);
  const log = (m: string) => {
    if (!values.json) console.log(m);
  };
  const cfg = JSON.parse(row.config) as { epochs?: number };
  if (values["shape-only"]) log("shape only: the placement model is off");
  log(
    `model #${row.id} ${row.name}: ${classifier.classes.length} classes [${classifier.classes.join(" ")}], ${cfg.epochs ?? "?"} epochs, ` +
      `split ${row.splitMode}, test accuracy ${pct(row.testAccuracy ?? 0)}, engine ${classifier.engine}, loaded in ${classifier.loadMs.toFixed(0)} ms`,
  );

  // (a) real handwriting, unseen writers
  let exportDir = values.expressions;
  if (!exportDir) {
    exportDir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-bench-solve-"));
    const written = await exportExpressions({ db, out: exportDir, writerSplit: writers });
    log(`exported ${written.written} CROHME expressions of ${writers}-split writers to ${exportDir}`);
  }
  const index = JSON.parse(fs.readFileSync(path.join(exportDir, "index.json"), "utf8")) as { expressions: { image: string; truth: string }[] };
  const crohme = emptyScore();
  const crohmeLines: { name: string; image: GrayImage; labels: string[] }[] = [];
  const poweredLines: { name: string; image: string; tokens: ExpressionToken[]; truth: string }[] = [];
  const rootLines: typeof poweredLines = [];
  const fractionLines: { name: string; image: string; labels: string[]; truth: string }[] = [];
  let considered = 0;
  const skippedBy: Record<string, number> = {};
  const skip = (why: string) => (skippedBy[why] = (skippedBy[why] ?? 0) + 1);
  for (const entry of index.expressions) {
    considered++;
    const truth = JSON.parse(fs.readFileSync(path.join(exportDir, entry.truth), "utf8")) as ExpressionTruth;
    const accepted = benchLineLabels(truth.latex, truth.labels.map((label, i) => ({ label, x: truth.boxes[i]![0] })), classes);
    if (!("labels" in accepted)) {
      skip(accepted.skip);
      const structured = truth.latex && accepted.skip.startsWith("structure") ? structuredLine(truth.latex, truth.labels, classes) : null;
      if (structured) {
        const line = { name: entry.image.replace(/\.png$/, ""), image: path.join(exportDir, entry.image), ...structured };
        if (structured.powers) poweredLines.push(line);
        if (structured.roots) rootLines.push(line);
      }
      const fraction = truth.latex && accepted.skip.startsWith("structure") ? fractionLine(truth.latex, truth.labels, classes) : null;
      if (fraction) fractionLines.push({ name: entry.image.replace(/\.png$/, ""), image: path.join(exportDir, entry.image), ...fraction });
      continue;
    }
    const labels = accepted.labels;
    const image = await decodeGray(fs.readFileSync(path.join(exportDir, entry.image)));
    crohmeLines.push({ name: entry.image.replace(/\.png$/, ""), image, labels });
    await score(crohme, entry.image.replace(/\.png$/, ""), image, labels);
  }
  log(
    `(a) CROHME, unseen ${writers}-split writers: ${crohme.exact}/${crohme.total} exact = ${pct(crohme.exact / crohme.total)} ` +
      `(symbol count right ${pct(crohme.countMatch / crohme.total)}, symbols right where counts match ${pct(crohme.symbolsRight / crohme.symbolsCompared)}); ` +
      `${considered} expressions considered, skipped: ${Object.entries(skippedBy).map(([k, v]) => `${v} ${k}`).join(", ")}`,
  );
  printFailures(crohme, Number(values.failures), log);

  // (b) composed from held-out symbols (the test split unless --writers val)
  const rng = createRng(Number(values.seed));
  const pool = loadSplitSymbols(db, writers, classifier.classes);
  const composed = emptyScore();
  const n = Number(values.composed);
  for (let k = 0; k < n; k++) {
    const labels = randomEquation(rng, classes);
    if (labels.some((l) => !pool.has(l))) continue;
    const symbols = labels.map((label) => {
      const options = pool.get(label)!;
      return { label, canonical: options[Math.floor(rng() * options.length)]! };
    });
    const size = 40 + Math.round(rng() * 80);
    const { image } = composeEquation(symbols, { size, rng });
    await score(composed, `composed-${k}`, image, labels);
  }
  log(
    `(b) composed from ${writers}-split symbols: ${composed.exact}/${composed.total} exact = ${pct(composed.exact / composed.total)} ` +
      `(symbol count right ${pct(composed.countMatch / composed.total)}, symbols right where counts match ${pct(composed.symbolsRight / composed.symbolsCompared)})`,
  );
  printFailures(composed, Number(values.failures), log);

  // (e) lines with powers by the same writers
  const powered = emptyScore();
  for (const line of poweredLines) await score(powered, line.name, await decodeGray(fs.readFileSync(line.image)), line.tokens, line.truth);
  log(
    `(e) CROHME lines with powers (x^2+y^2=z^2), same writers: ${powered.exact}/${powered.total} exact = ${pct(powered.exact / powered.total)} ` +
      `(symbol count right ${pct(powered.countMatch / powered.total)}, symbols and levels right where counts match ${pct(powered.symbolsRight / powered.symbolsCompared)})`,
  );
  printFailures(powered, Number(values.failures), log);

  // (p) lines with square roots by the same writers
  const roots = emptyScore();
  for (const line of rootLines) await score(roots, line.name, await decodeGray(fs.readFileSync(line.image)), line.tokens, line.truth);
  log(
    `(p) CROHME lines with square roots (sqrt(x+1)), same writers: ${roots.exact}/${roots.total} exact = ${pct(roots.exact / Math.max(1, roots.total))} ` +
      `(symbol count right ${pct(roots.countMatch / Math.max(1, roots.total))}, symbols and levels right where counts match ${pct(roots.symbolsRight / Math.max(1, roots.symbolsCompared))})`,
  );
  printFailures(roots, Number(values.failures), log);

  // (m) lines with stacked fractions by the same writers
  const fractions = emptyScore();
  for (const line of fractionLines) await score(fractions, line.name, await decodeGray(fs.readFileSync(line.image)), line.labels, line.truth);
  log(
    `(m) CROHME lines with stacked fractions (z=x+1/x), same writers: ${fractions.exact}/${fractions.total} exact = ${pct(fractions.exact / Math.max(1, fractions.total))} ` +
      `(symbol count right ${pct(fractions.countMatch / Math.max(1, fractions.total))}, symbols right where counts match ${pct(fractions.symbolsRight / Math.max(1, fractions.symbolsCompared))})`,
  );
  printFailures(fractions, Number(values.failures), log);

  // (d), (g)-(j): the lines of (a) photographed, turned, and in harder conditions. Each section
  // draws from its own generator, so adding one leaves the others' draws as they were.
  const lineSection = async (label: string, prefix: string, seedOffset: number, variant: (line: { image: GrayImage }, rng: () => number) => Promise<GrayImage>) => {
    const into = emptyScore();
    const rng = createRng(Number(values.seed) + seedOffset);
    for (const line of crohmeLines) await score(into, `${prefix}-${line.name}`, await variant(line, rng), line.labels);
    log(`${label}: ${summary(into)}`);
    printFailures(into, Number(values.failures), log);
    return into;
  };
  const photos = await lineSection(
    `(d) the lines of (a) as simulated photos (thicker pen, gray ink, shaded ${paper ? `${paper} paper` : "plain, ruled or squared paper"}, tilt, blur, JPEG)`,
    "photo",
    1,
    (line, rng) => photograph(line.image, rng, paper),
  );
  const sloped = await lineSection(`(g) the lines of (a) turned ${MIN_SLOPE}-${MAX_SLOPE}° either way (a photo taken askew, a line drifting up)`, "sloped", 2, (line, rng) =>
    turn(line.image, (rng() < 0.5 ? -1 : 1) * (MIN_SLOPE + rng() * (MAX_SLOPE - MIN_SLOPE))),
  );
  // The page around the line: MIN_PAPER-MAX_PAPER line heights each side, the pen as on the line alone.
  const looseShot = (line: { image: GrayImage }, rng: () => number) =>
    photograph(withPaper(line.image, Math.round((MIN_PAPER + rng() * (MAX_PAPER - MIN_PAPER)) * line.image.height)), rng, paper, line.image.height);
  const loose = await lineSection(`(h) the lines of (a) as photos of more of the page (${MIN_PAPER}-${MAX_PAPER} line heights of paper each side)`, "loose", 3, looseShot);
  const dim = await lineSection(
    `(i) the photos of (h) in poor light (half of them at ${Math.round(UNDEREXPOSED * 100)}% of the light, half with a hard shadow taking ${Math.round(SHADOW_DEPTH * 100)}% off part of the page)`,
    "dim",
    4,
    async (line, rng) => {
      const photo = await looseShot(line, rng);
      return rng() < 0.5 ? dimmed(photo, UNDEREXPOSED) : shadowed(photo, rng);
    },
  );
  const far = await lineSection(`(j) the photos of (d) at ${MIN_FAR}-${MAX_FAR} of their size`, "far", 5, async (line, rng) => {
    const photo = await photograph(line.image, rng, paper);
    return shrink(photo, MIN_FAR + rng() * (MAX_FAR - MIN_FAR));
  });

  // (f) composed with powers, the same way
  const squares = emptyScore();
  const m = Math.round(n / 3);
  for (let k = 0; k < m; k++) {
    const tokens = randomPowerEquation(rng, classes);
    if (tokens.some((t) => !pool.has(t.label))) continue;
    const symbols = tokens.map((t) => {
      const options = pool.get(t.label)!;
      return { label: t.label, raised: t.superscript, canonical: options[Math.floor(rng() * options.length)]! };
    });
    const { image } = composeEquation(symbols, { size: 40 + Math.round(rng() * 80), rng });
    await score(squares, `composed-power-${k}`, image, tokens);
  }
  log(
    `(f) composed with powers (x^2-5x+6=0) from ${writers}-split symbols: ${squares.exact}/${squares.total} exact = ${pct(squares.exact / squares.total)} ` +
      `(symbol count right ${pct(squares.countMatch / squares.total)}, symbols and levels right where counts match ${pct(squares.symbolsRight / squares.symbolsCompared)})`,
  );
  printFailures(squares, Number(values.failures), log);

  // (n) stacked fractions composed the same way
  // (o) those fractions photographed, with their own generator
  const stackedFractions = emptyScore();
  const fractionPhotos = emptyScore();
  const fractionRng = createRng(Number(values.seed) + 8);
  const fractionPhotoRng = createRng(Number(values.seed) + 9);
  for (let k = 0; k < Math.round(n / 5); k++) {
    const line = randomFractionEquation(fractionRng, classes);
    if (line.labels.some((l) => !pool.has(l))) continue;
    const symbols = line.labels.map((label, i) => ({ label, canonical: pool.get(label)![Math.floor(fractionRng() * pool.get(label)!.length)]!, fraction: line.roles[i] }));
    const size = 40 + Math.round(fractionRng() * 80);
    const { image } = composeEquation(symbols, { size, rng: fractionRng });
    const truth = decodeLine(line.labels.map((label) => ({ candidates: [{ label, p: 1 }] })), line.roles.map((fraction) => ({ fraction }))).expression;
    await score(stackedFractions, `fraction-${k}`, image, line.labels, truth);
    // The pen as wide for the digits as in (l).
    await score(fractionPhotos, `photo-fraction-${k}`, await photograph(image, fractionPhotoRng, paper, Math.round(size * 2.8)), line.labels, truth);
  }
  log(`(n) stacked fractions (x+1 over 2 = 3) composed from ${writers}-split symbols: ${summary(stackedFractions)}`);
  printFailures(stackedFractions, Number(values.failures), log);
  log(`(o) the fractions of (n) as simulated photos: ${summary(fractionPhotos)}`);
  printFailures(fractionPhotos, Number(values.failures), log);

  // (k) systems of two equations, half of them opened with a brace
  // (l) the same systems photographed, each section with its own generator
  const systems = emptyScore();
  const systemPhotos = emptyScore();
  const systemRng = createRng(Number(values.seed) + 6);
  const systemPhotoRng = createRng(Number(values.seed) + 7);
  for (let k = 0; k < Math.round(n / 5); k++) {
    const lines = randomSystem(systemRng);
    if (lines.flat().some((l) => !pool.has(l))) continue;
    const pick = (label: string) => ({ label, canonical: pool.get(label)![Math.floor(systemRng() * pool.get(label)!.length)]! });
    const brace = k % 2 === 1;
    const symbols = lines.map((line) => line.map(pick));
    const size = 40 + Math.round(systemRng() * 80);
    const image = composeSystem(symbols, { size, rng: systemRng, brace });
    const truth = lines.map((line) => buildExpression(line.map((label) => ({ label, superscript: false })))).join("; ");
    const name = `system-${brace ? "braced-" : ""}${k}`;
    await score(systems, name, image, lines.flat(), truth);
    // The pen as wide for a line's height as in (d): a line is about 2.8 digit heights high.
    await score(systemPhotos, `photo-${name}`, await photograph(image, systemPhotoRng, paper, Math.round(size * 2.8)), lines.flat(), truth);
  }
  log(`(k) systems of two equations composed from ${writers}-split symbols, half of them with a brace: ${summary(systems)}`);
  printFailures(systems, Number(values.failures), log);
  log(`(l) the systems of (k) as simulated photos: ${summary(systemPhotos)}`);
  printFailures(systemPhotos, Number(values.failures), log);

  // (c) latency of a 10-symbol equation
  const latencyLabels = ["2", "(", "x", "+", "1", "3", ")", "=", "4", "8"].filter((l) => pool.has(l));
  const latencySymbols = latencyLabels.map((label) => ({ label, canonical: pool.get(label)![0]! }));
  const { image: latencyImage } = composeEquation(latencySymbols, { size: LATENCY_SIZE, rng: createRng(1) });
  const runs = Number(values.runs);
  const serverTimes = async (image: GrayImage) => {
    const png = await encodeGrayPng(image);
    const times: number[] = [];
    let read = "";
    for (let i = 0; i < runs + 5; i++) {
      const t0 = performance.now();
      const result = await solveUpload({ db, bytes: png, classifier, saveCorrections: false });
      const ms = performance.now() - t0;
      if (i >= 5) times.push(ms);
      read = `${result.expression} -> ${result.solution.text}`;
    }
    times.sort((a, b) => a - b);
    return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), read };
  };
  const { p50, p95, read: lastExpression } = await serverTimes(latencyImage);
  log(
    `(c) server time, ${latencyLabels.length}-symbol equation ${latencyImage.width}x${latencyImage.height} px (${lastExpression}): ` +
      `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${runs} runs (goal p95 < 150 ms)`,
  );
  // The same line as the Solve canvas sends it: its 760x260 drawing area exported at 3x.
  const canvas = await serverTimes(onBlankPage(latencyImage, CANVAS_EXPORT.width, CANVAS_EXPORT.height));
  log(
    `    the same on a ${CANVAS_EXPORT.width}x${CANVAS_EXPORT.height} px canvas export (${canvas.read}): ` +
      `p50 ${canvas.p50.toFixed(1)} ms, p95 ${canvas.p95.toFixed(1)} ms`,
  );
  // The line drawn to fill the canvas: at 1x it is as wide as the drawing area, so the export
  // at 3x holds symbols three times as large, which the segmenter reads shrunk.
  const { image: drawnImage } = composeEquation(latencySymbols, { size: 3 * LATENCY_SIZE, rng: createRng(1) });
  const drawn = await serverTimes(onBlankPage(drawnImage, Math.max(CANVAS_EXPORT.width, drawnImage.width), Math.max(CANVAS_EXPORT.height, drawnImage.height)));
  log(
    `    the same drawn across the canvas and sent at 3x, symbols ${3 * LATENCY_SIZE} px (${drawn.read}): ` +
      `p50 ${drawn.p50.toFixed(1)} ms, p95 ${drawn.p95.toFixed(1)} ms`,
  );

  if (values.json) {
    console.log(
      JSON.stringify({
        model: { id: row.id, name: row.name, classes: classifier.classes, config: JSON.parse(row.config), splitMode: row.splitMode, testAccuracy: row.testAccuracy, engine: classifier.engine },
        crohme: { exact: crohme.exact, total: crohme.total, accuracy: crohme.exact / crohme.total, considered, skipped: skippedBy },
        composed: { exact: composed.exact, total: composed.total, accuracy: composed.exact / composed.total },
        photos: { exact: photos.exact, total: photos.total, accuracy: photos.exact / photos.total },
        sloped: { exact: sloped.exact, total: sloped.total, accuracy: sloped.exact / sloped.total },
        loosePhotos: { exact: loose.exact, total: loose.total, accuracy: loose.exact / loose.total },
        poorLight: { exact: dim.exact, total: dim.total, accuracy: dim.exact / dim.total },
        small: { exact: far.exact, total: far.total, accuracy: far.exact / far.total },
        powers: { exact: powered.exact, total: powered.total, accuracy: powered.exact / powered.total },
        roots: { exact: roots.exact, total: roots.total, accuracy: roots.exact / Math.max(1, roots.total) },
        composedPowers: { exact: squares.exact, total: squares.total, accuracy: squares.exact / squares.total },
        systems: { exact: systems.exact, total: systems.total, accuracy: systems.exact / systems.total },
        systemPhotos: { exact: systemPhotos.exact, total: systemPhotos.total, accuracy: systemPhotos.exact / systemPhotos.total },
        latency: { symbols: latencyLabels.length, p50, p95, runs, canvas: { p50: canvas.p50, p95: canvas.p95 }, drawn: { p50: drawn.p50, p95: drawn.p95 } },
      }),
    );
  }
  db.close();
  return 0;
}

async function scoreOne(
  score: Score,
  name: string,
  image: GrayImage,
  expected: readonly ExpressionToken[],
  classifier: Awaited<ReturnType<typeof getCurrentClassifier>>,
  placement: null | undefined,
  dumpDir: string | undefined,
  truth = buildExpression(expected),
): Promise<void> {
  score.total++;
  let read = "";
  let tokens: SolvedToken[] = [];
  try {
    const result = await solveImage(image, { classifier, placement });
    read = result.expression;
    tokens = result.tokens;
    if (result.tokens.length === expected.length) {
      score.countMatch++;
      result.tokens.forEach((t, i) => {
        score.symbolsCompared++;
        const want = expected[i]!;
        if (t.label === want.label && t.superscript === want.superscript) score.symbolsRight++;
        else {
          const key = `${want.label}${want.superscript ? "^" : ""}→${t.label}${t.superscript ? "^" : ""}`;
          score.confusions.set(key, (score.confusions.get(key) ?? 0) + 1);
        }
      });
    }
  } catch (err) {
    if (!(err instanceof NoSymbolsError)) throw err;
  }
  if (read === truth) score.exact++;
  else {
    score.failures.push({ name, truth, read });
    if (dumpDir) await dumpFailure(dumpDir, name, image, truth, read, tokens);
  }
}

async function dumpFailure(dir: string, name: string, image: GrayImage, truth: string, read: string, tokens: readonly SolvedToken[]): Promise<void> {
  fs.writeFileSync(path.join(dir, `${name}.png`), await encodeGrayPng(image));
  const summary = tokens.map((t) => ({ label: t.label, superscript: t.superscript, box: t.box, topK: t.candidates.map((c) => `${c.label} ${c.p.toFixed(3)}`) }));
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ truth, read, tokens: summary }, null, 1));
}

/**
 * A line with powers or square roots: its symbols, raised or not, in reading order (the
 * LaTeX's own order) and the expression it should read (a root over all it covers), once the
 * LaTeX names exactly the symbols the ink has (every one a model class) and the grammar reads it.
 */
function structuredLine(
  latex: string,
  inkLabels: readonly (string | null)[],
  classes: ReadonlySet<string>,
): { tokens: ExpressionToken[]; truth: string; powers: boolean; roots: boolean } | null {
  const tokens = latexLineTokens(latex);
  if (!tokens || tokens.length < 2 || !namesTheInk(tokens.map((t) => t.label), inkLabels, classes)) return null;
  const decoded = decodeLine(
    tokens.map((t) => ({ candidates: [{ label: t.label, p: 1 }], superscript: t.superscript })),
    tokens.map((t) => ({ radicand: t.radicand })),
  );
  if (!decoded.wellFormed) return null;
  return { tokens, truth: decoded.expression, powers: tokens.some((t) => t.superscript), roots: tokens.some((t) => t.label === "√") };
}

/**
 * A line with stacked fractions: its symbols in the order the solver reads them and the
 * expression it should read, once the LaTeX names exactly the symbols of the ink (every one a
 * model class; a fraction bar is inked as "-") and the grammar reads it.
 */
function fractionLine(latex: string, inkLabels: readonly (string | null)[], classes: ReadonlySet<string>): { labels: string[]; truth: string } | null {
  const line = latexFractionLine(latex);
  if (!line || !namesTheInk(line.labels, inkLabels, classes)) return null;
  const decoded = decodeLine(line.labels.map((label) => ({ candidates: [{ label, p: 1 }] })), line.layout);
  return decoded.wellFormed ? { labels: line.labels, truth: decoded.expression } : null;
}

/** Whether a LaTeX truth's symbols are all model classes and exactly the symbols the ink has, in any order. */
function namesTheInk(labels: readonly string[], inkLabels: readonly (string | null)[], classes: ReadonlySet<string>): boolean {
  const sorted = (list: readonly (string | null)[]) => [...list].sort().join(" ");
  return labels.every((l) => classes.has(l)) && sorted(labels) === sorted(inkLabels);
}

/** Symbol size of the latency line: 80 px makes it about as wide as the Solve canvas's drawing area. */
const LATENCY_SIZE = 80;

/** The Solve canvas's export: its 760x260 drawing area at 3x (app/solve/solve-pad.tsx). */
const CANVAS_EXPORT = { width: 2280, height: 780 };

/** `image` centred on white paper of the given size (cut to it when larger). */
function onBlankPage(image: GrayImage, width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height).fill(255);
  const left = Math.max(0, Math.floor((width - image.width) / 2));
  const top = Math.max(0, Math.floor((height - image.height) / 2));
  for (let y = 0; y < Math.min(image.height, height - top); y++) {
    const row = image.pixels.subarray(y * image.width, y * image.width + Math.min(image.width, width - left));
    pixels.set(row, (top + y) * width + left);
  }
  return { width, height, pixels };
}

/** Paper around the lines photographed in (h), in line heights on each side. */
const MIN_PAPER = 1;
const MAX_PAPER = 2.5;

/** Slopes of the turned lines in (g), in degrees either way. */
const MIN_SLOPE = 3;
const MAX_SLOPE = 12;

/** A sharp pipeline on a gray image's pixels. */
const rawSharp = (image: GrayImage) => sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 1 } });

/** The image turned by `degrees` (positive: clockwise) on white paper, grown to keep it whole. */
async function turn(image: GrayImage, degrees: number): Promise<GrayImage> {
  const png = await rawSharp(image)
    .rotate(degrees, { background: { r: 255, g: 255, b: 255 } })
    .png()
    .toBuffer();
  return decodeGray(png);
}

/**
 * simulatePhoto, then the camera: a slight blur and JPEG compression, decoded as an upload would
 * be. The pen is drawn as wide as on a photo `lineHeight` px high (default the image's height).
 */
async function photograph(image: GrayImage, rng: () => number, kind?: PaperKind, lineHeight = image.height): Promise<GrayImage> {
  const paper = simulatePhoto(image, { rng, paper: kind, lineHeight });
  const jpeg = await rawSharp(paper)
    .blur(0.5 + rng() * 0.8)
    .jpeg({ quality: Math.round(60 + rng() * 30) })
    .toBuffer();
  return decodeGray(jpeg);
}

/** The share of their size the photos of (j) are taken at. */
const MIN_FAR = 0.2;
const MAX_FAR = 0.35;

/** The photo at `share` of its size, JPEG-compressed again as a camera would deliver it. */
async function shrink(image: GrayImage, share: number): Promise<GrayImage> {
  const jpeg = await rawSharp(image)
    .resize({ width: Math.max(1, Math.round(image.width * share)) })
    .jpeg({ quality: 80 })
    .toBuffer();
  return decodeGray(jpeg);
}

/** How much light an underexposed photo in (i) gets, and how much a hard shadow takes off. */
const UNDEREXPOSED = 0.55;
const SHADOW_DEPTH = 0.3;

/** The photo with `share` of its light. */
function dimmed(image: GrayImage, share: number): GrayImage {
  return { ...image, pixels: image.pixels.map((v) => Math.round(v * share)) };
}

/** A hard shadow (a phone, a hand) over the page beyond a slanted edge a few pixels soft. */
function shadowed(image: GrayImage, rng: () => number): GrayImage {
  const { width, height } = image;
  const edge = (0.3 + 0.4 * rng()) * width;
  const slant = (rng() - 0.5) * 1.5;
  const pixels = new Uint8Array(image.pixels.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = Math.min(1, Math.max(0, (x - (edge + slant * (y - height / 2))) / 6 + 0.5));
      pixels[y * width + x] = Math.round(image.pixels[y * width + x]! * (1 - SHADOW_DEPTH * inside));
    }
  }
  return { width, height, pixels };
}

/** Paper around a dark-on-light image, `margin` px on each side. */
function withPaper(image: GrayImage, margin: number): GrayImage {
  return onBlankPage(image, image.width + 2 * margin, image.height + 2 * margin);
}

/** "exact/total exact = % (symbol count right %, symbols right where counts match %)". */
function summary(s: Score): string {
  return (
    `${s.exact}/${s.total} exact = ${pct(s.exact / s.total)} ` +
    `(symbol count right ${pct(s.countMatch / s.total)}, symbols right where counts match ${pct(s.symbolsRight / s.symbolsCompared)})`
  );
}

function printFailures(score: Score, max: number, log: (m: string) => void): void {
  const top = [...score.confusions].sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (top.length > 0) log(`    most frequent symbol errors (truth→read): ${top.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  for (const f of score.failures.slice(0, max)) log(`    ${f.name}: truth ${f.truth}   read ${f.read || "(nothing)"}`);
}

/** Canonical images of one held-out split by label (only the model's classes). */
function loadSplitSymbols(db: ReturnType<typeof openDatabase>, split: "test" | "val", classes: readonly string[]): Map<string, Uint8Array[]> {
  const pool = new Map<string, Uint8Array[]>();
  const rows = db
    .prepare(`SELECT label, canonical FROM samples WHERE split = ? AND label IN (${classes.map(() => "?").join(",")}) ORDER BY hash`)
    .all(split, ...classes) as { label: string; canonical: Buffer }[];
  for (const r of rows) {
    const list = pool.get(r.label) ?? [];
    list.push(new Uint8Array(r.canonical));
    pool.set(r.label, list);
  }
  return pool;
}

/** What the equation templates draw on: a number from 1 to max, the line's variable, + or -. */
function templateParts(rng: () => number, classes: ReadonlySet<string>) {
  const num = (max: number) => String(1 + Math.floor(rng() * max));
  const variables = ["x", "y"].filter((v) => classes.has(v));
  const v = variables[Math.floor(rng() * variables.length)] ?? "x";
  const op = () => (rng() < 0.5 ? "+" : "-");
  return { num, v, op };
}

/** A random equation or arithmetic line over the classes the model knows. */
function randomEquation(rng: () => number, classes: ReadonlySet<string>): string[] {
  const { num, v, op } = templateParts(rng, classes);
  const templates = [
    () => `${num(9)}${v}${op()}${num(20)}=${num(50)}`,
    () => `${num(9)}(${v}${op()}${num(9)})=${num(60)}`,
    () => `${num(99)}${op()}${num(99)}${op()}${num(9)}`,
    () => `${v}${op()}${num(9)}=${num(9)}${v}${op()}${num(30)}`,
    () => `(${num(20)}${op()}${num(9)})${op()}${num(9)}=${v}`,
    () => `${num(9)}${v}=${num(99)}`,
  ];
  return [...templates[Math.floor(rng() * templates.length)]!()];
}

/**
 * A line with stacked fractions over the classes the model knows: "<" opens a numerator, "|" is
 * the bar and ">" closes the denominator. Denominators are never 0.
 */
function randomFractionEquation(rng: () => number, classes: ReadonlySet<string>): { labels: string[]; roles: (FractionRole | undefined)[] } {
  const { num, v, op } = templateParts(rng, classes);
  const templates = [
    () => `<${v}|${num(9)}>=${num(20)}`,
    () => `<${v}${op()}${num(9)}|${num(9)}>=${num(20)}`,
    () => `<${num(9)}|${num(9)}>${op()}<${num(9)}|${num(9)}>`,
    () => `${num(9)}${v}${op()}<${num(9)}|${num(9)}>=${num(30)}`,
    () => `<${num(9)}${v}|${num(9)}>=${num(30)}`,
  ];
  const labels: string[] = [];
  const roles: (FractionRole | undefined)[] = [];
  let fraction = -1;
  let role: FractionRole["role"] | null = null;
  for (const char of templates[Math.floor(rng() * templates.length)]!()) {
    if (char === "<") [fraction, role] = [fraction + 1, "numerator"];
    else if (char === ">") role = null;
    else if (char === "|") {
      labels.push("-");
      roles.push({ fraction, role: "bar" });
      role = "denominator";
    } else {
      labels.push(char);
      roles.push(role ? { fraction, role } : undefined);
    }
  }
  return { labels, roles };
}

/** A quadratic or a square over the classes the model knows, "^" raising the digit after it. */
function randomPowerEquation(rng: () => number, classes: ReadonlySet<string>): ExpressionToken[] {
  const { num, v, op } = templateParts(rng, classes);
  const templates = [
    () => `${v}^2${op()}${num(9)}${v}${op()}${num(20)}=0`,
    () => `${num(9)}${v}^2${op()}${num(50)}=0`,
    () => `${v}^2=${num(99)}`,
    () => `${v}^2${op()}${num(9)}=${num(50)}`,
    () => `(${v}${op()}${num(9)})^2=${num(80)}`,
    () => `${num(9)}^2${op()}${num(9)}^2`,
  ];
  const text = templates[Math.floor(rng() * templates.length)]!();
  const tokens: ExpressionToken[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "^") tokens.push({ label: text[++i]!, superscript: true });
    else tokens.push({ label: text[i]!, superscript: false });
  }
  return tokens;
}

/** Two linear equations in x and y with one whole solution (x, y from 1 to 9), as written: no coefficient 1. */
function randomSystem(rng: () => number): string[][] {
  const int = (max: number) => 1 + Math.floor(rng() * max);
  const x = int(9);
  const y = int(9);
  const line = (): [string, number, number] | null => {
    const a = int(5);
    const b = (rng() < 0.5 ? -1 : 1) * int(5);
    const rhs = a * x + b * y;
    if (rhs < 0) return null;
    const term = (c: number, v: string) => `${Math.abs(c) === 1 ? "" : Math.abs(c)}${v}`;
    return [`${term(a, "x")}${b < 0 ? "-" : "+"}${term(b, "y")}=${rhs}`, a, b];
  };
  for (;;) {
    const first = line();
    const second = line();
    if (first && second && first[1] * second[2] !== first[2] * second[1]) return [[...first[0]], [...second[0]]];
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a";
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
