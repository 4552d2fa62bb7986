/** Assembles the seed-shaped ColumnProfile (and its distribution_data) from the facts of all passes. */
import {
  DISTRIBUTION_DATA_VERSION,
  type DistributionData,
  type LikelyTypos,
  type StrayNumbers,
  type ForeignValues,
  type LogicalType,
  type ValueType,
} from '../distribution-schema.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import type { ResolvedProfileOptions } from '../options.js';
import type { ColumnProfile } from '../types.js';
import { iqrFences, robustZBounds, ROBUST_Z_THRESHOLD } from './distribution-rules.js';
import type { ColumnExamples } from './examples-pass.js';
import type { ColumnFacts, DistributionFacts } from './facts.js';
import { summarizeFrequencies, type FrequencySummary, type ValueCount } from './frequency-summary.js';
import { findLikelyTypos } from './likely-typos.js';
import { findStrayNumbers } from './stray-numbers.js';
import { QUANTILE_LEVELS, quantileAt } from './quantiles.js';
import { positionLabel, truncate } from './value-labels.js';

export interface FrequencySource {
  frequencies: readonly ValueCount[];
  approximate: boolean;
  /** Sampled rows when approximate. */
  sampleSize: number | null;
  /** Multiplier from sample counts to estimated full-data counts. */
  scale: number;
}

export interface ColumnInputs {
  plan: ColumnPlan;
  facts: ColumnFacts;
  distribution: DistributionFacts;
  frequencySource: FrequencySource;
  /** Top values, shapes and case variants of frequencySource, when computed ahead (see summarizeColumnFrequencies). */
  summary?: ColumnFrequencySummary;
  examples: ColumnExamples;
  rowCount: number;
}

/** The (JS-heavy) frequency summary of one column: independent of the later dataset queries, so it can overlap them. */
export function summarizeColumnFrequencies(
  plan: ColumnPlan,
  frequencySource: FrequencySource,
  options: ResolvedProfileOptions,
): ColumnFrequencySummary {
  const text = plan.rule.valueType === 'string';
  return {
    ...summarizeFrequencies(
      frequencySource.frequencies,
      { topValues: options.topValuesLimit, patterns: options.patternsLimit },
      frequencySource.scale,
      // Only text columns report case variants.
      { caseVariants: text },
    ),
    // Typos only from exact counts: a sample's counts would be estimates stated as counts.
    typos: text && !frequencySource.approximate ? findLikelyTypos(frequencySource.frequencies) : null,
    strayNumbers: text && !frequencySource.approximate ? findStrayNumbers(frequencySource.frequencies) : null,
    foreignValues: null,
    topValuesExact: !frequencySource.approximate,
  };
}

/** `topValuesExact`: the top values' counts are counts (not approximate, or recounted; see recount-top-values.ts). */
export type ColumnFrequencySummary = FrequencySummary & {
  typos: LikelyTypos | null;
  strayNumbers: StrayNumbers | null;
  /** Set across columns once every column is summarised (foreign-values.ts). */
  foreignValues: ForeignValues | null;
  topValuesExact: boolean;
};

/** Missing cells of a column (empty fields and null tokens), as the profile reports them. */
export function missingCountOf(facts: ColumnFacts, rowCount: number): number {
  return rowCount - facts.validCount - facts.invalidCount;
}

/** Negative values as the profile reports them (numbers only; temporal positions are not counted). */
export function reportedNegativeCount(plan: ColumnPlan, facts: ColumnFacts): number {
  const isNumber = plan.rule.valueType === 'integer' || plan.rule.valueType === 'decimal';
  return isNumber && facts.numeric ? facts.numeric.negativeCount : 0;
}

/** Zeros of a numeric column, as its profile reports them. */
export function reportedZeroCount(plan: ColumnPlan, facts: ColumnFacts): number {
  const isNumber = plan.rule.valueType === 'integer' || plan.rule.valueType === 'decimal';
  return isNumber && facts.numeric ? facts.numeric.zeroCount : 0;
}

const TEMPORAL: ReadonlySet<ValueType> = new Set(['date', 'datetime', 'time']);

/** Text refined by cardinality: few repeated values → categorical; unique, complete, compact tokens → identifier. */
export function refineLogicalType(
  { plan, facts, rowCount }: Pick<ColumnInputs, 'plan' | 'facts' | 'rowCount'>,
  categoricalMaxDistinct: number,
): LogicalType {
  const { valueType } = plan.rule;
  const distinct = facts.distinct.count;
  const allUniqueAndComplete = rowCount > 1 && facts.validCount === rowCount && distinct >= rowCount * 0.999;
  if (valueType === 'integer' && allUniqueAndComplete && facts.numeric) {
    // Unique integers packed into a range no wider than twice the row count look like surrogate keys.
    if (facts.numeric.max - facts.numeric.min + 1 <= 2 * rowCount) return 'identifier';
  }
  if (valueType !== 'string') return valueType;
  const compactTokens =
    plan.sampleValues.every((v) => !/\s/u.test(v)) && (facts.lengths?.max ?? 0) <= 64 && plan.semantic?.type !== 'email';
  if (allUniqueAndComplete && (compactTokens || plan.semantic?.type === 'uuid')) return 'identifier';
  if (distinct > 0 && distinct <= categoricalMaxDistinct && facts.validCount >= 2 * distinct) return 'categorical';
  return 'string';
}

export function buildColumnProfile(inputs: ColumnInputs, options: ResolvedProfileOptions): ColumnProfile {
  const { plan, facts, distribution, frequencySource, examples, rowCount } = inputs;
  const { valueType } = plan.rule;
  const label = (position: number) => positionLabel(valueType, position);
  const approximateFields: string[] = [];

  const missingCount = missingCountOf(facts, rowCount);
  const nonMissing = facts.validCount + facts.invalidCount;
  const tokenCounts = new Map(facts.tokenCounts);
  // Typed columns count empty fields implicitly: whatever is missing and not a written token was empty.
  const written = [...tokenCounts.values()].reduce((sum, c) => sum + c, 0);
  if (missingCount > written) tokenCounts.set(0, (tokenCounts.get(0) ?? 0) + missingCount - written);
  const tokens = [...tokenCounts.entries()]
    .map(([index, count]) => {
      const token = plan.nullTokens[index] ?? '';
      return { token, count, learned: plan.learnedMarkers.includes(token) };
    })
    .sort((a, b) => b.count - a.count);

  if (facts.distinct.approximate) approximateFields.push('uniqueness');
  const numeric = facts.numeric;
  if (numeric?.quantilesApproximate) approximateFields.push('numeric.quantiles', 'outliers');

  const summary = inputs.summary ?? summarizeColumnFrequencies(plan, frequencySource, options);
  if (frequencySource.approximate) approximateFields.push('topValues', 'patterns');

  const outliers = distribution.outliers;
  const median = numeric ? (quantileAt(numeric.quantiles, 0.5) ?? null) : null;
  const isNumber = valueType === 'integer' || valueType === 'decimal';

  const distributionData: DistributionData = {
    version: DISTRIBUTION_DATA_VERSION,
    logicalType: refineLogicalType(inputs, options.categoricalMaxDistinct),
    valueType,
    missing: { count: missingCount, share: share(missingCount, rowCount), tokens },
    typeConsistency: {
      share: nonMissing === 0 ? 1 : facts.validCount / nonMissing,
      validCount: facts.validCount,
      invalidCount: facts.invalidCount,
      invalidExamples: examples.invalid,
      candidateShares: plan.candidateShares,
      decimalSeparator: plan.rule.decimalSeparator,
      dateFormat: plan.rule.dateFormat,
    },
    semantic:
      plan.semantic && facts.semanticMatchingCount !== null
        ? {
            type: plan.semantic.type,
            share: share(facts.semanticMatchingCount, facts.validCount),
            matchingCount: facts.semanticMatchingCount,
            nonMatchingExamples: examples.semanticMismatch,
          }
        : null,
    numberUnit:
      plan.unit && facts.unitCount ? { ...plan.unit, count: facts.unitCount, share: share(facts.unitCount, facts.validCount) } : null,
    uniqueness: {
      distinctCount: facts.distinct.count + facts.invalidDistinct,
      approximate: facts.distinct.approximate,
      method: facts.distinct.approximate ? 'hash_subsample' : 'exact',
      relativeStandardError: facts.distinct.relativeStandardError,
      duplicatedValueCount: facts.distinct.approximate ? null : nonMissing - facts.distinct.count - facts.invalidDistinct,
    },
    numeric: numeric
      ? {
          stdDev: numeric.stdDev,
          skewness: numeric.skewness,
          kurtosis: numeric.kurtosis,
          zeroCount: isNumber ? numeric.zeroCount : 0,
          negativeCount: isNumber ? numeric.negativeCount : 0,
          quantiles: QUANTILE_LEVELS.map((p, i) => ({ p, value: numeric.quantiles[i]!, label: label(numeric.quantiles[i]!) })),
          quantilesApproximate: numeric.quantilesApproximate,
          quantilesSampleSize: numeric.quantilesSampleSize,
        }
      : null,
    boolean: facts.trueCount !== null ? { trueCount: facts.trueCount, falseCount: facts.validCount - facts.trueCount } : null,
    histogram: distribution.bins
      ? {
          kind: TEMPORAL.has(valueType) ? 'temporal' : 'numeric',
          binWidth: distribution.bins.layout.width,
          bins: distribution.bins.counts.map((count, i) => {
            const { lower, width } = distribution.bins!.layout;
            const from = lower + i * width;
            const to = width === 0 ? lower : from + width;
            return { lower: from, upper: to, lowerLabel: label(from), upperLabel: label(to), count };
          }),
        }
      : null,
    topValues: {
      approximate: frequencySource.approximate,
      sampleSize: frequencySource.approximate ? frequencySource.sampleSize : null,
      countsExact: summary.topValuesExact,
      values: summary.topValues,
    },
    lengths: facts.lengths,
    patterns: {
      approximate: frequencySource.approximate,
      sampleSize: frequencySource.approximate ? frequencySource.sampleSize : null,
      distinctPatterns: summary.distinctPatterns,
      shapes: summary.shapes,
    },
    outliers: outliers
      ? {
          approximate: numeric?.quantilesApproximate ?? false,
          iqr: {
            q1: outliers.q1,
            q3: outliers.q3,
            iqr: outliers.q3 - outliers.q1,
            mild: rule(iqrFences(outliers.q1, outliers.q3, 1.5), outliers.mildCount, label),
            extreme: rule(iqrFences(outliers.q1, outliers.q3, 3), outliers.extremeCount, label),
          },
          robustZ: {
            median: outliers.median,
            mad: outliers.mad,
            threshold: ROBUST_Z_THRESHOLD,
            rule: outliers.robustZCount === null ? null : rule(robustZBounds(outliers.median, outliers.mad), outliers.robustZCount, label),
          },
          examples: examples.outliers,
        }
      : null,
    whitespace: facts.whitespaceCount !== null ? { leadingOrTrailingCount: facts.whitespaceCount, examples: examples.whitespace } : null,
    caseVariants: valueType === 'string' ? summary.caseVariants : [],
    typos: valueType === 'string' ? summary.typos : null,
    strayNumbers: valueType === 'string' ? summary.strayNumbers : null,
    foreignValues: valueType === 'string' ? summary.foreignValues : null,
    approximateFields,
  };

  return {
    position: plan.index,
    originalName: plan.originalName,
    columnName: plan.columnName,
    dataType: distributionData.logicalType,
    nullCount: missingCount,
    uniqueCount: distributionData.uniqueness.distinctCount,
    minValue: truncate(facts.min),
    maxValue: truncate(facts.max),
    mean: isNumber ? (numeric?.mean ?? null) : facts.trueCount !== null ? share(facts.trueCount, facts.validCount) : null,
    median: isNumber ? median : null,
    distributionData,
  };
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

function rule(bounds: { lower: number; upper: number }, count: number, label: (n: number) => string) {
  return { ...bounds, lowerLabel: label(bounds.lower), upperLabel: label(bounds.upper), count };
}
