-- InkML import: whole expressions, and samples linked to the expression they were cut from.
-- Hand-written ADD COLUMN instead of Prisma's table rebuild: the result matches the Prisma
-- model, and a rebuild would copy every sample blob.

-- CreateTable
CREATE TABLE "expressions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" INTEGER,
    "path" TEXT NOT NULL,
    "latex" TEXT,
    "writer" TEXT,
    "strokes" TEXT NOT NULL,
    "symbols" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "expressions_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "import_batches" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "expressions_path_key" ON "expressions"("path");

-- CreateIndex
CREATE INDEX "expressions_writer_idx" ON "expressions"("writer");

-- CreateIndex
CREATE INDEX "expressions_batchId_idx" ON "expressions"("batchId");

-- AlterTable
ALTER TABLE "samples" ADD COLUMN "expressionId" INTEGER REFERENCES "expressions" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "samples_expressionId_idx" ON "samples"("expressionId");

-- CreateIndex
CREATE INDEX "samples_writer_idx" ON "samples"("writer");
