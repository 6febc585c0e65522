-- Augmentation: rebalancing runs, and generated samples linked to the run that made them.
-- Hand-written ADD COLUMN instead of Prisma's table rebuild (which would copy every sample
-- blob); a plain column without a foreign key, so removing a batch is one indexed DELETE and
-- the run row stays as history.

-- AlterTable
ALTER TABLE "samples" ADD COLUMN "augmentRunId" INTEGER;

-- CreateTable
CREATE TABLE "augment_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" INTEGER,
    "plan" TEXT NOT NULL,
    "pipeline" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "classes" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "includeSynthetic" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "planned" INTEGER NOT NULL DEFAULT 0,
    "generated" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "augment_runs_status_idx" ON "augment_runs"("status");

-- CreateIndex
CREATE INDEX "samples_augmentRunId_idx" ON "samples"("augmentRunId");
