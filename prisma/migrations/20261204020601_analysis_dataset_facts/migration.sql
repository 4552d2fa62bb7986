-- AlterTable
ALTER TABLE "analyses" ADD COLUMN     "dataset_facts" JSONB;
