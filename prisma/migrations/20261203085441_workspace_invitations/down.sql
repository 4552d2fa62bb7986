-- Undoes 20261203085441_workspace_invitations.
DROP TABLE "workspace_invitations";
