-- CreateEnum
CREATE TYPE "dataset_format" AS ENUM ('csv', 'json', 'parquet');

-- AlterTable
ALTER TABLE "datasets" ADD COLUMN     "columns" JSONB,
ADD COLUMN     "file_format" "dataset_format",
ADD COLUMN     "original_filename" VARCHAR(255),
ADD COLUMN     "sha256" CHAR(64);
