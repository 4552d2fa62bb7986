import type { ColumnProfile, Insight, InsightSeverity, InsightType } from '../../generated/prisma/client.js';
import { analysisOptionsSchema } from '../../analyses/options.js';
import { authorize, locate } from '../../auth/access.js';
import { sql, trusted } from '../../db/sql.js';
import { scoreBreakdownSchema } from '../../insights/index.js';
import { builder } from '../builder.js';
import { loadPage, type RelationSpec } from '../loading/connections.js';
import { models } from '../loading/models.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { zodObjectType } from '../zod-object-types.js';
import { pageArgs, withTotalCount } from '../pagination.js';
import { AnalysisGoalTypeEnum, AnalysisStatusEnum, InsightSeverityEnum, InsightTypeEnum } from './enums.js';
import { AnalysisRef, ColumnProfileRef, DatasetRef, InsightRef } from './refs.js';

type InsightFilterShape = { severity?: InsightSeverity[] | null; type?: InsightType[] | null };

const analysisColumnProfiles: RelationSpec<ColumnProfile> = {
  name: 'Analysis.columnProfiles',
  from: trusted('column_profiles t'),
  model: models.ColumnProfile,
  parentColumn: 't.analysis_id',
  // Profiles are written in the file's column order.
  orders: { FILE_ORDER: { keys: [{ expression: 't.id', type: 'int' }], direction: 'ASC' } },
};

const analysisInsights: RelationSpec<Insight, InsightFilterShape | null> = {
  name: 'Analysis.insights',
  from: trusted('insights t'),
  model: models.Insight,
  parentColumn: 't.analysis_id',
  // PostgreSQL orders an enum by declaration: CRITICAL first.
  orders: {
    SEVERITY: {
      keys: [
        { expression: 't.severity', type: 'insight_severity' },
        { expression: 't.id', type: 'int' },
      ],
      direction: 'ASC',
    },
  },
  conditions: (filter) => [
    ...(filter?.severity?.length ? [sql`t.severity = ANY(${filter.severity.map((s) => s.toLowerCase())}::insight_severity[])`] : []),
    ...(filter?.type?.length ? [sql`t.type = ANY(${filter.type.map((s) => s.toLowerCase())}::insight_type[])`] : []),
  ],
};

export const Analysis = builder.node(AnalysisRef, {
  id: { resolve: (analysis) => analysis.id },
  loadMany: loadVisibleNodes('Analysis'),
  fields: (t) => ({
    dataset: t.field({ type: DatasetRef, resolve: (analysis, _args, ctx) => loadRelated(ctx, 'Dataset', analysis.datasetId) }),
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
      resolve: (analysis) => analysisOptionsSchema.parse(analysis.options).targetColumn ?? null,
    }),
    sampleLimit: t.int({
      nullable: true,
      description: 'When set, only the first this many rows were analysed.',
      resolve: (analysis) => analysisOptionsSchema.parse(analysis.options).sampleLimit ?? null,
    }),
    progress: t.field({
      type: AnalysisProgress,
      nullable: true,
      description: 'Where a started analysis is (for polling; `analysisUpdated` pushes the same).',
      resolve: (analysis) => (analysis.progressPhase === null ? null : { phase: analysis.progressPhase, percent: analysis.progressPercent }),
    }),
    attempts: t.exposeInt('attempts', { description: 'Times a worker has started this analysis (more than 1 after a lost worker or a transient failure).' }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    scoreBreakdown: t.field({
      type: ScoreBreakdown,
      nullable: true,
      description: 'How the quality score was computed: each dimension and what each insight cost.',
      resolve: (analysis) => {
        const parsed = scoreBreakdownSchema.safeParse(analysis.scoreBreakdown);
        return parsed.success ? parsed.data : null;
      },
    }),
    columnProfiles: t.connection({
      type: ColumnProfileRef,
      description: "One profile per column, in the file's column order.",
      validate: pageArgs,
      resolve: (analysis, args, ctx, info) => loadPage(ctx, analysisColumnProfiles, analysis.id, args, { filter: null, info }),
    }, withTotalCount),
    insights: t.connection({
      type: InsightRef,
      description: 'Insights, most severe first.',
      validate: pageArgs,
      args: { filter: t.arg({ type: InsightFilter, required: false }) },
      resolve: (analysis, { filter, ...args }, ctx, info) => loadPage(ctx, analysisInsights, analysis.id, args, { filter: filter ?? null, info }),
    }, withTotalCount),
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
