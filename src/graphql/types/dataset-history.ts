// Dataset.history: each column's key metrics over the dataset's completed analyses, and the quality score,
// every point with its robust anomaly verdict (src/history). The dataset is visible (it was loaded through
// the visibility filter); only its own analyses are read.
import { z } from 'zod';
import { ANOMALY_MIN_HISTORY, ANOMALY_THRESHOLD, ANOMALY_WINDOW } from '../../history/anomalies.js';
import { HISTORY_METRICS, loadDatasetHistory, type HistoryPoint, type MetricSeries } from '../../history/dataset-history.js';
import { builder } from '../builder.js';
import { encodeGlobalID } from '../global-ids.js';
import { AnalysisGoalTypeEnum, describedEnum } from './enums.js';
import { DatasetRef } from './refs.js';

/** Analyses and columns one history may span (each column is 8 series of up to `last` points). */
const MAX_ANALYSES = 50;
const MAX_COLUMNS = 50;

const HistoryMetricEnum = describedEnum('HistoryMetric', 'A metric of a column followed over analyses.', HISTORY_METRICS);

const HistoryPointRef = builder.objectRef<HistoryPoint>('HistoryPoint').implement({
  description: `One analysis' value of a metric, with its anomaly verdict: the value against the median and MAD of the ${ANOMALY_WINDOW} points before it (at least ${ANOMALY_MIN_HISTORY} needed), an anomaly beyond a robust z of ${ANOMALY_THRESHOLD}.`,
  fields: (t) => ({
    analysisId: t.id({ description: 'The analysis (an Analysis node ID).', resolve: (p) => encodeGlobalID('Analysis', p.analysisId) }),
    completedAt: t.field({ type: 'DateTime', description: 'When that analysis completed.', resolve: (p) => p.completedAt }),
    goalType: t.field({
      type: AnalysisGoalTypeEnum,
      description: "That analysis' goal (scores of different goals weigh differently).",
      resolve: (p) => p.goalType,
    }),
    value: t.float({
      nullable: true,
      description: 'The value; null when the analysis has no such value (the column absent, or not numeric).',
      resolve: (p) => p.value,
    }),
    robustZ: t.float({
      nullable: true,
      description: '(value − median) / (1.4826 × MAD) of the earlier points; null without enough history or when they are all equal.',
      resolve: (p) => p.robustZ,
    }),
    anomaly: t.boolean({
      description: `Whether the value is out of line with the earlier points (|robustZ| > ${ANOMALY_THRESHOLD}, or any change after a constant history).`,
      resolve: (p) => p.anomaly,
    }),
  }),
});

const MetricSeriesRef = builder.objectRef<MetricSeries>('MetricSeries').implement({
  description: 'A metric over the analyses, oldest first.',
  fields: (t) => ({
    metric: t.field({ type: HistoryMetricEnum, description: 'Which metric.', resolve: (s) => s.metric }),
    points: t.field({ type: [HistoryPointRef], description: 'One point per analysis, oldest first.', resolve: (s) => s.points }),
  }),
});

type ColumnHistory = { columnName: string; series: MetricSeries[] };
const ColumnHistoryRef = builder.objectRef<ColumnHistory>('ColumnHistory').implement({
  description: "A column's metrics over the analyses.",
  fields: (t) => ({
    columnName: t.exposeString('columnName', { description: 'The column, by its profiled name.' }),
    series: t.field({ type: [MetricSeriesRef], description: 'Each metric over the analyses.', resolve: (c) => c.series }),
  }),
});

type History = Awaited<ReturnType<typeof loadDatasetHistory>>;
const DatasetHistoryRef = builder.objectRef<History>('DatasetHistory').implement({
  description: "A dataset's metrics over its completed analyses, oldest first, for charts and alerts.",
  fields: (t) => ({
    score: t.field({
      type: [HistoryPointRef],
      description: 'The quality score (0–100) of each analysis, oldest first.',
      resolve: (h) => h.score,
    }),
    columns: t.field({
      type: [ColumnHistoryRef],
      description: "The columns' metrics, in the latest analysis' column order.",
      resolve: (h) => h.columns,
    }),
    anomalyCount: t.int({
      description: 'How many points of the score and the column series are anomalies.',
      resolve: (h) => [h.score, ...h.columns.flatMap((c) => c.series.map((s) => s.points))].flat().filter((p) => p.anomaly).length,
    }),
  }),
});

builder.objectField(DatasetRef, 'history', (t) =>
  t.field({
    type: DatasetHistoryRef,
    description: `The dataset's metrics over its last completed analyses (at most ${MAX_ANALYSES}) for at most ${MAX_COLUMNS} columns, with robust anomaly flags; from the stored profiles.`,
    args: {
      last: t.arg.int({
        required: false,
        defaultValue: 20,
        description: `How many of the latest completed analyses (at most ${MAX_ANALYSES}).`,
      }),
      goalType: t.arg({
        type: AnalysisGoalTypeEnum,
        required: false,
        description: 'Only analyses of this goal (scores of different goals are not comparable).',
      }),
      columns: t.arg.stringList({
        required: false,
        description: `Only these columns (at most ${MAX_COLUMNS}); default: the first ${MAX_COLUMNS}.`,
      }),
    },
    validate: {
      schema: z.looseObject({
        last: z.number().int().min(1, 'must be at least 1').max(MAX_ANALYSES, `must be at most ${MAX_ANALYSES}`).nullish(),
        columns: z.array(z.string()).max(MAX_COLUMNS, `must list at most ${MAX_COLUMNS} columns`).nullish(),
      }),
    },
    resolve: (dataset, args, ctx) =>
      loadDatasetHistory(ctx.pool, dataset.id, {
        last: args.last ?? 20,
        goalType: args.goalType ?? null,
        columns: args.columns ?? null,
        maxColumns: MAX_COLUMNS,
      }),
  }),
);
