-- Curation: model predictions per sample, class sets, and the indexes the samples page needs.

-- CreateTable
CREATE TABLE "predictions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "modelId" INTEGER NOT NULL,
    "sampleId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "top3" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "class_sets" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "classes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "predictions_modelId_label_idx" ON "predictions"("modelId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "predictions_modelId_sampleId_key" ON "predictions"("modelId", "sampleId");

-- CreateIndex
CREATE UNIQUE INDEX "class_sets_name_key" ON "class_sets"("name");

-- Samples page. Sample rows carry 2-3 KB of image blobs, so any plan that reads table rows for
-- thousands of candidates is slow (17-130 ms at 200k samples). These two indexes hold every
-- filter and sort column, so the page's ids and its count come from an index alone whichever
-- of label or source the filter starts with; conflict/relabelled are rare flags.
CREATE INDEX "samples_label_browse_idx" ON "samples"("label", "split", "source", "copies", "importBatchId", "conflict", "relabelled");
CREATE INDEX "samples_source_browse_idx" ON "samples"("source", "split", "label", "copies", "importBatchId", "conflict", "relabelled");
CREATE INDEX "samples_copies_idx" ON "samples"("copies");
CREATE INDEX "samples_conflict_idx" ON "samples"("conflict");
CREATE INDEX "samples_relabelled_idx" ON "samples"("relabelled");

-- Seed class sets: the earlier work's 14-class simple-equation set and two larger ones.
INSERT INTO "class_sets" ("name", "classes", "createdAt", "updatedAt") VALUES
  ('simple equations', '["0","1","2","3","4","5","6","7","8","9","+","-","x","y"]', '2026-11-21T10:00:00.000+00:00', '2026-11-21T10:00:00.000+00:00'),
  ('brackets and comparisons', '["0","1","2","3","4","5","6","7","8","9","+","-","=","(",")","<",">","≤","≥","≠","x"]', '2026-11-21T10:00:00.000+00:00', '2026-11-21T10:00:00.000+00:00'),
  ('calculus', '["0","1","2","3","4","5","6","7","8","9","+","-","×","=","(",")","∫","d","x","y","√","π"]', '2026-11-21T10:00:00.000+00:00', '2026-11-21T10:00:00.000+00:00');
