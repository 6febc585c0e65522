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
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    parent[hi] = lo;
    return lo;
  };

  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!mask[i]) continue;
      let label = 0;
      const neighbours = [
        x > 0 ? labels[i - 1]! : 0,
        y > 0 && x > 0 ? labels[i - width - 1]! : 0,
        y > 0 ? labels[i - width]! : 0,
        y > 0 && x < width - 1 ? labels[i - width + 1]! : 0,
      ];
      for (const n of neighbours) {
        if (n === 0) continue;
        label = label === 0 ? n : union(label, n);
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
