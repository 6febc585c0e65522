-- CreateTable
CREATE TABLE "evaluations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "modelId" INTEGER NOT NULL,
    "split" TEXT NOT NULL,
    "metrics" TEXT NOT NULL,
    "samples" TEXT NOT NULL DEFAULT '{}',
    "accuracy" REAL NOT NULL,
    "total" INTEGER NOT NULL,
    "jobId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "label_issues" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "modelId" INTEGER NOT NULL,
    "sampleId" INTEGER NOT NULL,
    "givenLabel" TEXT NOT NULL,
    "suggestedLabel" TEXT NOT NULL,
    "selfConfidence" REAL NOT NULL,
    "probs" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "jobId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "evaluations_modelId_split_idx" ON "evaluations"("modelId", "split");

-- CreateIndex
CREATE INDEX "label_issues_modelId_status_rank_idx" ON "label_issues"("modelId", "status", "rank");

-- CreateIndex
CREATE INDEX "label_issues_sampleId_givenLabel_idx" ON "label_issues"("sampleId", "givenLabel");

