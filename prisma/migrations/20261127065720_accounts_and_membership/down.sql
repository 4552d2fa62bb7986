-- Undoes 20261127065720_accounts_and_membership.
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_email_lowercase";
DROP TABLE IF EXISTS "sign_in_throttles";
DROP TABLE IF EXISTS "sessions";
DROP TABLE IF EXISTS "workspace_members";
DROP TYPE IF EXISTS "workspace_role";
