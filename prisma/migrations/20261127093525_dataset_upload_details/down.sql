-- Undoes 20261127093525_dataset_upload_details.
ALTER TABLE "datasets" DROP COLUMN "columns",
DROP COLUMN "file_format",
DROP COLUMN "original_filename",
DROP COLUMN "sha256";

DROP TYPE "dataset_format";
