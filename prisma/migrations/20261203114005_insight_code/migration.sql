-- AlterTable
ALTER TABLE "insights" ADD COLUMN     "code" JSONB;
