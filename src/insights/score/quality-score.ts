/**
 * The quality score, 0–100. Five dimensions, each a ratio over what it can assess:
 *   completeness  1 − missing cells / cells (rows × columns)
 *   validity      1 − invalid values / non-missing values (values not parsing as the column's type, off the
 *                 semantic type, impossible: negative quantities, future dates)
 *   uniqueness    1 − (duplicate rows + repeated key values) / (rows + non-missing values of key-like columns)
 *   consistency   1 − inconsistent values / non-missing text values (minority spellings, padded values,
 *                 minority formats)
 *   accuracy      1 − outlying values / non-missing values of numeric columns with outlier bounds
 * score = 100 × Σ wᵈ·ratioᵈ / Σ wᵈ over the dimensions that have something to assess (weights per goal in
 * goals.ts); a dimension with nothing to assess is N/A, not 100, and the score is null when none can be.
 * Each defect is charged to the insight that reports it (evidence.impact), so an insight's cost is
 * 100 × (wᵈ / Σw) × units / assessableᵈ and the costs add up to 100 − score.
 */
import { z } from 'zod';
import type { DatasetProfile } from '../../profiling/index.js';
import { GOAL_WEIGHTS } from '../goals.js';
import { isNumeric, isText, looksLikeKey, presentCount, looksLikeIdentifier } from '../rules/context.js';
import {
  DIMENSIONS,
  analysisGoalSchema,
  dimensionSchema,
  insightCheckSchema,
  insightTypeSchema,
  type AnalysisGoal,
  type Dimension,
  type Evidence,
  type InsightType,
} from '../types.js';

export const SCORE_BREAKDOWN_VERSION = 1 as const;

export const SCORE_FORMULA =
  'score = 100 × Σ w·ratio / Σ w over assessed dimensions; ratio = 1 − defects / assessable units; cost of an insight = 100 × (w / Σw) × its units / assessable units';

export const dimensionScoreSchema = z
  .object({
    dimension: dimensionSchema,
    assessed: z.boolean().describe('false (N/A) when the dataset has nothing this dimension can assess.'),
    weight: z.number().min(0).max(1).describe("The goal's weight for this dimension, 0–1."),
    normalisedWeight: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('The weight after renormalising over the assessed dimensions; null when not assessed.'),
    assessable: z.number().nonnegative().describe('Cells, values or rows the dimension assesses (see assessableLabel).'),
    assessableLabel: z.string().describe("What assessable counts, e.g. 'cells', 'non-missing values'."),
    defects: z.number().nonnegative().describe('Assessable units found defective.'),
    ratio: z.number().min(0).max(1).nullable().describe('1 − defects / assessable, 0–1; null when not assessed.'),
    pointsLost: z.number().min(0).max(100).nullable().describe('Score points (0–100 scale) this dimension cost; null when not assessed.'),
  })
  .meta({ title: 'DimensionScore', description: 'How one quality dimension was graded.' });

export const insightCostSchema = z
  .object({
    insightIndex: z
      .number()
      .int()
      .nonnegative()
      .describe("The insight's position among the analysis' insights, most severe first (0-based)."),
    type: insightTypeSchema,
    columnName: z.string().nullable().describe('The column the insight is about; null for the whole dataset.'),
    check: insightCheckSchema,
    dimension: dimensionSchema,
    units: z.number().nonnegative().describe("How many of the dimension's assessable units the insight covers."),
    cost: z.number().min(0).max(100).describe('Score points (0–100 scale) the insight cost.'),
  })
  .meta({ title: 'InsightCost', description: 'What one insight cost the quality score.' });

export const scoreBreakdownSchema = z
  .object({
    version: z.literal(SCORE_BREAKDOWN_VERSION).describe('Version of this shape (1).'),
    goal: analysisGoalSchema,
    score: z.number().min(0).max(100).nullable().describe('The quality score, 0–100; null when no dimension could be assessed.'),
    formula: z.string().describe('How the score is computed, in words.'),
    dimensions: z.array(dimensionScoreSchema).describe('The five dimensions, in a fixed order.'),
    costs: z.array(insightCostSchema).describe('Only the insights that cost points; the others cost 0.'),
  })
  .meta({ title: 'ScoreBreakdown', description: 'How a quality score was computed: each dimension and what each insight cost.' });

export type ScoreBreakdown = z.infer<typeof scoreBreakdownSchema>;
export type DimensionScore = z.infer<typeof dimensionScoreSchema>;

const ASSESSABLE_LABELS: Record<Dimension, string> = {
  completeness: 'cells (rows × columns)',
  validity: 'non-missing values',
  uniqueness: 'rows + non-missing values of key-like columns',
  consistency: 'non-missing text values',
  accuracy: 'non-missing values of numeric columns',
};

export function assessableUnits(profile: DatasetProfile): Record<Dimension, number> {
  const present = (filter: (c: DatasetProfile['columns'][number]) => boolean) =>
    profile.columns.filter(filter).reduce((sum, c) => sum + presentCount(c), 0);
  return {
    completeness: profile.rowCount * profile.columns.length,
    validity: present(() => true),
    uniqueness: profile.columns.length === 0 ? 0 : profile.rowCount + present((c) => looksLikeKey(c, profile)),
    consistency: present(isText),
    accuracy: present((c) => isNumeric(c) && c.distributionData.outliers !== null && !looksLikeIdentifier(c, profile)),
  };
}

export interface ScoredInsight {
  type: InsightType;
  columnName: string | null;
  evidence: Evidence;
}

export function computeScore(
  profile: DatasetProfile,
  goal: AnalysisGoal,
  insights: readonly ScoredInsight[],
): { score: number | null; breakdown: ScoreBreakdown; costs: number[] } {
  const assessable = assessableUnits(profile);
  const weights = GOAL_WEIGHTS[goal];
  const defects = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  for (const insight of insights) if (insight.evidence.impact) defects[insight.evidence.impact.dimension] += insight.evidence.impact.units;
  const assessed = DIMENSIONS.filter((d) => assessable[d] > 0);
  const totalWeight = assessed.reduce((sum, d) => sum + weights[d], 0);
  const ratio = (d: Dimension) => Math.max(0, 1 - Math.min(defects[d], assessable[d]) / assessable[d]);

  const dimensions: DimensionScore[] = DIMENSIONS.map((d) => {
    const isAssessed = assessable[d] > 0 && totalWeight > 0;
    const normalisedWeight = isAssessed ? weights[d] / totalWeight : null;
    return {
      dimension: d,
      assessed: isAssessed,
      weight: weights[d],
      normalisedWeight,
      assessable: assessable[d],
      assessableLabel: ASSESSABLE_LABELS[d],
      defects: Math.min(defects[d], assessable[d]),
      ratio: isAssessed ? ratio(d) : null,
      pointsLost: isAssessed ? 100 * normalisedWeight! * (1 - ratio(d)) : null,
    };
  });
  const score =
    assessed.length === 0 || totalWeight === 0 ? null : (100 * assessed.reduce((sum, d) => sum + weights[d] * ratio(d), 0)) / totalWeight;

  const costs = insights.map((insight) => {
    const impact = insight.evidence.impact;
    if (!impact || score === null || assessable[impact.dimension] === 0 || defects[impact.dimension] === 0) return 0;
    const d = impact.dimension;
    // When a dimension's defects exceed what it assesses (overlapping findings), its loss is shared pro rata.
    const lost = dimensions.find((x) => x.dimension === d)!.pointsLost!;
    return lost * (impact.units / defects[d]);
  });
  const breakdown: ScoreBreakdown = {
    version: SCORE_BREAKDOWN_VERSION,
    goal,
    score: score === null ? null : round(score, 2),
    formula: SCORE_FORMULA,
    dimensions: dimensions.map((d) => ({
      ...d,
      ratio: d.ratio === null ? null : round(d.ratio, 6),
      pointsLost: d.pointsLost === null ? null : round(d.pointsLost, 4),
    })),
    costs: insights.flatMap((insight, i) =>
      costs[i]! > 0 && insight.evidence.impact
        ? [
            {
              insightIndex: i,
              type: insight.type,
              columnName: insight.columnName,
              check: insight.evidence.check,
              dimension: insight.evidence.impact.dimension,
              units: insight.evidence.impact.units,
              cost: round(costs[i]!, 4),
            },
          ]
        : [],
    ),
  };
  return { score: breakdown.score, breakdown, costs: costs.map((c) => round(c, 4)) };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
