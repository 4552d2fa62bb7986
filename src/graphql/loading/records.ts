// Rows by id, batched per request with dataloader: every `node`/`nodes`
// lookup, root field and one-to-one relation of a request costs one statement
// per node type, however many objects ask.
import DataLoader from 'dataloader';
import { requireViewer, visibleSql } from '../../auth/access.js';
import { queryRows, sql } from '../../db/sql.js';
import { AppError } from '../../errors.js';
import type { SessionUser } from '../../auth/accounts.js';
import type { WorkspaceRole } from '../../generated/prisma/client.js';
import type { GraphQLContext, Viewer } from '../context.js';
import { type ModelName, models } from './models.js';

type RowOf<Name extends ModelName> = ReturnType<(typeof models)[Name]['toRow']>;

/**
 * `visible`: only rows the viewer may see (node lookups, root fields); a row
 * they may not see loads as null, exactly like one that does not exist.
 * `related`: the parent object was visible, so its relation is too (a
 * dataset's workspace, a workspace's owner).
 */
export type Access = 'visible' | 'related';

export function recordLoader<Name extends ModelName>(
  ctx: GraphQLContext,
  name: Name,
  access: Access,
): DataLoader<number, RowOf<Name> | null> {
  const key = `record:${name}:${access}`;
  let loader = ctx.loaders.get(key) as DataLoader<number, RowOf<Name> | null> | undefined;
  if (!loader) {
    const model = models[name];
    const visible = access === 'visible' ? sql` AND ${visibleSql[name](requireViewer(ctx))}` : sql``;
    loader = new DataLoader<number, RowOf<Name> | null>(async (ids) => {
      const rows = await queryRows<Record<string, unknown>>(
        ctx.pool,
        sql`SELECT ${model.columns} FROM ${model.table} t WHERE t.id = ANY(${ids}::int[])${visible}`,
      );
      const byId = new Map(rows.map((raw) => [raw.id as number, model.toRow(raw) as RowOf<Name>]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/** Loads a relation the parent's foreign key points at; it exists (the foreign key says so). */
export async function loadRelated<Name extends ModelName>(ctx: GraphQLContext, name: Name, id: number): Promise<RowOf<Name>> {
  const row = await recordLoader(ctx, name, 'related').load(id);
  // Only a delete racing this very request gets here.
  if (!row) throw new AppError('NOT_FOUND', `${name} not found: it was deleted while this request read it`);
  return row;
}

/** The `loadMany` of a node type: `node`/`nodes` lookups, batched and limited to what the viewer may see. */
export const loadVisibleNodes =
  <Name extends ModelName>(name: Name) =>
  (ids: string[], ctx: GraphQLContext) =>
    Promise.all(ids.map((id) => recordLoader(ctx, name, 'visible').load(Number(id))));

/** The viewer's role in a workspace (null: not a member), batched over the request's workspaces. */
export function membershipRole(ctx: GraphQLContext, workspaceId: number): Promise<WorkspaceRole | null> {
  let loader = ctx.loaders.get('membershipRole') as DataLoader<number, WorkspaceRole | null> | undefined;
  if (!loader) {
    const viewer = requireViewer(ctx);
    loader = new DataLoader<number, WorkspaceRole | null>(async (ids) => {
      const rows = await queryRows<{ workspaceId: number; role: string }>(
        ctx.pool,
        sql`SELECT workspace_id AS "workspaceId", role FROM workspace_members WHERE user_id = ${viewer.id} AND workspace_id = ANY(${ids}::int[])`,
      );
      const roles = new Map(rows.map((row) => [row.workspaceId, row.role.toUpperCase() as WorkspaceRole]));
      return ids.map((id) => roles.get(id) ?? null);
    });
    ctx.loaders.set('membershipRole', loader);
  }
  return loader.load(workspaceId);
}

/**
 * Makes a session the request's viewer (none: signed out). Loaders made so far
 * filtered by the previous viewer, so they go; the session's user row came with
 * the session, so `viewer` and the like read no further.
 */
export function actAs(ctx: GraphQLContext, session: (Viewer & { user: SessionUser }) | null): void {
  ctx.viewer = session && { id: session.id, sessionId: session.sessionId };
  ctx.loaders.clear();
  if (session) recordLoader(ctx, 'User', 'related').prime(session.id, models.User.toRow({ ...session.user }));
}
