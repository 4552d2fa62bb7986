/**
 * profileFile: file path in, DatasetProfile out. The file is read twice at most: a prefix for inference and
 * one full read into a typed temporary table; every statistic then comes from a handful of batched passes
 * over that table (see statistics/*), never from one query per statistic per column.
 */
import { DISTRIBUTION_DATA_VERSION } from './distribution-schema.js';
import { DuckDBSession } from './engine/duckdb-session.js';
import { computeCramersV } from './dataset/cramers-v.js';
import { findCandidateKeys } from './dataset/candidate-keys.js';
import { findDuplicateRows, noDuplicateRows } from './dataset/duplicate-rows.js';
import { computeRowChecks } from './dataset/row-checks.js';
import { ProfilingError } from './errors.js';
import { planColumns, type ColumnPlan } from './inference/column-plan.js';
import { resolveProfileOptions, type ResolvedProfileOptions } from './options.js';
import { detectFile } from './reader/file-format.js';
import { openSourceRelation, refuseTooWide, sourceFileInfo, translateReadError, type SourceRelation } from './reader/source-relation.js';
import { runColumnPass } from './statistics/column-pass.js';
import {
  buildColumnProfile,
  missingCountOf,
  refineLogicalType,
  reportedNegativeCount,
  reportedZeroCount,
  summarizeColumnFrequencies,
  type ColumnFrequencySummary,
  type FrequencySource,
} from './statistics/column-profile-builder.js';
import { runDistributionPass } from './statistics/distribution-pass.js';
import { findForeignValues } from './statistics/foreign-values.js';
import { columnExampleRequests, examplesOf, fetchExamples } from './statistics/examples-pass.js';
import type { ColumnFacts, DistributionFacts } from './statistics/facts.js';
import type { ValueCount } from './statistics/frequency-summary.js';
import { recountValues, withExactCounts } from './statistics/recount-top-values.js';
import { sampleFrequencies } from './statistics/sampled-frequencies.js';
import { loadTypedTable, withTableLayout } from './statistics/typed-table.js';
import type { ColumnProfile, DatasetProfile, ProfileOptions, ProfileProgress } from './types.js';

export async function profileFile(path: string, options: ProfileOptions = {}): Promise<DatasetProfile> {
  const resolved = resolveProfileOptions(options);
  const timings: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: ProfileProgress['phase']) => {
    resolved.onProgress({ phase: name, percent: null });
    return (percent: number) => resolved.onProgress({ phase: name, percent });
  };
  const endPhase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  const started = performance.now();

  phase('sniffing');
  // The engine starts while the file's head is sniffed and typed in JS (a CSV needs no engine for that).
  const opening = DuckDBSession.open(resolved);
  opening.catch(() => {});
  try {
    const file = await detectFile(path);
    const source = await openSourceRelation(opening, file, resolved.inferenceSampleRows);
    refuseTooWide(source, resolved.maxColumns);
    const plans = withTableLayout(planColumns(source.names, await readInferenceSample(opening, source, path, resolved), resolved));
    const session = await opening;
    endPhase('sniffing');

    const rowCount = await loadTypedTable(session, source, path, plans, phase('loading'), resolved.rowLimit);
    endPhase('loading');

    const exact = rowCount <= resolved.exactRowLimit;
    const facts = await runColumnPass(session, plans, rowCount, exact, phase('statistics'));
    endPhase('statistics');

    const pearsonColumns = choosePearsonColumns(plans, facts, rowCount, resolved);
    const distribution = await runDistributionPass(
      session,
      plans,
      facts,
      pearsonColumns,
      { exact, histogramBins: resolved.histogramBins },
      phase('distributions'),
    );
    const frequencySources = await frequencySourcesFor(session, plans, facts, distribution.columns, rowCount, resolved);
    const examplesPending = fetchExamples(
      session,
      plans.flatMap((plan, i) => columnExampleRequests(plan, facts[i]!, distribution.columns[i]!)),
    );
    // JS work (≈ 0.1 s at 1M rows: top values and shapes of the sampled text) while the engine runs the queries.
    const sampledSummaries = plans.map((plan, i) => summarizeColumnFrequencies(plan, frequencySources[i]!, resolved));
    const examples = await examplesPending;
    const summaries = withForeignValues(plans, frequencySources, await withRecountedTopValues(session, plans, facts, sampledSummaries));
    endPhase('distributions');

    phase('dataset');
    const candidateKeys = await findCandidateKeys(session, plans, facts, rowCount);
    // A key column (every row a distinct value) makes every row distinct: no need to hash whole rows.
    const duplicateRows = candidateKeys.length > 0 ? noDuplicateRows() : await findDuplicateRows(session, plans, rowCount);
    const categoricalColumns = chooseCategoricalColumns(plans, facts, rowCount, resolved);
    const cramers = await computeCramersV(session, plans, categoricalColumns);
    endPhase('dataset');

    // The row checks' query runs while the column profiles are assembled in JS; its inputs are the counts the
    // profiles report.
    const rowChecksPending = computeRowChecks(session, plans, {
      missingCounts: plans.map((_, i) => missingCountOf(facts[i]!, rowCount)),
      negativeCounts: plans.map((plan, i) => reportedNegativeCount(plan, facts[i]!)),
      zeroCounts: plans.map((plan, i) => reportedZeroCount(plan, facts[i]!)),
      invalidCounts: facts.map((f) => f.invalidCount),
      misplacedValues: summaries.map((s) => misplacedValuesOf(s)),
      rowCount,
    });
    rowChecksPending.catch(() => {});
    const columns: ColumnProfile[] = plans.map((plan, i) =>
      buildColumnProfile(
        {
          plan,
          facts: facts[i]!,
          distribution: distribution.columns[i]!,
          frequencySource: frequencySources[i]!,
          summary: summaries[i]!,
          examples: examplesOf(i, examples),
          rowCount,
        },
        resolved,
      ),
    );
    const rowChecks = await rowChecksPending;
    columns.forEach((column, i) => {
      column.distributionData.rowChecks = rowChecks.columns[i]!;
    });
    timings['rowChecks'] = Math.round(performance.now() - phaseStart);
    const nameOf = (index: number) => columns[index]!.columnName;
    const strongest = <T extends { a: number; b: number }>(pairs: T[], strength: (p: T) => number) =>
      [...pairs].sort((x, y) => Math.abs(strength(y)) - Math.abs(strength(x))).slice(0, resolved.maxCorrelationPairs);

    phase('done');
    timings['total'] = Math.round(performance.now() - started);
    return {
      version: DISTRIBUTION_DATA_VERSION,
      source: sourceFileInfo(path, file, source),
      rowCount,
      columnCount: plans.length,
      duplicateRows,
      candidateKeys: candidateKeys.map(nameOf),
      correlations: {
        pearson: strongest(distribution.pearson, (p) => p.coefficient).map((p) => ({
          columns: [nameOf(p.a), nameOf(p.b)],
          coefficient: p.coefficient,
          n: p.n,
        })),
        cramersV: strongest(cramers, (p) => p.cramersV).map((p) => ({
          columns: [nameOf(p.a), nameOf(p.b)],
          cramersV: p.cramersV,
          n: p.n,
        })),
        numericColumnsConsidered: pearsonColumns.length,
        categoricalColumnsConsidered: categoricalColumns.length,
      },
      columns,
      rowMissingness: rowChecks.missingness,
      misalignedRows: rowChecks.misaligned,
      exact,
      rowLimit: resolved.rowLimit,
      timingsMs: timings,
    };
  } finally {
    (await opening.catch(() => null))?.close();
  }
}

async function readInferenceSample(
  session: PromiseLike<DuckDBSession>,
  source: SourceRelation,
  path: string,
  options: ResolvedProfileOptions,
): Promise<(string | null)[][]> {
  if (source.headRecords) return source.headRecords;
  const columns = source.names.map((_, i) => source.rawColumn(i)).join(', ');
  const rows = await (await session)
    .rows(`SELECT ${columns} FROM ${source.fromSql} LIMIT ${Math.floor(options.inferenceSampleRows)}`, [path])
    .catch((error: unknown) => {
      throw translateReadError(error);
    });
  if (source.names.length === 0) throw new ProfilingError('NOT_TABULAR', 'The file has no columns');
  return rows.map((row) => source.names.map((_, i) => (row[source.rawColumn(i)] as string | null) ?? null));
}

/** Numeric, non-identifier, non-constant columns; the fullest first, bounded so wide files stay fast. */
function choosePearsonColumns(
  plans: readonly ColumnPlan[],
  facts: readonly ColumnFacts[],
  rowCount: number,
  options: ResolvedProfileOptions,
): number[] {
  return plans
    .filter((plan) => {
      const f = facts[plan.index]!;
      const numeric = plan.rule.valueType === 'integer' || plan.rule.valueType === 'decimal';
      return (
        numeric &&
        (f.numeric?.stdDev ?? 0) > 0 &&
        refineLogicalType({ plan, facts: f, rowCount }, options.categoricalMaxDistinct) !== 'identifier'
      );
    })
    .sort((a, b) => facts[b.index]!.validCount - facts[a.index]!.validCount)
    .slice(0, options.maxCorrelationColumns)
    .map((plan) => plan.index)
    .sort((a, b) => a - b);
}

/** Columns with 2..categoricalMaxDistinct values (any type); bounded like the numeric ones. */
function chooseCategoricalColumns(
  plans: readonly ColumnPlan[],
  facts: readonly ColumnFacts[],
  rowCount: number,
  options: ResolvedProfileOptions,
): number[] {
  const limit = Math.max(2, Math.floor(Math.sqrt(options.maxCorrelationPairs * 2)) + 1);
  return plans
    .filter((plan) => {
      const f = facts[plan.index]!;
      return (
        f.distinct.count >= 2 && f.distinct.count <= options.categoricalMaxDistinct && f.validCount >= 2 * f.distinct.count && rowCount > 0
      );
    })
    .sort((a, b) => facts[b.index]!.validCount - facts[a.index]!.validCount)
    .slice(0, limit)
    .map((plan) => plan.index)
    .sort((a, b) => a - b);
}

/** Where each column's top values and shapes come from: exact value counts, table sample, or inference sample. */
/** The sampled text columns' top values, counted on the whole column (recount-top-values.ts). */
async function withRecountedTopValues(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  facts: readonly ColumnFacts[],
  summaries: ColumnFrequencySummary[],
): Promise<ColumnFrequencySummary[]> {
  const requests = plans
    .filter((plan, i) => plan.rule.valueType === 'string' && !summaries[i]!.topValuesExact)
    .map((plan) => ({ index: plan.index, values: summaries[plan.index]!.topValues.map((v) => v.value) }));
  const exact = await recountValues(session, plans, requests);
  const recounted = new Set(requests.map((r) => r.index));
  return summaries.map((summary, i) =>
    recounted.has(i)
      ? { ...summary, topValues: withExactCounts(summary.topValues, exact.get(i) ?? new Map(), facts[i]!.validCount), topValuesExact: true }
      : summary,
  );
}

async function frequencySourcesFor(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  facts: readonly ColumnFacts[],
  distributions: readonly DistributionFacts[],
  rowCount: number,
  options: ResolvedProfileOptions,
): Promise<FrequencySource[]> {
  const highCardinalityText = plans
    .filter(
      (plan) => plan.rule.valueType === 'string' && distributions[plan.index]!.frequencies === null && facts[plan.index]!.validCount > 0,
    )
    .map((plan) => plan.index);
  const sampled = await sampleFrequencies(session, plans, highCardinalityText, rowCount, options.patternSampleRows);

  return plans.map((plan) => {
    const f = facts[plan.index]!;
    const exactFrequencies = distributions[plan.index]!.frequencies;
    if (exactFrequencies) return { frequencies: exactFrequencies, approximate: false, sampleSize: null, scale: 1 };
    const fromTable = sampled.frequencies.get(plan.index);
    if (fromTable) {
      const sampledValues = fromTable.reduce((sum, v) => sum + v.count, 0);
      return {
        frequencies: fromTable,
        approximate: sampled.approximate,
        sampleSize: sampled.sampleRows,
        scale: sampled.approximate && sampledValues > 0 ? f.validCount / sampledValues : 1,
      };
    }
    // Typed, high-cardinality columns: shapes of the raw text as written, from the inference sample.
    const counts = new Map<string, number>();
    for (const value of plan.sampleValues) counts.set(value, (counts.get(value) ?? 0) + 1);
    const frequencies: ValueCount[] = [...counts].map(([value, count]) => ({ value, count }));
    const covered = plan.sampleValues.length >= f.validCount + f.invalidCount;
    return {
      frequencies,
      approximate: !covered,
      sampleSize: covered ? null : Math.min(rowCount, options.inferenceSampleRows),
      scale: covered || plan.sampleValues.length === 0 ? 1 : (f.validCount + f.invalidCount) / plan.sampleValues.length,
    };
  });
}

/** A text column's values that belong to another column (numbers among labels, other columns' values), trimmed. */
function misplacedValuesOf(summary: ColumnFrequencySummary): string[] | null {
  const values = [...(summary.strayNumbers?.values ?? []), ...(summary.foreignValues?.values ?? [])].map((v) => v.value.trim());
  return values.length === 0 ? null : [...new Set(values)];
}

/** The text columns' values that belong to another column, from their exact counts. */
function withForeignValues(
  plans: readonly ColumnPlan[],
  sources: readonly FrequencySource[],
  summaries: ColumnFrequencySummary[],
): ColumnFrequencySummary[] {
  const foreign = findForeignValues(
    plans.map((plan, i) => ({
      columnName: plan.columnName,
      frequencies: plan.rule.valueType === 'string' && !sources[i]!.approximate ? sources[i]!.frequencies : null,
    })),
  );
  return summaries.map((summary, i) => ({ ...summary, foreignValues: foreign[i] ?? null }));
}
