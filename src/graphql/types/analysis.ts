import type { ColumnProfile, Insight, InsightSeverity, InsightType } from '../../generated/prisma/client.js';
import * as lifecycle from '../../analyses/lifecycle.js';
import { analysisOptionsSchema } from '../../analyses/options.js';
import { analysisPhaseSchema, type AnalysisPhase } from '../../analyses/progress.js';
import { authorize, locate } from '../../auth/access.js';
import { sql, trusted } from '../../db/sql.js';
import { scoreBreakdownSchema } from '../../insights/index.js';
import { correlationsSchema, datasetFactsSchema, duplicateRowsSchema } from '../../profiling/dataset-facts-schema.js';
import { builder } from '../builder.js';
import { loadPage, type RelationSpec } from '../loading/connections.js';
import { models } from '../loading/models.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { parsedOrNull, zodEnumType, zodObjectType } from '../zod-object-types.js';
import { connectionOf, pageArgs } from '../pagination.js';
import { AnalysisGoalTypeEnum, AnalysisStatusEnum, InsightSeverityEnum, InsightTypeEnum } from './enums.js';
import { AnalysisRef, ColumnProfileRef, DatasetRef, DatasetVersionRef, InsightRef } from './refs.js';

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
  description:
    'One run of the profiler and the insight rules over a dataset, for a goal: its status and progress while it runs; column profiles, insights and a quality score once COMPLETED.',
  id: { resolve: (analysis) => analysis.id },
  loadMany: loadVisibleNodes('Analysis'),
  fields: (t) => ({
    dataset: t.field({
      type: DatasetRef,
      description: 'The dataset analysed.',
      resolve: (analysis, _args, ctx) => loadRelated(ctx, 'Dataset', analysis.datasetId),
    }),
    datasetVersion: t.field({
      type: DatasetVersionRef,
      nullable: true,
      description:
        'The version of the dataset analysed (the latest when it was started, unless startAnalysis named one): its file is the one profiled. Null only for analyses recorded without one (written directly, as the seed allows), which read the dataset’s current file.',
      resolve: (analysis, _args, ctx) =>
        analysis.datasetVersionId === null ? null : loadRelated(ctx, 'DatasetVersion', analysis.datasetVersionId),
    }),
    goalType: t.expose('goalType', { type: AnalysisGoalTypeEnum, description: 'What the analysis is for, as given to startAnalysis.' }),
    status: t.expose('status', { type: AnalysisStatusEnum, description: 'Where it is: PENDING → RUNNING → COMPLETED or FAILED.' }),
    qualityScore: t.exposeFloat('qualityScore', {
      nullable: true,
      description: 'The quality score, 0–100 (100: nothing found); null until COMPLETED, and when no quality dimension could be assessed.',
    }),
    startedAt: t.expose('startedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a worker last started it; null while it has never run.',
    }),
    completedAt: t.expose('completedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it became COMPLETED or FAILED; null before.',
    }),
    errorMessage: t.exposeString('errorMessage', {
      nullable: true,
      description: 'Why it failed (or why the last attempt did, while waiting to retry); null otherwise.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was started (queued).' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When anything about it last changed (progress included).' }),
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
    missingValueMarkers: t.stringList({
      description: 'The missing-value markers given to startAnalysis (empty when none were); learned markers are in each column profile.',
      resolve: (analysis) => analysisOptionsSchema.parse(analysis.options).missingValueMarkers ?? [],
    }),
    progress: t.field({
      type: AnalysisProgress,
      nullable: true,
      description:
        'Where the analysis is (for polling; `analysisUpdated` pushes the same); null only for analyses stored before progress was kept.',
      resolve: (analysis) => {
        const phase = parsedOrNull(analysisPhaseSchema, analysis.progressPhase);
        return phase ? { phase, percent: analysis.progressPercent } : null;
      },
    }),
    attempts: t.exposeInt('attempts', {
      description: 'Times a worker has started this analysis (more than 1 after a lost worker or a transient failure).',
    }),
    cancelledAt: t.expose('cancelledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When cancelAnalysis stopped it; null when not cancelled.',
    }),
    scoreBreakdown: t.field({
      type: ScoreBreakdown,
      nullable: true,
      description: 'How the quality score was computed: each dimension and what each insight cost.',
      resolve: (analysis) => parsedOrNull(scoreBreakdownSchema, analysis.scoreBreakdown),
    }),
    correlations: t.field({
      type: AnalysisCorrelations,
      nullable: true,
      description:
        "How the dataset's columns go together (Pearson and Cramér's V pairs, strongest first), for a correlation heat map; null until COMPLETED, and for analyses stored before these facts were kept.",
      resolve: (analysis) => parsedOrNull(datasetFactsSchema, analysis.datasetFacts)?.correlations ?? null,
    }),
    duplicateRows: t.field({
      type: DuplicateRows,
      nullable: true,
      description:
        'Rows identical to an earlier row: how many, and up to five groups with their row numbers; null until COMPLETED, and for analyses stored before these facts were kept.',
      resolve: (analysis) => parsedOrNull(datasetFactsSchema, analysis.datasetFacts)?.duplicateRows ?? null,
    }),
    columnProfiles: t.connection(
      {
        type: ColumnProfileRef,
        description: "One profile per column, in the file's column order; empty until COMPLETED.",
        validate: pageArgs,
        resolve: (analysis, args, ctx, info) => loadPage(ctx, analysisColumnProfiles, analysis.id, args, { filter: null, info }),
      },
      ...connectionOf('ColumnProfile', 'column profiles'),
    ),
    insights: t.connection(
      {
        type: InsightRef,
        description: 'Insights, most severe first (then in the order the rules found them); empty until COMPLETED.',
        validate: pageArgs,
        args: { filter: t.arg({ type: InsightFilter, required: false, description: 'Only insights matching every condition given.' }) },
        resolve: (analysis, { filter, ...args }, ctx, info) =>
          loadPage(ctx, analysisInsights, analysis.id, args, { filter: filter ?? null, info }),
      },
      ...connectionOf('Insight', 'insights'),
    ),
  }),
});

const ScoreBreakdown = zodObjectType('ScoreBreakdown', scoreBreakdownSchema);
const AnalysisCorrelations = zodObjectType('AnalysisCorrelations', correlationsSchema);
const DuplicateRows = zodObjectType('DuplicateRows', duplicateRowsSchema);

const AnalysisProgress = builder.objectRef<{ phase: AnalysisPhase; percent: number | null }>('AnalysisProgress').implement({
  description: 'Where a run is: its phase and how far into it. A running analysis reports at least once a second.',
  fields: (t) => ({
    phase: t.expose('phase', { type: zodEnumType(analysisPhaseSchema), description: 'The current phase.' }),
    percent: t.exposeFloat('percent', {
      nullable: true,
      description: 'How far into the phase, 0–100 (rows read while loading, rows scanned while profiling); null where a phase cannot tell.',
    }),
  }),
});

const InsightFilter = builder.inputType('InsightFilter', {
  description: 'Narrows Analysis.insights; an empty or missing list does not filter.',
  fields: (t) => ({
    severity: t.field({ type: [InsightSeverityEnum], required: false, description: 'Any of these severities.' }),
    type: t.field({ type: [InsightTypeEnum], required: false, description: 'Any of these types.' }),
  }),
});

builder.mutationField('deleteAnalysis', (t) =>
  t.globalID({
    description:
      'Deletes the analysis with its column profiles and insights (stopping it if it runs); returns its ID. Owners and editors only.',
    args: { id: t.arg.globalID({ for: Analysis, description: 'The analysis to delete.' }) },
    resolve: async (_root, { id }, ctx) => {
      const { workspaceId } = await authorize(ctx, 'editData', 'Analysis', locate.analysis(Number(id.id)));
      const { jobId } = await lifecycle.remove({ prisma: ctx.prisma, events: ctx.analyses.events }, Number(id.id), workspaceId);
      // A running worker notices the row is gone at its next heartbeat and stops.
      if (jobId)
        await ctx.analyses.queue
          .cancel(jobId)
          .catch((error) => ctx.logger.warn('could not cancel the job of a deleted analysis', { error }));
      return { type: id.typename, id: id.id };
    },
  }),
);
