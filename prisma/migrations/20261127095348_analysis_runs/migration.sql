-- AlterTable
ALTER TABLE "analyses" ADD COLUMN     "attempt_token" UUID,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(6),
ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(6),
ADD COLUMN     "job_id" UUID,
ADD COLUMN     "options" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "progress_percent" DOUBLE PRECISION,
ADD COLUMN     "progress_phase" VARCHAR(32),
ADD COLUMN     "score_breakdown" JSONB,
ADD COLUMN     "worker_id" VARCHAR(100);

-- AlterTable
ALTER TABLE "insights" ADD COLUMN     "column_name" VARCHAR(255),
ADD COLUMN     "cost" DOUBLE PRECISION,
ADD COLUMN     "evidence" JSONB;
