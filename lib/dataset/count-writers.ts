import type { PrismaClient } from "../generated/prisma/client";

export interface WriterStats {
  /** Distinct writer keys among the samples: the groups a writer-disjoint split can use. */
  writers: number;
  /** Samples with a known writer (InkML, later canvas drawings). */
  samplesWithWriter: number;
  expressions: number;
}

/** How many writers are known, for the pages that offer or explain writer-disjoint splits. */
export async function countWriters(prisma: PrismaClient): Promise<WriterStats> {
  const [groups, expressions] = await Promise.all([
    prisma.sample.groupBy({ by: ["writer"], where: { writer: { not: null } }, _count: { _all: true } }),
    prisma.expression.count(),
  ]);
  return {
    writers: groups.length,
    samplesWithWriter: groups.reduce((n, g) => n + g._count._all, 0),
    expressions,
  };
}
