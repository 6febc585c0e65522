import type { PrismaClient } from "../generated/prisma/client";

export interface ClassCount {
  name: string;
  slug: string;
  symbol: string;
  total: number;
  bySource: Record<string, number>;
  bySplit: Record<string, number>;
}

/** Samples per class, broken down by source and by split, for the overview and /api/classes. */
export async function getClassCounts(prisma: PrismaClient): Promise<ClassCount[]> {
  const [classes, bySource, bySplit] = await Promise.all([
    prisma.symbolClass.findMany(),
    prisma.sample.groupBy({ by: ["label", "source"], _count: { _all: true } }),
    prisma.sample.groupBy({ by: ["label", "split"], _count: { _all: true } }),
  ]);
  const map = new Map<string, ClassCount>();
  for (const c of classes) map.set(c.name, { name: c.name, slug: c.slug, symbol: c.symbol, total: 0, bySource: {}, bySplit: {} });
  const entry = (label: string) => {
    let e = map.get(label);
    if (!e) map.set(label, (e = { name: label, slug: label, symbol: label, total: 0, bySource: {}, bySplit: {} }));
    return e;
  };
  for (const row of bySource) {
    const e = entry(row.label);
    e.total += row._count._all;
    e.bySource[row.source] = row._count._all;
  }
  for (const row of bySplit) entry(row.label).bySplit[row.split] = row._count._all;
  return [...map.values()].sort((a, b) => compareLabels(a.name, b.name));
}

/** Digits first in numeric order, then the rest alphabetically: the order people expect. */
export function compareLabels(a: string, b: string): number {
  const da = /^\d$/.test(a);
  const db = /^\d$/.test(b);
  if (da !== db) return da ? -1 : 1;
  return a.localeCompare(b);
}
