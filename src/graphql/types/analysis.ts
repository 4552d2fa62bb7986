import type { InsightSeverity, InsightType, Prisma } from '../../generated/prisma/client.js';
import { analysisOptionsSchema } from '../../analyses/options.js';
import { authorize, locate, requireViewer, visibleTo } from '../../auth/access.js';
import { scoreBreakdownSchema } from '../../insights/index.js';
import { builder } from '../builder.js';
import { zodObjectType } from '../zod-object-types.js';
import { pageArgs } from '../pagination.js';
import { countsBy, totalCountOptions } from '../total-count.js';
import { AnalysisGoalTypeEnum, AnalysisStatusEnum, InsightSeverityEnum, InsightTypeEnum } from './enums.js';

export const Analysis = builder.prismaNode('Analysis', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.analysis(requireViewer(ctx))] }),
  fields: (t) => ({
    dataset: t.relation('dataset'),
    goalType: t.expose('goalType', { type: AnalysisGoalTypeEnum }),
    status: t.expose('status', { type: AnalysisStatusEnum }),
    qualityScore: t.exposeFloat('qualityScore', { nullable: true, description: '0–100; set when the analysis completes.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    errorMessage: t.exposeString('errorMessage', { nullable: true, description: 'Why the analysis failed, when it did.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    targetColumn: t.string({
      nullable: true,
      description: 'ML_PREPARATION: the column a model would predict.',
      select: { options: true },
      resolve: (analysis) => analysisOptionsSchema.parse(analysis.options).targetColumn ?? null,
    }),
    sampleLimit: t.int({
      nullable: true,
      description: 'When set, only the first this many rows were analysed.',
      select: { options: true },
      resolve: (analysis) => analysisOptionsSchema.parse(analysis.options).sampleLimit ?? null,
    }),
    progress: t.field({
      type: AnalysisProgress,
      nullable: true,
      description: 'Where a started analysis is (for polling; `analysisUpdated` pushes the same).',
      select: { progressPhase: true, progressPercent: true },
      resolve: (analysis) => (analysis.progressPhase === null ? null : { phase: analysis.progressPhase, percent: analysis.progressPercent }),
    }),
    attempts: t.exposeInt('attempts', { description: 'Times a worker has started this analysis (more than 1 after a lost worker or a transient failure).' }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    scoreBreakdown: t.field({
      type: ScoreBreakdown,
      nullable: true,
      description: 'How the quality score was computed: each dimension and what each insight cost.',
      select: { scoreBreakdown: true },
      resolve: (analysis) => {
        const parsed = scoreBreakdownSchema.safeParse(analysis.scoreBreakdown);
        return parsed.success ? parsed.data : null;
      },
    }),
    columnProfiles: t.relatedConnection(
      'columnProfiles',
      {
        description: "One profile per column, in the file's column order.",
        cursor: 'id',
        validate: pageArgs,
        query: () => ({ orderBy: { id: 'asc' } }),
      },
      totalCountOptions(
        'Analysis.columnProfiles',
        async (ctx, ids) =>
          countsBy(
            'analysisId',
            await ctx.prisma.columnProfile.groupBy({ by: ['analysisId'], where: { analysisId: { in: [...ids] } }, _count: { _all: true } }),
          ),
      ),
    ),
    insights: t.relatedConnection(
      'insights',
      {
        description: 'Insights, most severe first.',
        cursor: 'id',
        validate: pageArgs,
        args: { filter: t.arg({ type: InsightFilter, required: false }) },
        // PostgreSQL orders an enum by declaration: CRITICAL first.
        query: ({ filter }) => ({ where: insightWhere(filter), orderBy: [{ severity: 'asc' }, { id: 'asc' }] }),
      },
      totalCountOptions(
        'Analysis.insights',
        async (ctx, ids, args: { filter?: InsightFilterShape | null }) =>
          countsBy(
            'analysisId',
            await ctx.prisma.insight.groupBy({
              by: ['analysisId'],
              where: { analysisId: { in: [...ids] }, AND: [insightWhere(args.filter)] },
              _count: { _all: true },
            }),
          ),
        (args) => args.filter,
      ),
    ),
  }),
});

const ScoreBreakdown = zodObjectType('ScoreBreakdown', scoreBreakdownSchema);

const AnalysisProgress = builder.objectRef<{ phase: string; percent: number | null }>('AnalysisProgress').implement({
  fields: (t) => ({
    phase: t.exposeString('phase', {
      description:
        'queued, starting, sniffing, loading, statistics, distributions, dataset, saving, done; failed or cancelled; while waiting to run again: "waiting to retry" or "requeued (worker lost)".',
    }),
    percent: t.exposeFloat('percent', { nullable: true, description: '0–100 within the phase, when known.' }),
  }),
});

type InsightFilterShape = { severity?: InsightSeverity[] | null; type?: InsightType[] | null };

const insightWhere = (filter: InsightFilterShape | null | undefined): Prisma.InsightWhereInput => ({
  severity: filter?.severity?.length ? { in: filter.severity } : undefined,
  type: filter?.type?.length ? { in: filter.type } : undefined,
});

const InsightFilter = builder.inputType('InsightFilter', {
  fields: (t) => ({
    severity: t.field({ type: [InsightSeverityEnum], required: false, description: 'Any of these severities.' }),
    type: t.field({ type: [InsightTypeEnum], required: false, description: 'Any of these types.' }),
  }),
});

builder.mutationField('deleteAnalysis', (t) =>
  t.globalID({
    description: 'Deletes the analysis with its column profiles and insights; returns its ID.',
    args: { id: t.arg.globalID({ for: Analysis }) },
    resolve: async (_root, { id }, ctx) => {
      await authorize(ctx, 'editData', 'Analysis', locate.analysis(Number(id.id)));
      const { jobId } = await ctx.prisma.analysis.delete({ where: { id: Number(id.id) }, select: { jobId: true } });
      // A running worker notices the row is gone at its next heartbeat and stops.
      if (jobId) await ctx.analyses.queue.cancel(jobId).catch((error) => ctx.logger.warn('could not cancel the job of a deleted analysis', { error }));
      return { type: id.typename, id: id.id };
    },
  }),
);
