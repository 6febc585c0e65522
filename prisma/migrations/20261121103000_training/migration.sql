-- CreateTable
CREATE TABLE "training_runs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" INTEGER,
    "sweepId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "classes" TEXT NOT NULL,
    "classSet" TEXT,
    "config" TEXT NOT NULL,
    "splitMode" TEXT NOT NULL DEFAULT 'stored',
    "augment" TEXT,
    "engine" TEXT,
    "threads" INTEGER,
    "trainCount" INTEGER NOT NULL DEFAULT 0,
    "valCount" INTEGER NOT NULL DEFAULT 0,
    "testCount" INTEGER NOT NULL DEFAULT 0,
    "epochsRun" INTEGER NOT NULL DEFAULT 0,
    "progress" REAL NOT NULL DEFAULT 0,
    "samplesPerSec" REAL,
    "etaSeconds" REAL,
    "durationMs" INTEGER,
    "valAccuracy" REAL,
    "testAccuracy" REAL,
    "macroF1" REAL,
    "stopReason" TEXT,
    "error" TEXT,
    "modelId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "run_epochs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "epoch" INTEGER NOT NULL,
    "loss" REAL NOT NULL,
    "acc" REAL NOT NULL,
    "valLoss" REAL,
    "valAcc" REAL,
    "samplesPerSec" REAL NOT NULL,
    "seconds" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "run_samples" (
    "runId" INTEGER NOT NULL,
    "sampleId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "split" TEXT NOT NULL,

    PRIMARY KEY ("runId", "sampleId")
);

-- CreateTable
CREATE TABLE "models" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "dir" TEXT NOT NULL,
    "classes" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "splitMode" TEXT NOT NULL,
    "valAccuracy" REAL,
    "testAccuracy" REAL,
    "macroF1" REAL,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "sweeps" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "grid" TEXT NOT NULL,
    "base" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "training_runs_sweepId_idx" ON "training_runs"("sweepId");

-- CreateIndex
CREATE UNIQUE INDEX "run_epochs_runId_epoch_key" ON "run_epochs"("runId", "epoch");

-- CreateIndex
CREATE INDEX "run_samples_runId_split_idx" ON "run_samples"("runId", "split");

-- CreateIndex
CREATE UNIQUE INDEX "models_runId_key" ON "models"("runId");

