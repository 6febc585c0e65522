/**
 * Segmentation bench: draws random one-line equations with the stroke font in
 * lib/equation/synthetic-ink.ts (random size, pen width, spacing, baseline jitter, paper
 * shading, grain and ruling), segments them and reports how many true symbols were found with
 * a box of IoU >= 0.5, how many equations came out with exactly the right symbols, and speed.
 *
 *   npx tsx scripts/bench-segment.ts [count=200] [seed=1]
 *
 * No dataset is needed; real handwriting (Kaggle crops pasted onto a page) is the next step.
 */
import { segmentEquation } from "../lib/equation/segment";
import type { BoxTuple } from "../lib/equation/ink-mask";
import { createRng, drawGlyphs, glyphBoxes, layoutEquation, renderOnPaper } from "../lib/equation/synthetic-ink";

const PIECES = ["2x+3=7", "x^2-4=0", "11+4=", "(x+1)÷2", "i+1≤3", "x±1", "7y-3=4", "x^2+2x+1=0", "3(x-1)=12", "4÷2=2", "10-7=3", "y^2=x+1"];

function iou(a: BoxTuple, b: BoxTuple): number {
  const ix = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

function main(): void {
  const count = Number(process.argv[2] ?? 200);
  const rng = createRng(Number(process.argv[3] ?? 1));
  let truthTotal = 0;
  let matched = 0;
  let superscriptRight = 0;
  let found = 0;
  let exact = 0;
  let millis = 0;
  const byCondition = new Map<string, { n: number; exact: number }>();
  for (let k = 0; k < count; k++) {
    const text = PIECES[Math.floor(rng() * PIECES.length)]!;
    const size = 30 + Math.round(rng() * 70);
    const stroke = Math.max(2, Math.round(size * (0.04 + rng() * 0.14)));
    const { glyphs, width, height } = layoutEquation(text, { size, stroke, jitter: 0.15, spacing: 0.2 + rng() * 0.3, seed: k + 1 });
    const ruled = rng() < 0.4;
    const shaded = rng() < 0.5;
    const image = renderOnPaper(drawGlyphs(glyphs, width, height, stroke), width, height, {
      paper: shaded ? [245, 120 + Math.round(rng() * 60)] : [235, 235],
      grain: Math.round(rng() * 12),
      inkStrength: 0.55 + rng() * 0.4,
      ruleSpacing: ruled ? Math.round(size * (0.5 + rng() * 0.6)) : 0,
      ruleOffset: Math.round(rng() * 20),
      ruleDarkness: 0.2 + rng() * 0.2,
      ruleThickness: 1 + Math.round(rng() * 2),
      seed: k + 7,
    });
    const truth = glyphBoxes(glyphs, width, height, stroke);
    const t0 = performance.now();
    const symbols = segmentEquation(image);
    millis += performance.now() - t0;

    truthTotal += truth.length;
    found += symbols.length;
    const used = new Set<number>();
    let hits = 0;
    truth.forEach((box, i) => {
      let best = -1;
      let bestIou = 0.5;
      symbols.forEach((s, j) => {
        const v = iou(box, s.box);
        if (!used.has(j) && v >= bestIou) {
          bestIou = v;
          best = j;
        }
      });
      if (best >= 0) {
        used.add(best);
        hits++;
        if (symbols[best]!.superscript === glyphs[i]!.superscript) superscriptRight++;
      }
    });
    matched += hits;
    const allRight = hits === truth.length && symbols.length === truth.length;
    if (allRight) exact++;
    const condition = `${ruled ? "ruled" : "plain"}/${shaded ? "shaded" : "even"}`;
    const c = byCondition.get(condition) ?? { n: 0, exact: 0 };
    c.n++;
    if (allRight) c.exact++;
    byCondition.set(condition, c);
  }
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;
  console.log(`equations: ${count}, symbols: ${truthTotal}, segments returned: ${found}`);
  console.log(`symbol recall (IoU >= 0.5): ${pct(matched, truthTotal)}; precision: ${pct(matched, found)}`);
  console.log(`superscript flag right on matched symbols: ${pct(superscriptRight, matched)}`);
  console.log(`equations segmented exactly: ${pct(exact, count)}`);
  for (const [condition, c] of [...byCondition].sort()) console.log(`  ${condition}: ${pct(c.exact, c.n)} of ${c.n}`);
  console.log(`mean time per equation: ${(millis / count).toFixed(1)} ms`);
}

main();
