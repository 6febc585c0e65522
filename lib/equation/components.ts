import type { InkMask, Rect } from "./ink-mask";

export interface Component extends Rect {
  /** Label in the label map, 1-based. */
  id: number;
  /** Ink pixel count. */
  area: number;
}

export interface LabelledMask {
  width: number;
  height: number;
  /** Per pixel: 0 for background, else the component id. */
  labels: Int32Array;
  components: Component[];
}

/**
 * Labels 8-connected ink regions (two passes with union-find) and measures their boxes.
 * 8-connectivity because thinned or diagonal handwriting touches only at corners.
 */
export function labelComponents({ width, height, mask }: InkMask): LabelledMask {
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const union = (a: number, b: number): number => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return ra;
    if (ra < rb) {
      parent[rb] = ra;
      return ra;
    }
    parent[ra] = rb;
    return rb;
  };
  // Neighbours in the order left, up-left, up, up-right; unrolled, since this runs per ink pixel.
  const join = (label: number, n: number): number => (n === 0 ? label : label === 0 ? n : union(label, n));

  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (!mask[i]) continue;
      let label = x > 0 ? labels[i - 1]! : 0;
      if (y > 0) {
        if (x > 0) label = join(label, labels[i - width - 1]!);
        label = join(label, labels[i - width]!);
        if (x < width - 1) label = join(label, labels[i - width + 1]!);
      }
      if (label === 0) {
        label = parent.length;
        parent.push(label);
      }
      labels[i] = label;
    }
  }

  const remap = new Int32Array(parent.length);
  const components: Component[] = [];
  for (let i = 0; i < labels.length; i++) {
    const raw = labels[i]!;
    if (raw === 0) continue;
    const root = find(raw);
    let id = remap[root]!;
    const x = i % width;
    const y = (i - x) / width;
    if (id === 0) {
      id = components.length + 1;
      remap[root] = id;
      components.push({ id, x, y, width: 1, height: 1, area: 0 });
    }
    labels[i] = id;
    const c = components[id - 1]!;
    c.area++;
    if (x < c.x) {
      c.width += c.x - x;
      c.x = x;
    } else if (x >= c.x + c.width) c.width = x - c.x + 1;
    // Rows arrive in order, so y only ever grows past the box.
    if (y >= c.y + c.height) c.height = y - c.y + 1;
  }
  return { width, height, labels, components };
}

/**
 * Whether some ink pixel of components `a` lies within `reach` pixels (Chebyshev distance) of
 * an ink pixel of components `b`. Only the rows and columns where the two boxes come that
 * close are searched, so the cost is that of the strip between them.
 */
export function inkWithin(labelled: LabelledMask, a: readonly number[], b: readonly number[], reach: number): boolean {
  const r = Math.max(1, Math.round(reach));
  const inA = new Set(a);
  const inB = new Set(b);
  const box = (ids: readonly number[]) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const id of ids) {
      const c = labelled.components[id - 1]!;
      x0 = Math.min(x0, c.x);
      y0 = Math.min(y0, c.y);
      x1 = Math.max(x1, c.x + c.width - 1);
      y1 = Math.max(y1, c.y + c.height - 1);
    }
    return { x0, y0, x1, y1 };
  };
  const A = box(a);
  const B = box(b);
  // A pixels that can be near B lie in A's box within r of B's box.
  const xs = Math.max(A.x0, B.x0 - r), xe = Math.min(A.x1, B.x1 + r);
  const ys = Math.max(A.y0, B.y0 - r), ye = Math.min(A.y1, B.y1 + r);
  const { width, height, labels } = labelled;
  for (let y = ys; y <= ye; y++) {
    for (let x = xs; x <= xe; x++) {
      if (!inA.has(labels[y * width + x]!)) continue;
      for (let yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
        for (let xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) {
          if (inB.has(labels[yy * width + xx]!)) return true;
        }
      }
    }
  }
  return false;
}
