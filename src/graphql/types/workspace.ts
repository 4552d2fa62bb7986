import type { Dataset, DatasetStatus, WorkspaceMember, WorkspaceRole } from '../../generated/prisma/client.js';
import { authorize, locate, requireViewer } from '../../auth/access.js';
import { removeFiles, storedFilesOf } from '../../datasets/remove-files.js';
import { sql, trusted } from '../../db/sql.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { name } from '../../validation/fields.js';
import { builder } from '../builder.js';
import { loadPage, type Order, type RelationSpec } from '../loading/connections.js';
import { models } from '../loading/models.js';
import { loadRelated, loadVisibleNodes, membershipRole } from '../loading/records.js';
import { connectionOf, pageArgs } from '../pagination.js';
import { DatasetStatusEnum, WorkspaceRoleEnum, describedEnum } from './enums.js';
import { DatasetRef, UserRef, WorkspaceMemberRef, WorkspaceRef } from './refs.js';

type DatasetFilterShape = { status?: DatasetStatus | null; nameContains?: string | null };

type DatasetOrderName = 'CREATED_AT_DESC' | 'CREATED_AT_ASC' | 'NAME_ASC' | 'NAME_DESC';

const createdAt = [
  { expression: 't.created_at', type: 'timestamptz' },
  { expression: 't.id', type: 'int' },
] as const;
const byName = [
  { expression: 't.name', type: 'text' },
  { expression: 't.id', type: 'int' },
] as const;

// LIKE's own wildcards in a user's text match themselves.
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const workspaceDatasets: RelationSpec<Dataset, DatasetFilterShape | null> = {
  name: 'Workspace.datasets',
  from: trusted('datasets t'),
  model: models.Dataset,
  parentColumn: 't.workspace_id',
  // Every order ends on id so that pages are stable when the first key ties.
  orders: {
    CREATED_AT_DESC: { keys: createdAt, direction: 'DESC' },
    CREATED_AT_ASC: { keys: createdAt, direction: 'ASC' },
    NAME_ASC: { keys: byName, direction: 'ASC' },
    NAME_DESC: { keys: byName, direction: 'DESC' },
  } satisfies Record<DatasetOrderName, Order>,
  conditions: (filter) => [
    ...(filter?.status ? [sql`t.status = ${filter.status.toLowerCase()}::dataset_status`] : []),
    ...(filter?.nameContains ? [sql`t.name ILIKE ${`%${likeEscaped(filter.nameContains)}%`}`] : []),
  ],
};

const workspaceMembers: RelationSpec<WorkspaceMember> = {
  name: 'Workspace.members',
  from: trusted('workspace_members t'),
  model: models.WorkspaceMember,
  parentColumn: 't.workspace_id',
  orders: { ID_ASC: { keys: [{ expression: 't.id', type: 'int' }], direction: 'ASC' } },
};

export const Workspace = builder.node(WorkspaceRef, {
  description: 'Where a team keeps its datasets. Only its members see it, each with a role.',
  id: { resolve: (workspace) => workspace.id },
  loadMany: loadVisibleNodes('Workspace'),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the team calls it (1–255 characters).' }),
    owner: t.field({
      type: UserRef,
      description: 'The user who created the workspace.',
      resolve: (workspace, _args, ctx) => loadRelated(ctx, 'User', workspace.ownerId),
    }),
    viewerRole: t.field({
      type: WorkspaceRoleEnum,
      description: "The signed-in user's role in this workspace.",
      // Visible workspaces are exactly those the viewer is a member of.
      resolve: async (workspace, _args, ctx) => (await membershipRole(ctx, workspace.id)) as WorkspaceRole,
    }),
    members: t.connection(
      {
        type: WorkspaceMemberRef,
        description: 'Who may use the workspace, earliest first.',
        validate: pageArgs,
        resolve: (workspace, args, ctx, info) => loadPage(ctx, workspaceMembers, workspace.id, args, { filter: null, info }),
      },
      ...connectionOf('WorkspaceMember', 'workspace members'),
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last renamed.' }),
    datasets: t.connection(
      {
        type: DatasetRef,
        description: 'The datasets uploaded to it, in the order asked for.',
        validate: pageArgs,
        args: {
          filter: t.arg({ type: DatasetFilter, required: false, description: 'Only datasets matching every condition given.' }),
          orderBy: t.arg({
            type: DatasetOrder,
            required: false,
            defaultValue: 'CREATED_AT_DESC',
            description: 'The order of the pages (newest first by default).',
          }),
        },
        resolve: (workspace, { filter, orderBy, ...args }, ctx, info) =>
          loadPage(ctx, workspaceDatasets, workspace.id, args, { filter: filter ?? null, orderBy: orderBy ?? 'CREATED_AT_DESC', info }),
      },
      ...connectionOf('Dataset', 'datasets'),
    ),
  }),
});

const DatasetFilter = builder.inputType('DatasetFilter', {
  description: 'Narrows Workspace.datasets; a missing condition does not filter.',
  fields: (t) => ({
    status: t.field({ type: DatasetStatusEnum, required: false, description: 'Only datasets with this status.' }),
    nameContains: t.string({ required: false, description: 'Case-insensitive substring of the name.' }),
  }),
});

const DatasetOrder = describedEnum<DatasetOrderName>('DatasetOrder', 'How Workspace.datasets is ordered; ties keep upload order.', {
  CREATED_AT_DESC: 'Newest upload first.',
  CREATED_AT_ASC: 'Oldest upload first.',
  NAME_ASC: 'By name, A to Z (byte order: upper case before lower case).',
  NAME_DESC: 'By name, Z to A.',
});

// The seed's WorkspaceCreate / WorkspaceUpdate.
const CreateWorkspaceInput = builder.inputType('CreateWorkspaceInput', {
  description: 'A new workspace.',
  fields: (t) => ({ name: t.string({ validate: { schema: name }, description: 'Its name (1–255 characters).' }) }),
});
const UpdateWorkspaceInput = builder.inputType('UpdateWorkspaceInput', {
  description: 'What to change in a workspace; a missing field keeps its value.',
  fields: (t) => ({ name: t.string({ required: false, validate: { schema: name }, description: 'The new name (1–255 characters).' }) }),
});

builder.mutationFields((t) => ({
  createWorkspace: t.field({
    type: WorkspaceRef,
    description: 'Creates a workspace; the viewer becomes its owner (and OWNER member). Any signed-in user may.',
    args: { input: t.arg({ type: CreateWorkspaceInput, description: 'The new workspace.' }) },
    resolve: (_root, { input }, ctx) => {
      const { id: userId } = requireViewer(ctx);
      // The creator is the workspace's owner (owner_id) and its first OWNER member.
      return ctx.prisma.workspace.create({
        data: { name: input.name, ownerId: userId, members: { create: { userId, role: 'OWNER' } } },
      });
    },
  }),
  updateWorkspace: t.field({
    type: WorkspaceRef,
    description: 'Renames a workspace. Owners only.',
    args: {
      id: t.arg.globalID({ for: Workspace, description: 'The workspace to change.' }),
      input: t.arg({ type: UpdateWorkspaceInput, description: 'What to change.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      await authorize(ctx, 'manageWorkspace', 'Workspace', locate.workspace(Number(id.id)));
      return ctx.prisma.workspace.update({ where: { id: Number(id.id) }, data: { name: input.name ?? undefined } });
    },
  }),
  deleteWorkspace: t.globalID({
    description:
      'Deletes the workspace with its members, invitations, datasets (and every version’s file) and analyses; returns its ID. Owners only.',
    args: { id: t.arg.globalID({ for: Workspace, description: 'The workspace to delete.' }) },
    resolve: async (_root, { id }, ctx) => {
      await authorize(ctx, 'manageWorkspace', 'Workspace', locate.workspace(Number(id.id)));
      const files = await unitOfWork(ctx.prisma, async (tx) => {
        const paths = await storedFilesOf(tx, { workspaceId: Number(id.id) });
        await tx.workspace.delete({ where: { id: Number(id.id) } });
        return paths;
      });
      await removeFiles(ctx, files);
      await ctx.analyses.events.publishToWorkspace({
        kind: 'WORKSPACE_DELETED',
        workspaceId: Number(id.id),
        datasetId: null,
        analysisId: null,
      });
      return { type: id.typename, id: id.id };
    },
  }),
}));
