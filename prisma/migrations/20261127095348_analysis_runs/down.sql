-- Undoes 20261127095348_analysis_runs.
ALTER TABLE "insights" DROP COLUMN "column_name",
DROP COLUMN "cost",
DROP COLUMN "evidence";

ALTER TABLE "analyses" DROP COLUMN "attempt_token",
DROP COLUMN "attempts",
DROP COLUMN "cancelled_at",
DROP COLUMN "heartbeat_at",
DROP COLUMN "job_id",
DROP COLUMN "options",
DROP COLUMN "progress_percent",
DROP COLUMN "progress_phase",
DROP COLUMN "score_breakdown",
DROP COLUMN "worker_id";
