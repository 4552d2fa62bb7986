-- AlterTable
ALTER TABLE "analyses" ADD COLUMN     "dataset_version_id" INTEGER;

-- CreateTable
CREATE TABLE "dataset_versions" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "file_path" VARCHAR(500) NOT NULL,
    "file_size" BIGINT NOT NULL,
    "sha256" CHAR(64),
    "original_filename" VARCHAR(255),
    "file_format" "dataset_format",
    "row_count" INTEGER,
    "column_count" INTEGER,
    "columns" JSONB,
    "uploaded_by" INTEGER NOT NULL,
    "uploaded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dataset_versions_file_path_key" ON "dataset_versions"("file_path");

-- CreateIndex
CREATE INDEX "dataset_versions_uploaded_by_idx" ON "dataset_versions"("uploaded_by");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_versions_dataset_id_version_key" ON "dataset_versions"("dataset_id", "version");

-- CreateIndex
CREATE INDEX "analyses_dataset_version_id_created_at_id_idx" ON "analyses"("dataset_version_id", "created_at", "id");

-- AddForeignKey
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_dataset_version_id_fkey" FOREIGN KEY ("dataset_version_id") REFERENCES "dataset_versions"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- As datasets.uploaded_by: checked at commit, after the cascade through a deleted user's own workspaces.
ALTER TABLE "dataset_versions" ALTER CONSTRAINT "dataset_versions_uploaded_by_fkey" DEFERRABLE INITIALLY DEFERRED;

-- Backfill: every existing dataset's current file becomes its version 1...
INSERT INTO "dataset_versions" ("dataset_id", "version", "file_path", "file_size", "sha256", "original_filename", "file_format",
                                "row_count", "column_count", "columns", "uploaded_by", "uploaded_at")
SELECT "id", 1, "file_path", "file_size", "sha256", "original_filename", "file_format",
       "row_count", "column_count", "columns", "uploaded_by", "uploaded_at"
  FROM "datasets"
 ORDER BY "id";

-- ...and every existing analysis analysed it.
UPDATE "analyses" a SET "dataset_version_id" = v."id"
  FROM "dataset_versions" v
 WHERE v."dataset_id" = a."dataset_id" AND v."version" = 1;
