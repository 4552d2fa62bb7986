/**
 * DATA_TYPE_MISMATCH: a minority of values that do not parse as the column's type ("abc" among numbers), and
 * text columns that mostly hold numbers or dates (mixed types, numbers or dates stored as text), numbers
 * written with a unit (`12 oz`, `$1,200`), which keep a column of numbers from being one, values that belong to
 * another column, and rows with several cells out of place (misaligned-rows.ts).
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { candidateShares } from '../../profiling/inference/value-parsers.js';
import { MIN_UNIT_SHARE, unitStripRegex, unitValueRegex } from '../../profiling/inference/number-units.js';
import { FOREIGN_MIN_RATIO } from '../../profiling/statistics/foreign-values.js';
import { STRAY_NUMBERS_MAX_SHARE } from '../../profiling/statistics/stray-numbers.js';
import { col, pyList, pyStr } from '../code/python.js';
import { DATASET_TABLE, ident, listLiteral, literal, trimmed } from '../code/sql.js';
import { missingSql, parseOfCandidate, parsedPandas, parsedSql, missingPandas, type ParseAs } from '../code/typed-values.js';
import { LADDERS, THRESHOLDS, adjustForGoal, fromLadder } from '../severity.js';
import type { EvidenceExample, InsightCheck } from '../types.js';
import {
  evidence,
  exampleList,
  fmtCount,
  isText,
  looksLikeIdentifier,
  otherDateLayouts,
  name,
  pct,
  presentCount,
  type Finding,
  type RuleContext,
} from './context.js';
import { misalignedRows } from './misaligned-rows.js';

/** The rows of the inference sample above which candidate shares are sample estimates. */
const INFERENCE_SAMPLE_ROWS = 5_000;

export function dataTypeMismatch(context: RuleContext): Finding[] {
  return [...misalignedRows(context), ...perColumn(context)];
}

function perColumn(context: RuleContext): Finding[] {
  return context.profile.columns.flatMap((c) =>
    // A column of numbers with a unit is one finding, not also a mix of numbers and text.
    c.distributionData.numberUnit
      ? numbersWithUnits(c, context)
      : [
          ...unparseableValues(c, context),
          ...mixedTypes(c, context),
          ...numbersAmongLabels(c, context),
          ...valuesOfAnotherColumn(c, context),
        ],
  );
}

const typeLabel = (parse: ParseAs) => (parse.valueType === 'date' && parse.dateFormat ? `date (${parse.dateFormat})` : parse.valueType);

function unparseableValues(column: ColumnProfile, context: RuleContext): Finding[] {
  const tc = column.distributionData.typeConsistency;
  // Dates in another layout are a format problem, reported by pattern-violation.ts.
  if (isText(column) || tc.invalidCount === 0 || otherDateLayouts(column).length > 0) return [];
  const present = presentCount(column);
  const share = tc.invalidCount / present;
  const parse: ParseAs = { valueType: column.distributionData.valueType, decimalSeparator: tc.decimalSeparator, dateFormat: tc.dateFormat };
  return [
    finding(column, context, {
      check: 'unparseable_values',
      count: tc.invalidCount,
      present,
      share,
      parse,
      examples: tc.invalidExamples,
      approximate: false,
      text:
        `${name(column.columnName)} is ${typeLabel(parse)} (${pct(tc.share)} of its values parse) but ${fmtCount(tc.invalidCount)} of ${fmtCount(present)} values (${pct(share)}) do not: ` +
        `${exampleList(tc.invalidExamples)}.`,
      identifierLike: false,
    }),
  ];
}

function mixedTypes(column: ColumnProfile, context: RuleContext): Finding[] {
  if (!isText(column)) return [];
  const shares = column.distributionData.typeConsistency.candidateShares;
  const [bestKey, bestShare] = Object.entries(shares)
    // On ties the more general reading wins: decimal over integer, a dated layout over none.
    .sort((a, b) => b[1] - a[1] || (b[0].startsWith('decimal') ? 1 : 0) - (a[0].startsWith('decimal') ? 1 : 0))[0] ?? ['', 0];
  const parse = parseOfCandidate(bestKey);
  if (!parse || parse.valueType === 'boolean' || bestShare < THRESHOLDS.mixedTypeShare || bestShare >= 1) return [];
  const present = presentCount(column);
  const count = Math.round(present * (1 - bestShare));
  if (count === 0) return [];
  const identifierLike = looksLikeIdentifier(column, context.profile);
  const examples = nonParsingExamples(column, bestKey);
  return [
    finding(column, context, {
      check: 'mixed_types',
      count,
      present,
      share: count / present,
      parse,
      examples,
      approximate: context.profile.rowCount > INFERENCE_SAMPLE_ROWS,
      text:
        `${name(column.columnName)} is stored as text, yet ${pct(bestShare)} of its values parse as ${typeLabel(parse)}; ${fmtCount(count)} of ${fmtCount(present)} values (${pct(count / present)}) do not` +
        (examples.length ? `, e.g. ${exampleList(examples)}.` : '.') +
        (identifierLike ? ' Its values are mostly distinct, so it is probably a code that mixes formats rather than a measurement.' : ''),
      identifierLike,
    }),
  ];
}

function numbersWithUnits(column: ColumnProfile, context: RuleContext): Finding[] {
  const unit = column.distributionData.numberUnit!;
  const present = presentCount(column);
  const t = trimmed(column.columnName);
  const written = `regexp_full_match(${t}, ${literal(unitValueRegex(unit))})`;
  const number = `TRY_CAST(replace(regexp_replace(${t}, ${literal(unitStripRegex(unit))}, ''), ',', '') AS DOUBLE)`;
  const valueRe = new RegExp(`^(?:${unitValueRegex(unit)})$`, 'u');
  const examples = column.distributionData.topValues.values
    .filter((v) => valueRe.test(v.value.trim()))
    .slice(0, 5)
    .map((v) => ({ row: null, value: v.value }));
  const label = unit.position === 'prefix' ? `"${unit.symbol}" before the number` : `"${unit.symbol}" after the number`;
  const all = unit.count === present;
  return [
    {
      type: 'DATA_TYPE_MISMATCH',
      severity: adjustForGoal('MEDIUM', {
        goal: context.goal,
        dimension: 'consistency',
        onTarget: context.target?.columnName === column.columnName,
      }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} holds numbers written with the unit ${label}: ${all ? 'all' : fmtCount(unit.count)} of ${fmtCount(present)} values (${pct(unit.share)})` +
        (examples.length ? `, e.g. ${exampleList(examples)}` : '') +
        ', so it is read as text and cannot be summed, compared or averaged.',
      recommendation: `Strip "${unit.symbol}" and store the number, with the unit in the column's name or documentation; first check that no value is written in another unit${all ? '' : ' (the values without it may be in one)'}.`,
      code: {
        pandas: [
          'import pandas as pd',
          `text = ${col(column.columnName)}.astype("string").str.strip()`,
          `written = text.str.fullmatch(${pyStr(unitValueRegex(unit))}, na=False)`,
          'print(df[written])',
          `${col(column.columnName)} = pd.to_numeric(text.str.replace(${pyStr(unitStripRegex(unit))}, "", regex=True).str.replace(",", "", regex=False), errors="coerce")`,
        ].join('\n'),
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${written}`,
          fix: `SELECT * REPLACE (${number} AS ${ident(column.columnName)}) FROM ${DATASET_TABLE}`,
        },
      },
      evidence: evidence({
        check: 'numbers_with_units',
        count: unit.count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'share of sampled values with the unit', value: MIN_UNIT_SHARE },
        examples,
        impact: { dimension: 'consistency', units: unit.count },
        facts: { unit: unit.symbol, position: unit.position },
      }),
    },
  ];
}

/** A few numbers in a column of labels: values of another column, from fields swapped or shifted in their rows. */
function numbersAmongLabels(column: ColumnProfile, context: RuleContext): Finding[] {
  const stray = column.distributionData.strayNumbers;
  if (!isText(column) || !stray) return [];
  const present = presentCount(column);
  const examples = stray.values.slice(0, 5).map((v) => ({ row: null, value: v.value, count: v.count }));
  return [
    misplacedValues(column, context, {
      check: 'numbers_among_labels',
      count: stray.count,
      listed: stray.values.map((v) => v.value.trim()),
      examples,
      text:
        `${name(column.columnName)} is a column of labels, yet ${fmtCount(stray.count)} of ${fmtCount(present)} values (${pct(stray.count / present)}) are numbers: ${exampleList(examples)}. ` +
        'A number among labels is usually a value of another column: the fields of its row were swapped or shifted.',
      threshold: { name: 'largest share of numbers among labels', value: STRAY_NUMBERS_MAX_SHARE },
      facts: { distinctNumbers: stray.distinct },
    }),
  ];
}

/** Rare values of a text column that are frequent values of another column (`yellow` in `payment`). */
function valuesOfAnotherColumn(column: ColumnProfile, context: RuleContext): Finding[] {
  const foreign = column.distributionData.foreignValues;
  if (!isText(column) || !foreign) return [];
  const present = presentCount(column);
  const shown = foreign.values
    .slice(0, 4)
    .map((v) => `"${v.value}" ×${fmtCount(v.count)} (a value of ${name(v.column)}, ×${fmtCount(v.columnCount)})`)
    .join(', ');
  return [
    misplacedValues(column, context, {
      check: 'values_of_another_column',
      count: foreign.count,
      listed: foreign.values.map((v) => v.value),
      examples: foreign.values.slice(0, 5).map((v) => ({ row: null, value: v.value, count: v.count })),
      text:
        `${name(column.columnName)} has ${fmtCount(foreign.count)} of ${fmtCount(present)} values (${pct(foreign.count / present)}) that belong to another column: ${shown}${foreign.distinct > 4 ? ', …' : ''}. ` +
        'The fields of those rows were probably swapped or shifted.',
      threshold: { name: 'times as frequent in the other column', value: FOREIGN_MIN_RATIO },
      facts: { values: foreign.values.slice(0, 20) },
    }),
  ];
}

interface MisplacedInput {
  check: InsightCheck;
  count: number;
  /** The misplaced values, trimmed. */
  listed: string[];
  examples: EvidenceExample[];
  text: string;
  threshold: { name: string; value: number };
  facts: Record<string, unknown>;
}

/** Values that belong to another column: shown with their rows, set to missing by the fix. */
function misplacedValues(column: ColumnProfile, context: RuleContext, input: MisplacedInput): Finding {
  const present = presentCount(column);
  const t = trimmed(column.columnName);
  const misplaced = `${t} IN ${listLiteral(input.listed)}`;
  return {
    type: 'DATA_TYPE_MISMATCH',
    severity: adjustForGoal(fromLadder(LADDERS.unparseableValues, input.count / present), {
      goal: context.goal,
      dimension: 'validity',
      onTarget: context.target?.columnName === column.columnName,
    }),
    columnName: column.columnName,
    description: input.text,
    recommendation:
      'Look at the whole rows: if their fields are swapped or shifted, re-read them from the source (or put each value back in its column); otherwise set these values to missing.',
    code: {
      pandas: [
        `misplaced = ${col(column.columnName)}.astype("string").str.strip().isin(${pyList(input.listed)})`,
        'print(df[misplaced])',
        `df.loc[misplaced, ${pyStr(column.columnName)}] = None`,
      ].join('\n'),
      sql: {
        affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${misplaced}`,
        fix: `SELECT * REPLACE (CASE WHEN ${misplaced} THEN NULL ELSE ${ident(column.columnName)} END AS ${ident(column.columnName)}) FROM ${DATASET_TABLE}`,
      },
    },
    evidence: evidence({
      check: input.check,
      count: input.count,
      unit: 'values',
      denominator: present,
      denominatorLabel: 'non-missing values',
      threshold: input.threshold,
      examples: input.examples,
      impact: { dimension: 'validity', units: input.count },
      facts: input.facts,
    }),
  };
}

/** Values of the column (top values, then shape examples) that do not parse as the candidate. */
function nonParsingExamples(column: ColumnProfile, key: string): EvidenceExample[] {
  const seen = new Set<string>();
  const out: EvidenceExample[] = [];
  const candidates = [
    ...column.distributionData.topValues.values.map((v) => ({ value: v.value, count: v.count })),
    ...column.distributionData.patterns.shapes.map((s) => ({ value: s.example, count: null })),
  ];
  for (const { value, count } of candidates) {
    if (seen.has(value) || (candidateShares([value.trim()])[key] ?? 0) > 0) continue;
    seen.add(value);
    out.push(count === null ? { row: null, value } : { row: null, value, count });
    if (out.length === 5) break;
  }
  return out;
}

interface MismatchInput {
  check: InsightCheck;
  count: number;
  present: number;
  share: number;
  parse: ParseAs;
  examples: EvidenceExample[];
  approximate: boolean;
  text: string;
  identifierLike: boolean;
}

function finding(column: ColumnProfile, context: RuleContext, input: MismatchInput): Finding {
  const c = ident(column.columnName);
  const typed = parsedSql(column, input.parse);
  const bad = `NOT ${missingSql(column)} AND ${typed} IS NULL`;
  const ladder = input.check === 'mixed_types' ? LADDERS.mixedTypes : LADDERS.unparseableValues;
  // A code column mixing formats is worth knowing, not a defect to grade.
  const base = input.identifierLike ? 'LOW' : fromLadder(ladder, input.share);
  return {
    type: 'DATA_TYPE_MISMATCH',
    severity: adjustForGoal(base, {
      goal: context.goal,
      dimension: input.identifierLike ? null : 'validity',
      onTarget: context.target?.columnName === column.columnName,
    }),
    columnName: column.columnName,
    description: input.text,
    recommendation: input.identifierLike
      ? 'Keep the column as text (it is a code); if the formats carry meaning, split the prefix from the number into separate columns.'
      : `Correct the values that are not ${typeLabel(input.parse)} at the source if they are entry errors; otherwise convert the column explicitly, turning them into missing values (then treat those like any missing value).`,
    code: {
      pandas: [
        'import pandas as pd',
        `parsed = ${parsedPandas(column, input.parse)}`,
        `bad = ~${missingPandas(column)} & parsed.isna()`,
        `print(df[bad])`,
        `df[${pyStr(column.columnName)}] = parsed`,
      ].join('\n'),
      sql: {
        affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${bad}`,
        fix: `SELECT * REPLACE (${typed} AS ${c}) FROM ${DATASET_TABLE}`,
      },
    },
    evidence: evidence({
      check: input.check,
      count: input.count,
      unit: 'values',
      denominator: input.present,
      denominatorLabel: 'non-missing values',
      threshold:
        input.check === 'mixed_types'
          ? { name: 'share parsing as another type', value: THRESHOLDS.mixedTypeShare }
          : { name: 'any value not parsing', value: 0 },
      examples: input.examples,
      approximate: input.approximate,
      impact: input.identifierLike ? null : { dimension: 'validity', units: input.count },
      facts: { parsesAs: typeLabel(input.parse), candidateShares: column.distributionData.typeConsistency.candidateShares },
    }),
  };
}
