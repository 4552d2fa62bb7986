// The access rules, in one place: what a viewer may see of each model, as
// Prisma filters. Every root query, node lookup and mutation applies them;
// nested connections inherit them from their visible parent. An object the
// viewer may not see is reported exactly as one that does not exist.
import { AppError } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { GraphQLContext, Viewer } from '../graphql/context.js';

export function requireViewer(ctx: Pick<GraphQLContext, 'viewer'>): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  return ctx.viewer;
}

// The seed's rule: "validate workspace ownership before operations".
const workspace = (viewer: Viewer): Prisma.WorkspaceWhereInput => ({ ownerId: viewer.id });
const dataset = (viewer: Viewer): Prisma.DatasetWhereInput => ({ workspace: workspace(viewer) });
const analysis = (viewer: Viewer): Prisma.AnalysisWhereInput => ({ dataset: dataset(viewer) });

export const visibleTo = {
  // Yourself, and whoever uploaded to a workspace you can see.
  user: (viewer: Viewer): Prisma.UserWhereInput => ({
    OR: [{ id: viewer.id }, { datasets: { some: dataset(viewer) } }],
  }),
  workspace,
  dataset,
  analysis,
  columnProfile: (viewer: Viewer): Prisma.ColumnProfileWhereInput => ({ analysis: analysis(viewer) }),
  insight: (viewer: Viewer): Prisma.InsightWhereInput => ({ analysis: analysis(viewer) }),
};

/** Who may change what: today the owner of a workspace changes everything in it. */
export const changeableBy = visibleTo;
