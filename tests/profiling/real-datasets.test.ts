import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { distributionDataSchema, profileFile, type ColumnProfile, type DatasetProfile } from '../../src/profiling/index.js';
import { closeTo, cramersV, datasetPath, isMissing, kurtosis, mean, pearson, quantile, readCsv, skewness, stdDev } from './support.js';

const DATASETS = ['titanic.csv', 'penguins.csv', 'tips.csv', 'iris.csv', 'taxis.csv'] as const;
const profiles = new Map<string, DatasetProfile>();
const tables = new Map<string, ReturnType<typeof readCsv>>();

beforeAll(async () => {
  for (const name of DATASETS) {
    profiles.set(name, await profileFile(datasetPath(name), { threads: 1 }));
    tables.set(name, readCsv(readFileSync(datasetPath(name), 'utf8')));
  }
});

function cells(name: string, column: number): string[] {
  return tables.get(name)!.rows.map((row) => row[column] ?? '');
}

function checkNumericColumn(name: string, column: ColumnProfile): void {
  const present = cells(name, column.position).filter((c) => !isMissing(c));
  const xs = present.map(Number).filter((x) => Number.isFinite(x));
  const d = column.distributionData;
  const label = `${name}:${column.columnName}`;
  expect(d.typeConsistency.validCount, label).toBe(xs.length);
  expect(column.uniqueCount, label).toBe(new Set(xs).size + new Set(present.filter((c) => !Number.isFinite(Number(c)))).size);
  expect(Number(column.minValue), label).toBe(Math.min(...xs));
  expect(Number(column.maxValue), label).toBe(Math.max(...xs));
  expect(closeTo(column.mean, mean(xs)), label).toBe(true);
  expect(closeTo(column.median, quantile(xs, 0.5)), label).toBe(true);
  expect(closeTo(d.numeric!.stdDev, stdDev(xs), 1e-7), label).toBe(true);
  expect(closeTo(d.numeric!.skewness, skewness(xs), 1e-6), label).toBe(true);
  expect(closeTo(d.numeric!.kurtosis, kurtosis(xs), 1e-6), label).toBe(true);
  for (const q of d.numeric!.quantiles) expect(closeTo(q.value, quantile(xs, q.p)), `${label} p${q.p}`).toBe(true);
  expect(d.numeric!.zeroCount, label).toBe(xs.filter((x) => x === 0).length);
  expect(d.numeric!.negativeCount, label).toBe(xs.filter((x) => x < 0).length);
  expect(
    d.histogram!.bins.reduce((s, b) => s + b.count, 0),
    label,
  ).toBe(xs.length);

  const q1 = quantile(xs, 0.25);
  const q3 = quantile(xs, 0.75);
  const outside = (k: number) => xs.filter((x) => x < q1 - k * (q3 - q1) || x > q3 + k * (q3 - q1)).length;
  expect(d.outliers!.iqr.mild.count, label).toBe(outside(1.5));
  expect(d.outliers!.iqr.extreme.count, label).toBe(outside(3));
  const median = quantile(xs, 0.5);
  const mad = quantile(
    xs.map((x) => Math.abs(x - median)),
    0.5,
  );
  expect(closeTo(d.outliers!.robustZ.mad, mad), label).toBe(true);
  if (mad > 0) {
    expect(d.outliers!.robustZ.rule!.count, label).toBe(xs.filter((x) => Math.abs((0.6745 * (x - median)) / mad) > 3.5).length);
  } else {
    expect(d.outliers!.robustZ.rule, label).toBeNull();
  }
}

function checkTextColumn(name: string, column: ColumnProfile): void {
  const present = cells(name, column.position).filter((c) => !isMissing(c));
  const label = `${name}:${column.columnName}`;
  expect(column.uniqueCount, label).toBe(new Set(present).size);
  const counts = new Map<string, number>();
  for (const value of present) counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const top of column.distributionData.topValues.values) expect(top.count, `${label} ${top.value}`).toBe(counts.get(top.value));
  const highest = Math.max(...counts.values());
  expect(column.distributionData.topValues.values[0]!.count, label).toBe(highest);
  if (column.distributionData.valueType === 'string') {
    const lengths = present.map((v) => [...v].length);
    expect(column.distributionData.lengths, label).toMatchObject({ min: Math.min(...lengths), max: Math.max(...lengths) });
  }
}

function checkBooleanColumn(name: string, column: ColumnProfile): void {
  const present = cells(name, column.position)
    .filter((c) => !isMissing(c))
    .map((c) => c.trim().toLowerCase());
  const trues = present.filter((c) => ['true', 't', 'yes', 'y'].includes(c)).length;
  expect(column.distributionData.boolean).toEqual({ trueCount: trues, falseCount: present.length - trues });
  expect(closeTo(column.mean, trues / present.length)).toBe(true);
}

describe('profiling the shared real datasets', () => {
  it('infers the type of every titanic column as a data scientist would', () => {
    const types = Object.fromEntries(profiles.get('titanic.csv')!.columns.map((c) => [c.columnName, c.dataType]));
    expect(types).toEqual({
      survived: 'integer',
      pclass: 'integer',
      name: 'string',
      sex: 'categorical',
      age: 'decimal',
      sibsp: 'integer',
      parch: 'integer',
      ticket: 'string',
      fare: 'decimal',
      cabin: 'string',
      embarked: 'categorical',
    });
    const titanic = profiles.get('titanic.csv')!;
    expect(titanic.rowCount).toBe(891);
    expect(titanic.columnCount).toBe(11);
    const missing = Object.fromEntries(titanic.columns.map((c) => [c.columnName, c.nullCount]));
    expect(missing).toMatchObject({ age: 177, cabin: 687, embarked: 2, name: 0 });
    expect(titanic.candidateKeys).toEqual(['name']);
  });

  it('infers datetimes and categories in the taxi trips', () => {
    const taxis = profiles.get('taxis.csv')!;
    const types = Object.fromEntries(taxis.columns.map((c) => [c.columnName, c.dataType]));
    expect(types).toMatchObject({ pickup: 'datetime', dropoff: 'datetime', passengers: 'integer', fare: 'decimal', color: 'categorical' });
    const pickup = taxis.columns.find((c) => c.columnName === 'pickup')!;
    expect(pickup.distributionData.histogram!.kind).toBe('temporal');
    expect(pickup.minValue).toBe([...cells('taxis.csv', 0)].sort()[0]);
  });

  for (const name of DATASETS) {
    it(`matches an independent computation on every column of ${name}`, () => {
      const profile = profiles.get(name)!;
      const table = tables.get(name)!;
      expect(profile.rowCount).toBe(table.rows.length);
      expect(profile.columns.map((c) => c.originalName)).toEqual(table.header);
      for (const column of profile.columns) {
        distributionDataSchema.parse(column.distributionData);
        expect(column.nullCount, column.columnName).toBe(cells(name, column.position).filter(isMissing).length);
        const { valueType } = column.distributionData;
        if (valueType === 'integer' || valueType === 'decimal') checkNumericColumn(name, column);
        else if (valueType === 'boolean') checkBooleanColumn(name, column);
        else checkTextColumn(name, column);
      }
      const distinctRows = new Set(table.rows.map((row) => row.join('\u0001'))).size;
      expect(profile.duplicateRows.count).toBe(table.rows.length - distinctRows);
    });
  }

  it("reports correlations that match Pearson and Cramér's V computed independently", () => {
    const titanic = profiles.get('titanic.csv')!;
    const [pclass, fare, survived, sex] = [1, 8, 0, 3].map((i) => cells('titanic.csv', i));
    const fareCorrelation = titanic.correlations.pearson.find((p) => p.columns.join() === 'pclass,fare')!;
    expect(closeTo(fareCorrelation.coefficient, pearson(pclass!.map(Number), fare!.map(Number)), 1e-9)).toBe(true);
    const association = titanic.correlations.cramersV.find((p) => p.columns.join() === 'survived,sex')!;
    expect(closeTo(association.cramersV, cramersV(survived!, sex!), 1e-9)).toBe(true);
    expect(titanic.correlations.pearson[0]!.columns).toEqual(['pclass', 'fare']);
  });
});
