// The node types' references, declared before any of them is implemented, so
// every type file can name every other without import cycles. Each is the
// shape Prisma returns for its model, which is also what the batch loaders
// (src/graphql/loading) produce.
import type {
  Analysis,
  ColumnProfile,
  Dataset,
  DatasetVersion,
  Insight,
  User,
  Workspace,
  WorkspaceInvitation,
  WorkspaceMember,
} from '../../generated/prisma/client.js';
import { builder } from '../builder.js';

export type UserRow = Omit<User, 'passwordHash'>;

export const UserRef = builder.objectRef<UserRow>('User');
export const WorkspaceRef = builder.objectRef<Workspace>('Workspace');
export const WorkspaceMemberRef = builder.objectRef<WorkspaceMember>('WorkspaceMember');
export const WorkspaceInvitationRef = builder.objectRef<WorkspaceInvitation>('WorkspaceInvitation');
export const DatasetRef = builder.objectRef<Dataset>('Dataset');
export const DatasetVersionRef = builder.objectRef<DatasetVersion>('DatasetVersion');
export const AnalysisRef = builder.objectRef<Analysis>('Analysis');
export const ColumnProfileRef = builder.objectRef<ColumnProfile>('ColumnProfile');
export const InsightRef = builder.objectRef<Insight>('Insight');
