-- CreateEnum
CREATE TYPE "dataset_status" AS ENUM ('pending', 'processing', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "analysis_goal_type" AS ENUM ('ml_preparation', 'general_audit', 'data_quality', 'exploratory');

-- CreateEnum
CREATE TYPE "analysis_status" AS ENUM ('pending', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "insight_severity" AS ENUM ('critical', 'high', 'medium', 'low', 'info');

-- CreateEnum
CREATE TYPE "insight_type" AS ENUM ('missing_data', 'outliers', 'duplicates', 'data_type_mismatch', 'pattern_violation', 'quality_issue');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(255) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "full_name" VARCHAR(255) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspaces" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datasets" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "file_path" VARCHAR(500) NOT NULL,
    "file_size" BIGINT NOT NULL,
    "row_count" INTEGER,
    "column_count" INTEGER,
    "status" "dataset_status" NOT NULL DEFAULT 'pending',
    "workspace_id" INTEGER NOT NULL,
    "uploaded_by" INTEGER NOT NULL,
    "uploaded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analyses" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "goal_type" "analysis_goal_type" NOT NULL,
    "status" "analysis_status" NOT NULL DEFAULT 'pending',
    "quality_score" DOUBLE PRECISION,
    "started_at" TIMESTAMPTZ(6),
    "completed_at" TIMESTAMPTZ(6),
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analyses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "column_profiles" (
    "id" SERIAL NOT NULL,
    "analysis_id" INTEGER NOT NULL,
    "column_name" VARCHAR(255) NOT NULL,
    "data_type" VARCHAR(50) NOT NULL,
    "null_count" INTEGER NOT NULL,
    "unique_count" INTEGER NOT NULL,
    "min_value" VARCHAR(255),
    "max_value" VARCHAR(255),
    "mean" DOUBLE PRECISION,
    "median" DOUBLE PRECISION,
    "distribution_data" JSONB,

    CONSTRAINT "column_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insights" (
    "id" SERIAL NOT NULL,
    "analysis_id" INTEGER NOT NULL,
    "severity" "insight_severity" NOT NULL,
    "type" "insight_type" NOT NULL,
    "description" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "code_suggestion" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "insights_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "workspaces_owner_id_idx" ON "workspaces"("owner_id");

-- CreateIndex
CREATE INDEX "datasets_status_idx" ON "datasets"("status");

-- CreateIndex
CREATE INDEX "datasets_workspace_id_idx" ON "datasets"("workspace_id");

-- CreateIndex
CREATE INDEX "datasets_uploaded_by_idx" ON "datasets"("uploaded_by");

-- CreateIndex
CREATE INDEX "analyses_dataset_id_idx" ON "analyses"("dataset_id");

-- CreateIndex
CREATE INDEX "analyses_status_idx" ON "analyses"("status");

-- CreateIndex
CREATE INDEX "column_profiles_analysis_id_idx" ON "column_profiles"("analysis_id");

-- CreateIndex
CREATE INDEX "column_profiles_analysis_id_column_name_idx" ON "column_profiles"("analysis_id", "column_name");

-- CreateIndex
CREATE INDEX "insights_analysis_id_idx" ON "insights"("analysis_id");

-- CreateIndex
CREATE INDEX "insights_severity_idx" ON "insights"("severity");

-- AddForeignKey
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "column_profiles" ADD CONSTRAINT "column_profiles_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "analyses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insights" ADD CONSTRAINT "insights_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "analyses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not expressible in schema.prisma, so written by hand:

-- The seed enforces 0–100 in the application; the database enforces it too.
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_quality_score_range"
    CHECK ("quality_score" >= 0 AND "quality_score" <= 100);

-- A user's own workspaces (and the datasets in them) go with the user, but
-- datasets they uploaded to someone else's workspace block the deletion. The
-- check waits for commit: checked at once, it would fire before the cascade
-- through workspaces has removed the user's own datasets.
ALTER TABLE "datasets" ALTER CONSTRAINT "datasets_uploaded_by_fkey" DEFERRABLE INITIALLY DEFERRED;

-- updated_at moves on every UPDATE, whoever issues it (the seed's onupdate=now()).
CREATE FUNCTION "set_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."updated_at" := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER "users_set_updated_at" BEFORE UPDATE ON "users"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();
CREATE TRIGGER "workspaces_set_updated_at" BEFORE UPDATE ON "workspaces"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();
CREATE TRIGGER "datasets_set_updated_at" BEFORE UPDATE ON "datasets"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();
CREATE TRIGGER "analyses_set_updated_at" BEFORE UPDATE ON "analyses"
    FOR EACH ROW EXECUTE FUNCTION "set_updated_at"();
