// analysisComparison(baseId, targetId): two completed analyses (of one dataset or of two) compared from their
// stored profiles, insights and score breakdowns by the comparison library (src/comparison). Both analyses
// are loaded through the visibility filter: a caller compares only what they may read.
import { analysisOptionsSchema } from '../../analyses/options.js';
import { compareProfiles, ComparisonError, analysisComparisonSchema, type ComparableAnalysisInput } from '../../comparison/index.js';
import { queryRows, sql } from '../../db/sql.js';
import { AppError } from '../../errors.js';
import type { Analysis } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { loadRelated, recordLoader } from '../loading/records.js';
import { zodObjectType } from '../zod-object-types.js';
import { Analysis as AnalysisNode } from './analysis.js';

const AnalysisComparison = zodObjectType('AnalysisComparison', analysisComparisonSchema);

builder.queryField('analysisComparison', (t) =>
  t.field({
    type: AnalysisComparison,
    description:
      'Two completed analyses compared — schema diff (added, removed, renamed by content, type changed), per-column drift with the test fitting each type (PSI and Kolmogorov–Smirnov for numbers and dates, χ² and Jensen–Shannon for categories, missing-share and distinct-count changes; each with its statistic, threshold and verdict), score delta per dimension, and insights new, resolved and changed — from their stored profiles (method PROFILES). Any two analyses the caller may read: of one dataset (versions over time) or of two.',
    args: {
      baseId: t.arg.globalID({ for: AnalysisNode, description: 'The base (older) analysis.' }),
      targetId: t.arg.globalID({ for: AnalysisNode, description: 'The target (newer) analysis.' }),
    },
    resolve: async (_root, { baseId, targetId }, ctx) => {
      const [base, target] = await Promise.all([
        comparable(ctx, Number(baseId.id), 'base'),
        comparable(ctx, Number(targetId.id), 'target'),
      ]);
      try {
        return compareProfiles(base, target) as unknown as Record<string, unknown>;
      } catch (error) {
        if (error instanceof ComparisonError) throw new AppError('CONFLICT', `${error.message}. Run the analysis again to compare it.`);
        throw error;
      }
    },
  }),
);

/** A visible, completed analysis as the comparison library reads it. */
async function comparable(ctx: GraphQLContext, id: number, side: 'base' | 'target'): Promise<ComparableAnalysisInput> {
  const analysis = (await recordLoader(ctx, 'Analysis', 'visible').load(id)) as Analysis | null;
  if (!analysis) throw new AppError('NOT_FOUND', `The ${side} analysis was not found`);
  if (analysis.status !== 'COMPLETED')
    throw new AppError('CONFLICT', `The ${side} analysis is ${analysis.status.toLowerCase()}: only completed analyses can be compared`);
  const [columns, insights, dataset] = await Promise.all([
    queryRows<ComparableAnalysisInput['columns'][number]>(
      ctx.pool,
      sql`SELECT column_name AS "columnName", data_type AS "dataType", null_count AS "nullCount",
                 unique_count AS "uniqueCount", distribution_data AS "distributionData"
          FROM column_profiles WHERE analysis_id = ${id} ORDER BY id`,
    ),
    queryRows<{
      type: string;
      severity: string;
      columnName: string | null;
      description: string;
      evidence: { check: string; count: number } | null;
    }>(
      ctx.pool,
      sql`SELECT upper(type::text) AS type, upper(severity::text) AS severity, column_name AS "columnName", description, evidence
          FROM insights WHERE analysis_id = ${id} ORDER BY id`,
    ),
    loadRelated(ctx, 'Dataset', analysis.datasetId),
  ]);
  const version = analysis.datasetVersionId ? await loadRelated(ctx, 'DatasetVersion', analysis.datasetVersionId) : null;
  const sampleLimit = analysisOptionsSchema.parse(analysis.options).sampleLimit ?? null;
  const fileRows = version?.rowCount ?? dataset.rowCount ?? 0;
  return {
    rowCount: sampleLimit === null ? fileRows : Math.min(fileRows, sampleLimit),
    rowLimit: sampleLimit,
    columns,
    insights: insights
      .filter((i) => i.evidence)
      .map((i) => ({ ...i, evidence: { check: i.evidence!.check, count: i.evidence!.count } })) as ComparableAnalysisInput['insights'],
    scoreBreakdown: (analysis.scoreBreakdown ?? null) as ComparableAnalysisInput['scoreBreakdown'],
  };
}
