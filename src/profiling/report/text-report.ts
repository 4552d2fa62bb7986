/** Renders a DatasetProfile as plain-text tables for a terminal. */
import { formatNumber } from '../statistics/value-labels.js';
import type { ColumnProfile, DatasetProfile } from '../types.js';

const MAX_CELL = 28;

function cell(value: string): string {
  const flat = value.replace(/\s+/gu, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.001 ? 3 : 1)}%`;
}

function num(value: number | null): string {
  return value === null ? '' : formatNumber(Number(value.toPrecision(6)));
}

export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function columnRow(column: ColumnProfile, rowCount: number): string[] {
  const d = column.distributionData;
  return [
    cell(column.columnName),
    d.logicalType,
    d.semantic?.type ?? '',
    `${column.nullCount} (${percent(rowCount === 0 ? 0 : column.nullCount / rowCount)})`,
    `${d.uniqueness.approximate ? '~' : ''}${column.uniqueCount}`,
    percent(d.typeConsistency.share),
    cell(column.minValue ?? ''),
    cell(column.maxValue ?? ''),
    num(column.mean),
    num(column.median),
    num(d.numeric?.stdDev ?? null),
  ];
}

function columnNotes(column: ColumnProfile): string[] {
  const d = column.distributionData;
  const notes: string[] = [];
  const approx = (flag: boolean) => (flag ? ' (approx.)' : '');
  if (d.missing.tokens.length > 0) {
    notes.push(`missing tokens: ${d.missing.tokens.map((t) => `${JSON.stringify(t.token)}×${t.count}`).join(', ')}`);
  }
  if (d.typeConsistency.invalidCount > 0) {
    const examples = d.typeConsistency.invalidExamples.map((e) => `row ${e.row}: ${JSON.stringify(e.value)}`).join('; ');
    notes.push(`${d.typeConsistency.invalidCount} values not ${d.valueType}: ${examples}`);
  }
  if (d.semantic && d.semantic.share < 1) {
    const examples = d.semantic.nonMatchingExamples.map((e) => `row ${e.row}: ${JSON.stringify(e.value)}`).join('; ');
    notes.push(`${percent(1 - d.semantic.share)} not ${d.semantic.type}: ${examples}`);
  }
  if (d.numeric) {
    const q = d.numeric.quantiles.map((x) => `p${Math.round(x.p * 100)}=${x.label}`).join(' ');
    notes.push(`quantiles${approx(d.numeric.quantilesApproximate)}: ${q}`);
    if (d.valueType === 'integer' || d.valueType === 'decimal') {
      notes.push(
        `skewness ${num(d.numeric.skewness)}, kurtosis ${num(d.numeric.kurtosis)}, zeros ${d.numeric.zeroCount}, negatives ${d.numeric.negativeCount}`,
      );
    }
  }
  if (d.outliers) {
    const { mild, extreme } = d.outliers.iqr;
    const z = d.outliers.robustZ.rule;
    notes.push(
      `outliers: IQR 1.5× ${mild.count} outside [${mild.lowerLabel}, ${mild.upperLabel}], 3× ${extreme.count}` +
        (z ? `, robust z>3.5 ${z.count} outside [${z.lowerLabel}, ${z.upperLabel}]` : ', robust z n/a (MAD 0)'),
    );
  }
  if (d.topValues.values.length > 0 && d.logicalType !== 'identifier') {
    const top = d.topValues.values
      .slice(0, 5)
      .map((t) => `${JSON.stringify(cell(t.value))} ${percent(t.share)}`)
      .join(', ');
    notes.push(`top${approx(d.topValues.approximate)}: ${top}`);
  }
  if (d.patterns.shapes.length > 0) {
    const shapes = d.patterns.shapes
      .slice(0, 3)
      .map((p) => `${JSON.stringify(cell(p.pattern))} ${percent(p.share)}`)
      .join(', ');
    notes.push(`patterns${approx(d.patterns.approximate)}: ${shapes}`);
  }
  if (d.lengths) notes.push(`length: min ${d.lengths.min}, mean ${num(d.lengths.mean)}, max ${d.lengths.max}`);
  if (d.whitespace && d.whitespace.leadingOrTrailingCount > 0) {
    notes.push(`${d.whitespace.leadingOrTrailingCount} values with leading/trailing whitespace`);
  }
  for (const group of d.caseVariants.slice(0, 3)) {
    notes.push(`spelling variants: ${group.variants.map((v) => JSON.stringify(v.value)).join(' / ')}`);
  }
  return notes;
}

export function renderProfileTable(profile: DatasetProfile): string {
  const out: string[] = [];
  const { source } = profile;
  out.push(
    `${source.path}: ${source.format}${source.delimiter ? ` (delimiter ${JSON.stringify(source.delimiter)}, ${source.encoding})` : ''}, ` +
      `${profile.rowCount} rows × ${profile.columnCount} columns${profile.exact ? '' : ' — large file: figures marked ~ / approx. are estimates'}`,
  );
  out.push(
    `duplicate rows: ${profile.duplicateRows.count} (${percent(profile.duplicateRows.share)})` +
      `; candidate keys: ${profile.candidateKeys.length > 0 ? profile.candidateKeys.join(', ') : 'none'}`,
  );
  out.push('');
  out.push(
    renderTable(
      ['column', 'type', 'semantic', 'missing', 'unique', 'valid', 'min', 'max', 'mean', 'median', 'std'],
      profile.columns.map((c) => columnRow(c, profile.rowCount)),
    ),
  );
  out.push('');
  for (const column of profile.columns) {
    out.push(`${column.columnName} [${column.dataType}]`);
    for (const note of columnNotes(column)) out.push(`  ${note}`);
  }
  const { pearson, cramersV } = profile.correlations;
  if (pearson.length > 0 || cramersV.length > 0) {
    out.push('');
    out.push('strongest associations:');
    for (const p of pearson.slice(0, 5)) out.push(`  pearson  ${p.columns.join(' ~ ')}: ${num(p.coefficient)} (n=${p.n})`);
    for (const p of cramersV.slice(0, 5)) out.push(`  cramér V ${p.columns.join(' ~ ')}: ${num(p.cramersV)} (n=${p.n})`);
  }
  return out.join('\n');
}
