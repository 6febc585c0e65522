/**
 * Grey-level min/max filters over a square window, separable and O(1) per pixel (monotonic
 * deque), so a 150 px background window on a phone photo costs the same as a 3 px one.
 */

type Extremum = "min" | "max";

function filterLine(
  src: Uint8Array,
  dst: Uint8Array,
  start: number,
  step: number,
  length: number,
  radius: number,
  kind: Extremum,
  deque: Int32Array,
): void {
  // Two copies of one loop rather than a comparison callback: this runs several times per pixel
  // of a 3 MP photo, and the call per comparison doubled its time.
  let head = 0;
  let tail = 0;
  let next = 0;
  if (kind === "min") {
    for (let i = 0; i < length; i++) {
      const hi = Math.min(length - 1, i + radius);
      for (; next <= hi; next++) {
        const v = src[start + next * step]!;
        while (tail > head && v <= src[start + deque[tail - 1]! * step]!) tail--;
        deque[tail++] = next;
      }
      while (deque[head]! < i - radius) head++;
      dst[start + i * step] = src[start + deque[head]! * step]!;
    }
    return;
  }
  for (let i = 0; i < length; i++) {
    const hi = Math.min(length - 1, i + radius);
    for (; next <= hi; next++) {
      const v = src[start + next * step]!;
      while (tail > head && v >= src[start + deque[tail - 1]! * step]!) tail--;
      deque[tail++] = next;
    }
    while (deque[head]! < i - radius) head++;
    dst[start + i * step] = src[start + deque[head]! * step]!;
  }
}

/** Min or max over a (2*radius+1)^2 window, clamped at the borders. */
export function rankFilter(pixels: Uint8Array, width: number, height: number, radius: number, kind: Extremum): Uint8Array {
  const tmp = new Uint8Array(pixels.length);
  const out = new Uint8Array(pixels.length);
  const deque = new Int32Array(Math.max(width, height));
  for (let y = 0; y < height; y++) filterLine(pixels, tmp, y * width, 1, width, radius, kind, deque);
  for (let x = 0; x < width; x++) filterLine(tmp, out, x, width, height, radius, kind, deque);
  return out;
}

/** 3x3 box blur (borders clamped): takes the edge off paper grain and JPEG noise. */
export function boxBlur3(pixels: Uint8Array, width: number, height: number): Uint8Array {
  // Separable: column sums of three rows, then three of those per pixel; the window's pixel count
  // shrinks at the borders exactly as a clamped 3x3 window does.
  const columns = new Uint16Array(width);
  const out = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y++) {
    const y0 = y > 0 ? y - 1 : y;
    const y1 = y < height - 1 ? y + 1 : y;
    const rows = y1 - y0 + 1;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let yy = y0; yy <= y1; yy++) sum += pixels[yy * width + x]!;
      columns[x] = sum;
    }
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const x0 = x > 0 ? x - 1 : x;
      const x1 = x < width - 1 ? x + 1 : x;
      let sum = 0;
      for (let xx = x0; xx <= x1; xx++) sum += columns[xx]!;
      out[row + x] = Math.round(sum / (rows * (x1 - x0 + 1)));
    }
  }
  return out;
}

/** Otsu's threshold over a 256-bin histogram: the level maximising between-class variance. */
export function otsuThreshold(histogram: ArrayLike<number>): number {
  let total = 0;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) {
    total += histogram[i]!;
    sumAll += i * histogram[i]!;
  }
  let weightB = 0;
  let sumB = 0;
  let best = 0;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    weightB += histogram[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * histogram[t]!;
    const meanB = sumB / weightB;
    const meanF = (sumAll - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  // Pixels strictly above the returned level are foreground.
  return best;
}
