-- Undoes 20261204020601_analysis_dataset_facts.
ALTER TABLE "analyses" DROP COLUMN "dataset_facts";
