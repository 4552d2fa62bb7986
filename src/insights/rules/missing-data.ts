/**
 * MISSING_DATA: missing values per column (empty fields and null tokens such as "NA"), mostly empty columns,
 * and rows that are missing most of their fields.
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { balancedSql } from '../../profiling/engine/sql.js';
import { col, pyList, pyStr } from '../code/python.js';
import { DATASET_TABLE, ident, literal, num, text } from '../code/sql.js';
import { missingPandas, missingSql, missingTokens, numericSql } from '../code/typed-values.js';
import { LADDERS, THRESHOLDS, adjustForGoal, fromLadder } from '../severity.js';
import type { CodeSuggestion } from '../types.js';
import { evidence, fmtCount, isNumeric, name, pct, q, rowList, type Finding, type RuleContext } from './context.js';

export function missingData(context: RuleContext): Finding[] {
  const findings = context.profile.columns.filter((c) => c.distributionData.missing.count > 0).map((c) => missingValues(c, context));
  const rows = mostlyMissingRows(context);
  return rows ? [...findings, rows] : findings;
}

function missingValues(column: ColumnProfile, context: RuleContext): Finding {
  const { rowCount } = context.profile;
  const { count, share, tokens } = column.distributionData.missing;
  const mostlyEmpty = share >= THRESHOLDS.mostlyEmptyColumn;
  const onTarget = context.target?.columnName === column.columnName;
  const severity = adjustForGoal(fromLadder(LADDERS.missingValues, share), { goal: context.goal, dimension: 'completeness', onTarget });
  const firstRows = column.distributionData.rowChecks?.missingRows ?? [];
  const tokenText = tokens
    .map(
      (t) =>
        `${t.token === '' ? 'empty field' : q(t.token)}${t.learned ? ' (a missing-value marker of this file)' : ''}: ${fmtCount(t.count)}`,
    )
    .join(', ');
  const description =
    `${name(column.columnName)} is missing in ${fmtCount(count)} of ${fmtCount(rowCount)} rows (${pct(share)})` +
    (tokenText ? ` — ${tokenText}` : '') +
    (firstRows.length ? `. First rows: ${rowList(firstRows)}.` : '.') +
    (mostlyEmpty ? ` The column is mostly empty (threshold ${pct(THRESHOLDS.mostlyEmptyColumn)}).` : '');
  const recommendation =
    onTarget && context.goal === 'ML_PREPARATION'
      ? 'Rows without a target value cannot be used for training or evaluation: drop them (or label them), never impute the target.'
      : mostlyEmpty
        ? 'Too little is known to impute: drop the column, or keep only a "has value" indicator if its presence is informative.'
        : share >= 0.05
          ? `Impute ${isNumeric(column) ? 'with the median' : 'with the most frequent value'} and add a missing-indicator column, or model the missingness; check first whether it is missing at random.`
          : 'Few rows are affected: drop them, or impute if every row counts.';
  return {
    type: 'MISSING_DATA',
    severity,
    columnName: column.columnName,
    description,
    recommendation,
    code: missingCode(column, mostlyEmpty, onTarget || share < 0.05),
    evidence: evidence({
      check: mostlyEmpty ? 'mostly_empty_column' : 'missing_values',
      count,
      unit: 'rows',
      denominator: rowCount,
      denominatorLabel: 'rows',
      threshold: mostlyEmpty
        ? { name: 'mostly empty from share', value: THRESHOLDS.mostlyEmptyColumn }
        : { name: 'any missing value', value: 0 },
      examples: firstRows.map((row) => ({ row, value: '' })),
      impact: { dimension: 'completeness', units: count },
      facts: { tokens, nullTokensChecked: missingTokens(column) },
    }),
  };
}

function missingCode(column: ColumnProfile, mostlyEmpty: boolean, dropRows: boolean): CodeSuggestion {
  const c = ident(column.columnName);
  const affectedRows = `SELECT * FROM ${DATASET_TABLE} WHERE ${missingSql(column)}`;
  if (mostlyEmpty) {
    return {
      pandas: `df = df.drop(columns=[${pyStr(column.columnName)}])`,
      sql: { affectedRows, fix: `SELECT * EXCLUDE (${c}) FROM ${DATASET_TABLE}` },
    };
  }
  if (dropRows) {
    return {
      pandas: `df = df[~${missingPandas(column)}]`,
      sql: { affectedRows, fix: `SELECT * FROM ${DATASET_TABLE} WHERE NOT ${missingSql(column)}` },
    };
  }
  if (isNumeric(column)) {
    const value = numericSql(column);
    const median = column.median;
    return {
      pandas: [
        'import pandas as pd',
        `values = pd.to_numeric(${col(column.columnName)}.replace(${pyList(missingTokens(column))}, pd.NA), errors="coerce")`,
        `df[${pyStr(`${column.columnName}_missing`)}] = values.isna()`,
        `df[${pyStr(column.columnName)}] = values.fillna(values.median())`,
      ].join('\n'),
      sql: {
        affectedRows,
        fix: `SELECT * REPLACE (coalesce(${value}, ${median === null ? `(SELECT median(${value}) FROM ${DATASET_TABLE})` : num(median)}) AS ${c}), ${missingSql(column)} AS ${ident(`${column.columnName}_missing`)} FROM ${DATASET_TABLE}`,
      },
    };
  }
  const mode = column.distributionData.topValues.values[0]?.value ?? null;
  return {
    pandas: [
      'import pandas as pd',
      `missing = ${missingPandas(column)}`,
      `df[${pyStr(`${column.columnName}_missing`)}] = missing`,
      `df.loc[missing, ${pyStr(column.columnName)}] = ${col(column.columnName)}[~missing].mode().iloc[0]`,
    ].join('\n'),
    sql: {
      affectedRows,
      fix:
        mode === null
          ? `SELECT * FROM ${DATASET_TABLE} WHERE NOT ${missingSql(column)}`
          : `SELECT * REPLACE (CASE WHEN ${missingSql(column)} THEN ${literal(mode)} ELSE ${text(column.columnName)} END AS ${c}), ${missingSql(column)} AS ${ident(`${column.columnName}_missing`)} FROM ${DATASET_TABLE}`,
    },
  };
}

function mostlyMissingRows(context: RuleContext): Finding | null {
  const { profile } = context;
  const facts = profile.rowMissingness;
  if (!facts || facts.mostlyMissing.count === 0 || profile.columns.length < 2) return null;
  const { count, share, examples } = facts.mostlyMissing;
  const minimum = Math.max(1, Math.ceil(profile.columns.length * facts.threshold));
  const missingPerRow = balancedSql(
    profile.columns.map((c) => `CAST(${missingSql(c)} AS INTEGER)`),
    '+',
  );
  const missingPerRowPandas = profile.columns.map((c) => `${missingPandas(c)}.astype(int)`).join(' + ');
  return {
    type: 'MISSING_DATA',
    severity: adjustForGoal(fromLadder(LADDERS.mostlyMissingRows, share), {
      goal: context.goal,
      dimension: 'completeness',
      onTarget: false,
    }),
    columnName: null,
    description:
      `${fmtCount(count)} of ${fmtCount(profile.rowCount)} rows (${pct(share)}) are missing at least ${minimum} of their ${profile.columns.length} fields ` +
      `(threshold ${pct(facts.threshold)} of the fields). First: ${examples.map((e) => `row ${e.row} (${e.missingFields} missing)`).join(', ')}.`,
    recommendation:
      'These rows carry almost no information and often come from broken exports or placeholder records: drop them, or find out why the source left them empty.',
    code: {
      pandas: `missing_fields = ${missingPerRowPandas}\ndf = df[missing_fields < ${minimum}]`,
      sql: {
        affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${missingPerRow} >= ${minimum}`,
        fix: `SELECT * FROM ${DATASET_TABLE} WHERE ${missingPerRow} < ${minimum}`,
      },
    },
    evidence: evidence({
      check: 'mostly_missing_rows',
      count,
      unit: 'rows',
      denominator: profile.rowCount,
      denominatorLabel: 'rows',
      threshold: { name: 'share of fields missing', value: facts.threshold },
      examples: examples.map((e) => ({ row: e.row, value: `${e.missingFields} of ${profile.columns.length} fields missing` })),
      // The cells are already counted by the per-column insights: no second charge.
      impact: null,
      facts: { fieldsPerRow: facts.fieldsPerRow, minimumMissingFields: minimum },
    }),
  };
}
