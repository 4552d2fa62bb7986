/**
 * DATA_TYPE_MISMATCH: a minority of values that do not parse as the column's type ("abc" among numbers), and
 * text columns that mostly hold numbers or dates (mixed types, numbers or dates stored as text).
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { candidateShares } from '../../profiling/inference/value-parsers.js';
import { pyStr } from '../code/python.js';
import { DATASET_TABLE, ident } from '../code/sql.js';
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

/** The rows of the inference sample above which candidate shares are sample estimates. */
const INFERENCE_SAMPLE_ROWS = 5_000;

export function dataTypeMismatch(context: RuleContext): Finding[] {
  return context.profile.columns.flatMap((c) => [...unparseableValues(c, context), ...mixedTypes(c, context)]);
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
