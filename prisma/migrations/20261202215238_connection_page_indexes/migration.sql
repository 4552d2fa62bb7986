-- CreateIndex
CREATE INDEX "analyses_dataset_id_created_at_id_idx" ON "analyses"("dataset_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "column_profiles_analysis_id_id_idx" ON "column_profiles"("analysis_id", "id");

-- CreateIndex
CREATE INDEX "datasets_workspace_id_created_at_id_idx" ON "datasets"("workspace_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "datasets_workspace_id_name_id_idx" ON "datasets"("workspace_id", "name", "id");

-- CreateIndex
CREATE INDEX "insights_analysis_id_severity_id_idx" ON "insights"("analysis_id", "severity", "id");

-- CreateIndex
CREATE INDEX "workspace_members_workspace_id_id_idx" ON "workspace_members"("workspace_id", "id");

-- CreateIndex
CREATE INDEX "workspace_members_user_id_id_idx" ON "workspace_members"("user_id", "id");
