-- Undoes 20261127000000_init: drops everything it created.
DROP TABLE IF EXISTS "insights";
DROP TABLE IF EXISTS "column_profiles";
DROP TABLE IF EXISTS "analyses";
DROP TABLE IF EXISTS "datasets";
DROP TABLE IF EXISTS "workspaces";
DROP TABLE IF EXISTS "users";
DROP FUNCTION IF EXISTS "set_updated_at"();
DROP TYPE IF EXISTS "insight_type";
DROP TYPE IF EXISTS "insight_severity";
DROP TYPE IF EXISTS "analysis_status";
DROP TYPE IF EXISTS "analysis_goal_type";
DROP TYPE IF EXISTS "dataset_status";
