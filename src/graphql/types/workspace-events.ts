// Following a workspace: a dashboard subscribes once and hears of every dataset
// created, renamed or deleted and every analysis queued, started, finished or
// deleted there, from any process (src/analyses/events.ts), with the changed
// node read fresh for each event. The stream ends when the workspace is
// deleted or the viewer stops being a member.
import { WORKSPACE_EVENT_KINDS, type WorkspaceEvent, type WorkspaceEventKind } from '../../analyses/events.js';
import { requireViewer } from '../../auth/access.js';
import { AppError } from '../../errors.js';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { encodeGlobalID } from '../global-ids.js';
import { describedEnum } from './enums.js';
import { AnalysisRef, DatasetRef } from './refs.js';
import { Workspace } from './workspace.js';

const WorkspaceEventKindEnum = describedEnum<WorkspaceEventKind>(
  'WorkspaceEventKind',
  'What changed in a workspace.',
  WORKSPACE_EVENT_KINDS,
);

const deletedTypes: Partial<Record<WorkspaceEventKind, 'Dataset' | 'Analysis' | 'Workspace'>> = {
  DATASET_DELETED: 'Dataset',
  ANALYSIS_DELETED: 'Analysis',
  WORKSPACE_DELETED: 'Workspace',
};

const WorkspaceEventRef = builder.objectRef<WorkspaceEvent>('WorkspaceEvent').implement({
  description:
    'One change in a followed workspace. Read the changed node from `dataset` or `analysis`; a deletion names the ID that is gone.',
  fields: (t) => ({
    kind: t.expose('kind', { type: WorkspaceEventKindEnum, description: 'What changed.' }),
    workspaceId: t.id({ description: 'The workspace followed.', resolve: (event) => encodeGlobalID('Workspace', event.workspaceId) }),
    dataset: t.field({
      type: DatasetRef,
      nullable: true,
      description: 'The dataset concerned (for analysis events, the analysis’ dataset) as it is now; null once deleted.',
      resolve: async (event, _args, ctx) => {
        const datasetId = event.datasetId ?? (await analysisOf(ctx, event))?.datasetId;
        return datasetId ? ctx.prisma.dataset.findUnique({ where: { id: datasetId } }) : null;
      },
    }),
    analysis: t.field({
      type: AnalysisRef,
      nullable: true,
      description: 'For ANALYSIS_* events, the analysis as it is now; null for others and once deleted.',
      resolve: (event, _args, ctx) => analysisOf(ctx, event),
    }),
    deletedId: t.id({
      nullable: true,
      description: 'For *_DELETED events, the global ID of what was deleted; null for others.',
      resolve: (event) => {
        const type = deletedTypes[event.kind];
        const id = type === 'Dataset' ? event.datasetId : type === 'Analysis' ? event.analysisId : event.workspaceId;
        return type && id ? encodeGlobalID(type, id) : null;
      },
    }),
  }),
});

const analysisOf = (ctx: GraphQLContext, event: WorkspaceEvent) =>
  event.analysisId ? ctx.prisma.analysis.findUnique({ where: { id: event.analysisId } }) : null;

builder.subscriptionField('workspaceEvents', (t) =>
  t.field({
    type: WorkspaceEventRef,
    description:
      'Every change in the workspace from now on, as it happens (over Server-Sent Events at /graphql), to any member. Analysis progress steps are not sent: follow one analysis with `analysisUpdated`.',
    args: { id: t.arg.globalID({ for: Workspace, description: 'The workspace to follow.' }) },
    subscribe: (_root, { id }, ctx) => followWorkspace(Number(id.id), ctx),
    resolve: (event: WorkspaceEvent, _args, ctx) => {
      // Each event reads its nodes afresh, not from the loaders of an earlier one.
      ctx.loaders.clear();
      return event;
    },
  }),
);

async function* followWorkspace(workspaceId: number, ctx: GraphQLContext): AsyncGenerator<WorkspaceEvent> {
  const viewer = requireViewer(ctx);
  const isMember = async () => (await ctx.prisma.workspaceMember.count({ where: { workspaceId, userId: viewer.id } })) > 0;
  const stop = new AbortController();
  try {
    // Subscribed before the membership check, so nothing falls in between.
    const events = await ctx.analyses.events.subscribeToWorkspace(workspaceId, stop.signal);
    if (!(await isMember())) throw new AppError('NOT_FOUND', 'Workspace not found');
    yield { kind: 'FOLLOWING', workspaceId, datasetId: null, analysisId: null };
    for await (const event of events) {
      if (event.kind === 'WORKSPACE_DELETED') {
        yield event;
        return;
      }
      if (!(await isMember())) return;
      yield event;
    }
  } finally {
    stop.abort();
  }
}
