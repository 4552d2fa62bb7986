-- Undoes 20261204023923_dataset_versions. The datasets keep their latest version's file; older versions'
-- rows go, and their files become files no dataset points at, which the storage sweep removes.
ALTER TABLE "analyses" DROP CONSTRAINT "analyses_dataset_version_id_fkey";

DROP INDEX "analyses_dataset_version_id_created_at_id_idx";

ALTER TABLE "analyses" DROP COLUMN "dataset_version_id";

DROP TABLE "dataset_versions";
