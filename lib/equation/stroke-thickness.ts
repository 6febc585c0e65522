/**
 * Stroke-width normalisation. Kaggle training symbols have 1-2 px strokes at 45x45 while canvas
 * and marker strokes come out 3-8 px at that scale; the classifier confuses them (a thick 1 reads
 * as a bar, a thick 0 fills in). So every crop is thinned to a 1 px skeleton and re-inked at a
 * width chosen so that, after scaling to 45x45, strokes are TARGET_STROKE px wide.
 */

/**
 * Stroke width, in canonical (45x45) pixels, that crops are redrawn at unless the classifier
 * says otherwise: 1 px, as the imported ink is rendered (renderStrokes' default pen). A model
 * trained on it without augmentation reads 1 px crops best (17-class CROHME model: 94.6% of
 * composed symbols vs 93.4% at 2 px); one trained with the thickness augmentation (1-3 px)
 * reads 2 px crops best (23-class model: 97.2% vs 93.6%).
 */
export const TARGET_STROKE = 1;
/** Stroke width for models trained with lib/augment's default pipeline (thickness +0..1 px). */
export const AUGMENTED_STROKE = 2;

/**
 * Zhang-Suen thinning of a 0/1 mask (in place on a copy). A blob too small to survive
 * thinning (a 2x2 dot) keeps its original pixels rather than vanishing.
 */
export function thinToSkeleton(mask: Uint8Array, width: number, height: number): Uint8Array {
  const img = Uint8Array.from(mask);
  const at = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : img[y * width + x]!;
  const remove: number[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (let pass = 0; pass < 2; pass++) {
      remove.length = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!img[y * width + x]) continue;
          const p2 = at(x, y - 1), p3 = at(x + 1, y - 1), p4 = at(x + 1, y), p5 = at(x + 1, y + 1);
          const p6 = at(x, y + 1), p7 = at(x - 1, y + 1), p8 = at(x - 1, y), p9 = at(x - 1, y - 1);
          const b = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
          if (b < 2 || b > 6) continue;
          const seq = [p2, p3, p4, p5, p6, p7, p8, p9, p2];
          let a = 0;
          for (let k = 0; k < 8; k++) if (seq[k] === 0 && seq[k + 1] === 1) a++;
          if (a !== 1) continue;
          if (pass === 0 ? p2 * p4 * p6 !== 0 || p4 * p6 * p8 !== 0 : p2 * p4 * p8 !== 0 || p2 * p6 * p8 !== 0) continue;
          remove.push(y * width + x);
        }
      }
      for (const i of remove) img[i] = 0;
      if (remove.length > 0) changed = true;
    }
  }
  if (!img.some((v) => v !== 0)) return Uint8Array.from(mask);
  return img;
}

/** Paints a disc of the given radius at every set pixel (radius 0 copies the mask). */
export function dilateDisc(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  if (radius <= 0) return Uint8Array.from(mask);
  const out = new Uint8Array(mask.length);
  const r = Math.ceil(radius);
  const offsets: [number, number][] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= radius * radius + 0.25) offsets.push([dx, dy]);
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      for (const [dx, dy] of offsets) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < width && yy < height) out[yy * width + xx] = 1;
      }
    }
  }
  return out;
}
