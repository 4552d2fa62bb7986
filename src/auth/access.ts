// The access rules, in one place. What a viewer may see is a Prisma filter per
// model: the workspaces they are a member of, and everything in them. What they
// may change depends on their role there. Every root query, node lookup and
// mutation goes through these; nested connections inherit them from their
// visible parent. An object the viewer may not see is reported exactly as one
// that does not exist (NOT_FOUND / null); one they see but may not change is
// FORBIDDEN.
import type { Db } from '../db/client.js';
import { type Sql, sql } from '../db/sql.js';
import { AppError } from '../errors.js';
import type { Prisma, WorkspaceRole } from '../generated/prisma/client.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Viewer } from './viewer.js';

export function requireViewer(ctx: Pick<GraphQLContext, 'viewer'>): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  return ctx.viewer;
}

const workspace = (viewer: Viewer): Prisma.WorkspaceWhereInput => ({ members: { some: { userId: viewer.id } } });
const dataset = (viewer: Viewer): Prisma.DatasetWhereInput => ({ workspace: workspace(viewer) });
const analysis = (viewer: Viewer): Prisma.AnalysisWhereInput => ({ dataset: dataset(viewer) });

export const visibleTo = {
  // Yourself, and the members of workspaces you are in.
  user: (viewer: Viewer): Prisma.UserWhereInput => ({
    OR: [{ id: viewer.id }, { memberships: { some: { workspace: workspace(viewer) } } }],
  }),
  workspace,
  workspaceMember: (viewer: Viewer): Prisma.WorkspaceMemberWhereInput => ({ workspace: workspace(viewer) }),
  dataset,
  datasetVersion: (viewer: Viewer): Prisma.DatasetVersionWhereInput => ({ dataset: dataset(viewer) }),
  analysis,
  columnProfile: (viewer: Viewer): Prisma.ColumnProfileWhereInput => ({ analysis: analysis(viewer) }),
  insight: (viewer: Viewer): Prisma.InsightWhereInput => ({ analysis: analysis(viewer) }),
};

/**
 * The same rules as SQL conditions on a row aliased `t` of each table, for the
 * batch loaders (src/graphql/loading): a row is visible when the viewer is a
 * member of the workspace it belongs to.
 */
export const visibleSql = {
  User: (viewer: Viewer): Sql =>
    sql`(t.id = ${viewer.id} OR EXISTS (SELECT 1 FROM workspace_members m JOIN workspace_members v ON v.workspace_id = m.workspace_id WHERE m.user_id = t.id AND v.user_id = ${viewer.id}))`,
  Workspace: (viewer: Viewer): Sql =>
    sql`EXISTS (SELECT 1 FROM workspace_members v WHERE v.workspace_id = t.id AND v.user_id = ${viewer.id})`,
  WorkspaceMember: (viewer: Viewer): Sql =>
    sql`EXISTS (SELECT 1 FROM workspace_members v WHERE v.workspace_id = t.workspace_id AND v.user_id = ${viewer.id})`,
  // The workspace's owners, and the person invited (by their email): no one else learns of an invitation.
  WorkspaceInvitation: (viewer: Viewer): Sql =>
    sql`(EXISTS (SELECT 1 FROM workspace_members v WHERE v.workspace_id = t.workspace_id AND v.user_id = ${viewer.id} AND v.role = 'owner')
         OR t.email = (SELECT u.email FROM users u WHERE u.id = ${viewer.id}))`,
  Dataset: (viewer: Viewer): Sql =>
    sql`EXISTS (SELECT 1 FROM workspace_members v WHERE v.workspace_id = t.workspace_id AND v.user_id = ${viewer.id})`,
  DatasetVersion: (viewer: Viewer): Sql =>
    sql`EXISTS (SELECT 1 FROM datasets d JOIN workspace_members v ON v.workspace_id = d.workspace_id WHERE d.id = t.dataset_id AND v.user_id = ${viewer.id})`,
  Analysis: (viewer: Viewer): Sql =>
    sql`EXISTS (SELECT 1 FROM datasets d JOIN workspace_members v ON v.workspace_id = d.workspace_id WHERE d.id = t.dataset_id AND v.user_id = ${viewer.id})`,
  ColumnProfile: (viewer: Viewer): Sql =>
    sql`EXISTS (SELECT 1 FROM analyses a JOIN datasets d ON d.id = a.dataset_id JOIN workspace_members v ON v.workspace_id = d.workspace_id WHERE a.id = t.analysis_id AND v.user_id = ${viewer.id})`,
  Insight: (viewer: Viewer): Sql =>
    sql`EXISTS (SELECT 1 FROM analyses a JOIN datasets d ON d.id = a.dataset_id JOIN workspace_members v ON v.workspace_id = d.workspace_id WHERE a.id = t.analysis_id AND v.user_id = ${viewer.id})`,
};

/** What each role may do in a workspace. */
export const permissions = {
  /** Rename or delete the workspace, and manage its members. */
  manageWorkspace: ['OWNER'],
  /** Upload, rename and delete datasets and upload their new versions; start and delete analyses. */
  editData: ['OWNER', 'EDITOR'],
} as const satisfies Record<string, readonly WorkspaceRole[]>;

export type Permission = keyof typeof permissions;

/**
 * Checks the viewer may do `permission` in the workspace that `locate` finds
 * (through a visibility-filtered query): NOT_FOUND when they cannot see it,
 * FORBIDDEN when their role does not allow it. Returns the workspace id.
 */
export async function authorize(
  ctx: Pick<GraphQLContext, 'viewer' | 'prisma'>,
  permission: Permission,
  what: string,
  locate: (prisma: Db, viewer: Viewer) => Promise<{ workspaceId: number } | null>,
): Promise<{ workspaceId: number; role: WorkspaceRole }> {
  const viewer = requireViewer(ctx);
  const found = await locate(ctx.prisma, viewer);
  if (!found) throw new AppError('NOT_FOUND', `${what} not found`);
  const membership = await ctx.prisma.workspaceMember.findUnique({
    where: { workspaceId_userId: { workspaceId: found.workspaceId, userId: viewer.id } },
  });
  if (!membership) throw new AppError('NOT_FOUND', `${what} not found`);
  if (!(permissions[permission] as readonly WorkspaceRole[]).includes(membership.role)) {
    throw new AppError('FORBIDDEN', `Your role in this workspace (${membership.role}) does not allow this`);
  }
  return { workspaceId: found.workspaceId, role: membership.role };
}

/** Finds, among what the viewer can see, the workspace an object belongs to. */
export const locate = {
  workspace: (id: number) => async (prisma: Db, viewer: Viewer) => {
    const found = await prisma.workspace.findFirst({ where: { id, AND: [workspace(viewer)] }, select: { id: true } });
    return found && { workspaceId: found.id };
  },
  workspaceMember: (id: number) => (prisma: Db, viewer: Viewer) =>
    prisma.workspaceMember.findFirst({ where: { id, AND: [visibleTo.workspaceMember(viewer)] }, select: { workspaceId: true } }),
  dataset: (id: number) => (prisma: Db, viewer: Viewer) =>
    prisma.dataset.findFirst({ where: { id, AND: [dataset(viewer)] }, select: { workspaceId: true } }),
  analysis: (id: number) => async (prisma: Db, viewer: Viewer) => {
    const found = await prisma.analysis.findFirst({
      where: { id, AND: [analysis(viewer)] },
      select: { dataset: { select: { workspaceId: true } } },
    });
    return found && { workspaceId: found.dataset.workspaceId };
  },
};
