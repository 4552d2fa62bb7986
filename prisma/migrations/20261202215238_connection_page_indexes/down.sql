-- Undoes 20261202215238_connection_page_indexes.
DROP INDEX "analyses_dataset_id_created_at_id_idx";
DROP INDEX "column_profiles_analysis_id_id_idx";
DROP INDEX "datasets_workspace_id_created_at_id_idx";
DROP INDEX "datasets_workspace_id_name_id_idx";
DROP INDEX "insights_analysis_id_severity_id_idx";
DROP INDEX "workspace_members_workspace_id_id_idx";
DROP INDEX "workspace_members_user_id_id_idx";
