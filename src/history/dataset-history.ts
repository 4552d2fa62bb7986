/**
 * A dataset's history: per column, the key metrics of each completed analysis in order (missing share, distinct
 * count, mean, median and quantiles), and the quality score, each point with its anomaly verdict
 * (anomalies.ts). Read from the stored column profiles: no file is opened.
 */
import type { AnalysisGoalType } from '../generated/prisma/client.js';
import { empty, queryRows, sql, type Queryable } from '../db/sql.js';
import { flagAnomalies, type AnomalyVerdict } from './anomalies.js';

export const HISTORY_METRICS = {
  MISSING_SHARE: 'Share of the rows where the column is missing (0–1).',
  DISTINCT_COUNT: 'Distinct non-missing values.',
  MEAN: 'Mean of the numeric values.',
  MEDIAN: 'Median of the numeric values.',
  P05: '5th percentile of the numeric values.',
  P25: '25th percentile of the numeric values.',
  P75: '75th percentile of the numeric values.',
  P95: '95th percentile of the numeric values.',
} as const;
export type HistoryMetric = keyof typeof HISTORY_METRICS;

export interface HistoryPoint extends AnomalyVerdict {
  analysisId: number;
  completedAt: Date;
  goalType: AnalysisGoalType;
  value: number | null;
}

export interface MetricSeries {
  metric: HistoryMetric;
  points: HistoryPoint[];
}

export interface DatasetHistory {
  analyses: { id: number; completedAt: Date; goalType: AnalysisGoalType }[];
  score: HistoryPoint[];
  columns: { columnName: string; series: MetricSeries[] }[];
}

interface AnalysisRow {
  id: number;
  completedAt: Date;
  goalType: AnalysisGoalType;
  qualityScore: number | null;
}

interface ProfileRow {
  analysisId: number;
  columnName: string;
  missingShare: number | null;
  distinctCount: number;
  mean: number | null;
  median: number | null;
  quantiles: { p: number; value: number }[] | null;
}

const QUANTILE_OF: Partial<Record<HistoryMetric, number>> = { P05: 0.05, P25: 0.25, P75: 0.75, P95: 0.95 };

/** The last `last` completed analyses of the dataset (of one goal, or all), oldest first. */
export async function loadDatasetHistory(
  db: Queryable,
  datasetId: number,
  options: { last: number; goalType: AnalysisGoalType | null; columns: readonly string[] | null; maxColumns: number },
): Promise<DatasetHistory> {
  const goal = options.goalType ? sql`AND a.goal_type = ${options.goalType.toLowerCase()}::analysis_goal_type` : empty;
  const analyses = (
    await queryRows<AnalysisRow>(
      db,
      sql`SELECT a.id, a.completed_at AS "completedAt", upper(a.goal_type::text) AS "goalType", a.quality_score AS "qualityScore"
          FROM analyses a WHERE a.dataset_id = ${datasetId} AND a.status = 'completed' ${goal}
          ORDER BY a.completed_at DESC, a.id DESC LIMIT ${options.last}`,
    )
  ).reverse();
  const ids = analyses.map((a) => a.id);
  const profiles =
    ids.length === 0
      ? []
      : await queryRows<ProfileRow>(
          db,
          sql`SELECT analysis_id AS "analysisId", column_name AS "columnName", (distribution_data->'missing'->>'share')::float8 AS "missingShare",
                     unique_count AS "distinctCount", mean, median, distribution_data->'numeric'->'quantiles' AS quantiles
              FROM column_profiles WHERE analysis_id = ANY(${ids}::int[]) ORDER BY analysis_id, id`,
        );
  const byColumn = new Map<string, Map<number, ProfileRow>>();
  // Columns in the latest analysis' order first, then those only older analyses had.
  const latest = ids.at(-1);
  const ordered = [...profiles].sort((a, b) => Number(b.analysisId === latest) - Number(a.analysisId === latest));
  for (const profile of ordered) {
    if (!byColumn.has(profile.columnName)) byColumn.set(profile.columnName, new Map());
    byColumn.get(profile.columnName)!.set(profile.analysisId, profile);
  }
  const wanted = options.columns ? options.columns.filter((c) => byColumn.has(c)) : [...byColumn.keys()];
  const series = (values: (number | null)[]): HistoryPoint[] =>
    flagAnomalies(values).map((verdict, i) => ({
      analysisId: analyses[i]!.id,
      completedAt: analyses[i]!.completedAt,
      goalType: analyses[i]!.goalType,
      value: values[i]!,
      ...verdict,
    }));
  return {
    analyses: analyses.map(({ id, completedAt, goalType }) => ({ id, completedAt, goalType })),
    score: series(analyses.map((a) => a.qualityScore)),
    columns: wanted.slice(0, options.maxColumns).map((columnName) => {
      const of = byColumn.get(columnName)!;
      return {
        columnName,
        series: (Object.keys(HISTORY_METRICS) as HistoryMetric[]).map((metric) => ({
          metric,
          points: series(analyses.map((a) => metricOf(of.get(a.id), metric))),
        })),
      };
    }),
  };
}

function metricOf(profile: ProfileRow | undefined, metric: HistoryMetric): number | null {
  if (!profile) return null;
  switch (metric) {
    case 'MISSING_SHARE':
      return profile.missingShare;
    case 'DISTINCT_COUNT':
      return profile.distinctCount;
    case 'MEAN':
      return profile.mean;
    case 'MEDIAN':
      return profile.median;
    default: {
      const p = QUANTILE_OF[metric]!;
      return profile.quantiles?.find((q) => Math.abs(q.p - p) < 1e-9)?.value ?? null;
    }
  }
}
