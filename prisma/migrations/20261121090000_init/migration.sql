-- CreateTable
CREATE TABLE "classes" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "samples" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hash" TEXT NOT NULL,
    "canonical" BLOB NOT NULL,
    "original" BLOB,
    "originalType" TEXT,
    "label" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "originPath" TEXT,
    "split" TEXT NOT NULL,
    "parentId" INTEGER,
    "recipe" TEXT,
    "writer" TEXT,
    "strokes" TEXT,
    "copies" INTEGER NOT NULL DEFAULT 1,
    "conflict" BOOLEAN NOT NULL DEFAULT false,
    "relabelled" BOOLEAN NOT NULL DEFAULT false,
    "importBatchId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "samples_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "samples" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "samples_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "import_batches" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "sample_origins" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sampleId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "batchId" INTEGER,
    CONSTRAINT "sample_origins_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "samples" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "conflicts" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "classCounts" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "import_rejections" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "import_rejections_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "import_batches" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "label_changes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sampleId" INTEGER NOT NULL,
    "fromLabel" TEXT NOT NULL,
    "toLabel" TEXT NOT NULL,
    "reason" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'user',
    "groupId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "label_changes_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "samples" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" REAL NOT NULL DEFAULT 0,
    "message" TEXT,
    "result" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "lastError" TEXT,
    "lockedBy" TEXT,
    "lockedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "classes_slug_key" ON "classes"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "samples_hash_key" ON "samples"("hash");

-- CreateIndex
CREATE INDEX "samples_label_split_idx" ON "samples"("label", "split");

-- CreateIndex
CREATE INDEX "samples_source_idx" ON "samples"("source");

-- CreateIndex
CREATE INDEX "samples_split_idx" ON "samples"("split");

-- CreateIndex
CREATE INDEX "samples_parentId_idx" ON "samples"("parentId");

-- CreateIndex
CREATE INDEX "samples_importBatchId_idx" ON "samples"("importBatchId");

-- CreateIndex
CREATE INDEX "sample_origins_path_idx" ON "sample_origins"("path");

-- CreateIndex
CREATE UNIQUE INDEX "sample_origins_sampleId_path_key" ON "sample_origins"("sampleId", "path");

-- CreateIndex
CREATE INDEX "import_rejections_batchId_idx" ON "import_rejections"("batchId");

-- CreateIndex
CREATE INDEX "label_changes_sampleId_idx" ON "label_changes"("sampleId");

-- CreateIndex
CREATE INDEX "label_changes_groupId_idx" ON "label_changes"("groupId");

-- CreateIndex
CREATE INDEX "jobs_status_runAt_idx" ON "jobs"("status", "runAt");

