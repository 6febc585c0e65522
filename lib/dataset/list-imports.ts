import type { PrismaClient } from "../generated/prisma/client";

/** Import batches, newest first, with their counts. */
export async function listImports(prisma: PrismaClient, options: { take?: number } = {}) {
  return prisma.importBatch.findMany({ orderBy: { id: "desc" }, take: options.take ?? 20 });
}

/** One import with its rejected files (paged, they can be many). */
export async function getImport(prisma: PrismaClient, options: { id: number; rejectionsTake?: number }) {
  const batch = await prisma.importBatch.findUnique({ where: { id: options.id } });
  if (!batch) return null;
  const rejections = await prisma.importRejection.findMany({
    where: { batchId: options.id },
    orderBy: { id: "asc" },
    take: options.rejectionsTake ?? 500,
  });
  return { ...batch, classCounts: JSON.parse(batch.classCounts) as Record<string, number>, rejectionList: rejections };
}
