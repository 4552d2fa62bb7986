// Starting, cancelling and following analyses. The work itself happens in a
// worker (src/analyses): startAnalysis only records the analysis and its job,
// in one transaction, and returns at once.
import type { AnalysisEvent, AnalysisEvents } from '../../analyses/events.js';
import { columnName, missingValueMarkers, sampleLimit } from '../../analyses/options.js';
import * as lifecycle from '../../analyses/lifecycle.js';
import { authorize, locate, requireViewer, visibleTo } from '../../auth/access.js';
import { versionToAnalyse } from '../../datasets/versions.js';
import { AppError } from '../../errors.js';
import { builder } from '../builder.js';
import { datasetColumns } from './dataset-column.js';
import { Analysis } from './analysis.js';
import { AnalysisRef } from './refs.js';
import { Dataset } from './dataset.js';
import { DatasetVersion } from './dataset-version.js';
import { AnalysisGoalTypeEnum } from './enums.js';

const StartAnalysisOptions = builder.inputType('StartAnalysisOptions', {
  description: 'How to run an analysis; every option may be left out.',
  fields: (t) => ({
    targetColumn: t.string({
      required: false,
      description: 'ML_PREPARATION: the column a model would predict (one of Dataset.columns’ names).',
      validate: { schema: columnName },
    }),
    sampleLimit: t.int({
      required: false,
      description: 'Analyse only the first this many rows (a quick look at a large file); default: every row.',
      validate: { schema: sampleLimit },
    }),
    missingValueMarkers: t.stringList({
      required: false,
      description:
        'How this dataset writes "no value" besides the standard null tokens (NA, N/A, null, NULL, NaN, None, -, ?) and the markers the analysis learns from the data (such as "empty" or -999): each counted as missing, compared after trimming.',
      validate: { schema: missingValueMarkers },
    }),
    datasetVersionId: t.globalID({
      required: false,
      for: DatasetVersion,
      description: 'The version of the dataset to analyse (one of Dataset.versions); default: its latest.',
    }),
  }),
});

const terminal = new Set(['COMPLETED', 'FAILED']);

builder.mutationFields((t) => ({
  startAnalysis: t.field({
    type: AnalysisRef,
    description:
      'Queues an analysis of the dataset’s latest version (or of options.datasetVersionId) and returns it at once, PENDING. Owners and editors only.',
    args: {
      datasetId: t.arg.globalID({ for: Dataset, description: 'The dataset to analyse.' }),
      goalType: t.arg({ type: AnalysisGoalTypeEnum, description: 'What the analysis is for.' }),
      options: t.arg({
        type: StartAnalysisOptions,
        required: false,
        description: 'Target column, sample size, missing-value markers and the version to analyse.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const datasetId = Number(args.datasetId.id);
      const { workspaceId } = await authorize(ctx, 'editData', 'Dataset', locate.dataset(datasetId));
      const targetColumn = args.options?.targetColumn ?? null;
      const chosenVersion = args.options?.datasetVersionId;
      const version = await versionToAnalyse(ctx.prisma, datasetId, chosenVersion ? Number(chosenVersion.id) : null);
      if (targetColumn !== null) {
        // The columns of the file to be analysed (the dataset's own for one recorded without versions).
        const columns = version
          ? version.columns
          : (await ctx.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId }, select: { columns: true } })).columns;
        const names = datasetColumns(columns)?.map((c) => c.name);
        if (names && !names.includes(targetColumn)) {
          throw new AppError('VALIDATION_FAILED', `The dataset has no column "${targetColumn}"`, [
            { path: ['options', 'targetColumn'], message: `must be one of: ${names.join(', ')}` },
          ]);
        }
      }
      const analysis = await lifecycle.start(
        { prisma: ctx.prisma, ...ctx.analyses },
        {
          datasetId,
          datasetVersionId: version?.id ?? null,
          workspaceId,
          goalType: args.goalType,
          options: {
            targetColumn,
            sampleLimit: args.options?.sampleLimit ?? null,
            missingValueMarkers: args.options?.missingValueMarkers ?? null,
          },
        },
      );
      return analysis;
    },
  }),
  cancelAnalysis: t.field({
    type: AnalysisRef,
    description: 'Stops a PENDING or RUNNING analysis: it becomes FAILED with cancelledAt set. Owners and editors only.',
    args: { id: t.arg.globalID({ for: Analysis, description: 'The analysis to stop.' }) },
    resolve: async (_root, { id }, ctx) => {
      const analysisId = Number(id.id);
      const { workspaceId } = await authorize(ctx, 'editData', 'Analysis', locate.analysis(analysisId));
      const viewer = await ctx.prisma.user.findUniqueOrThrow({ where: { id: requireViewer(ctx).id }, select: { fullName: true } });
      const cancelled = await lifecycle.cancel(
        { prisma: ctx.prisma, events: ctx.analyses.events },
        analysisId,
        workspaceId,
        viewer.fullName,
      );
      if (!cancelled) throw new AppError('CONFLICT', 'Only a pending or running analysis can be cancelled');
      // A pending job never starts; a running one stops at its worker's next heartbeat.
      if (cancelled.jobId) await ctx.analyses.queue.cancel(cancelled.jobId);
      return ctx.prisma.analysis.findUniqueOrThrow({ where: { id: analysisId } });
    },
  }),
}));

builder.subscriptionType({});

builder.subscriptionField('analysisUpdated', (t) =>
  t.field({
    type: AnalysisRef,
    description:
      'The analysis now, then again at every status change and progress step, until it is COMPLETED or FAILED (over Server-Sent Events at /graphql).',
    args: { id: t.arg.globalID({ for: Analysis, description: 'The analysis to follow.' }) },
    subscribe: (_root, { id }, ctx) => followAnalysis(Number(id.id), ctx),
    resolve: async (update: Update, _args, ctx) => {
      const analysis = await ctx.prisma.analysis.findUniqueOrThrow({ where: { id: update.analysisId } });
      // Each event shows its own step, even when the run has moved on by the time it is read.
      const event = update.event;
      return event ? { ...analysis, status: event.status, progressPhase: event.phase, progressPercent: event.percent } : analysis;
    },
  }),
);

type Update = { analysisId: number; event: AnalysisEvent | null };

async function* followAnalysis(
  analysisId: number,
  ctx: Parameters<typeof authorize>[0] & { analyses: { events: AnalysisEvents } },
): AsyncGenerator<Update> {
  const viewer = requireViewer(ctx);
  const stop = new AbortController();
  try {
    // Subscribed before reading the current state, so no change falls in between.
    const events = await ctx.analyses.events.subscribe(analysisId, stop.signal);
    const now = await ctx.prisma.analysis.findFirst({
      where: { id: analysisId, AND: [visibleTo.analysis(viewer)] },
      select: { status: true },
    });
    if (!now) throw new AppError('NOT_FOUND', 'Analysis not found');
    yield { analysisId, event: null };
    if (terminal.has(now.status)) return;
    for await (const event of events) {
      yield { analysisId, event };
      if (terminal.has(event.status)) return;
    }
  } finally {
    stop.abort();
  }
}
