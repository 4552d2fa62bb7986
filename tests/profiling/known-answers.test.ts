import { afterAll, describe, expect, it } from 'vitest';
import { profileFile, type ColumnProfile, type DatasetProfile } from '../../src/profiling/index.js';
import { quantile, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

/** 40 rows whose every defect is placed by hand, so each expected figure is known exactly. */
function buildKnownFile(): string {
  const lines = ['amount,code,email,joined,active,id,site,phone,ip,share,price,country,note,region,zip'];
  for (let i = 1; i <= 40; i++) {
    const amount = i === 7 ? 'NA' : i === 8 ? 'N/A' : i === 9 ? '' : i === 10 ? 'oops' : i === 40 ? '1000' : String(i);
    const code = i % 2 === 0 ? `AB-${100 + i}` : `ab${i}`;
    const email = i === 3 ? 'not-an-email' : `user${i}@example.com`;
    const joined = `2024-01-${String((i % 28) + 1).padStart(2, '0')}`;
    const active = i % 3 === 0 ? 'yes' : 'no';
    const id = `9b2d6f3e-1c4a-4b8e-9f00-${String(i).padStart(12, '0')}`;
    const site = `https://example.com/page/${i}`;
    const phone = `+1 555-${String(1000 + i)}`;
    const ip = `10.0.0.${i}`;
    const share = `${i}%`;
    const price = `$${i}.50`;
    const country = ['US', 'FR', 'DE', 'GB'][i % 4];
    const note = `the delivery was late again and number ${i} was broken`;
    const region = i === 5 ? ' North' : i === 6 ? 'NORTH' : i % 2 === 0 ? 'north' : 'south';
    // Leading zeros (a quarter of the codes) are what make zip codes text rather than integers.
    const zip = String(i * 997).padStart(5, '0');
    lines.push([amount, code, email, joined, active, id, site, phone, ip, share, price, country, `"${note}"`, region, zip].join(','));
  }
  return temp.write('known.csv', lines.join('\n') + '\n');
}

let profile: DatasetProfile;
const column = (name: string): ColumnProfile => profile.columns.find((c) => c.columnName === name)!;

describe('profile of a file with known answers', async () => {
  profile = await profileFile(buildKnownFile(), { threads: 1 });

  it('counts null tokens as missing and says which were seen', () => {
    const amount = column('amount');
    expect(amount.nullCount).toBe(3);
    expect(amount.distributionData.missing.tokens).toEqual(
      expect.arrayContaining([
        { token: 'NA', count: 1, learned: false },
        { token: 'N/A', count: 1, learned: false },
        { token: '', count: 1, learned: false },
      ]),
    );
  });

  it('reports a value that does not parse, with its row', () => {
    const consistency = column('amount').distributionData.typeConsistency;
    expect(column('amount').dataType).toBe('integer');
    expect(consistency.invalidCount).toBe(1);
    expect(consistency.invalidExamples).toEqual([{ row: 10, value: 'oops' }]);
    expect(consistency.share).toBeCloseTo(36 / 37, 12);
  });

  it('computes exact statistics for the numeric values', () => {
    const values = [...Array.from({ length: 39 }, (_, k) => k + 1).filter((v) => ![7, 8, 9, 10].includes(v)), 1000];
    const amount = column('amount');
    expect(amount.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 10);
    expect(amount.minValue).toBe('1');
    expect(amount.maxValue).toBe('1000');
    const sorted = [...values].sort((a, b) => a - b);
    expect(amount.median).toBe((sorted[17]! + sorted[18]!) / 2);
  });

  it('finds the planted outlier by IQR and robust z-score, with its row', () => {
    const outliers = column('amount').distributionData.outliers!;
    expect(outliers.iqr.mild.count).toBe(1);
    expect(outliers.iqr.extreme.count).toBe(1);
    expect(outliers.robustZ.rule!.count).toBe(1);
    expect(outliers.examples).toEqual([{ row: 40, value: '1000' }]);
  });

  it('recognises each semantic type', () => {
    const semantic = Object.fromEntries(profile.columns.map((c) => [c.columnName, c.distributionData.semantic?.type ?? null]));
    expect(semantic).toMatchObject({
      email: 'email',
      id: 'uuid',
      site: 'url',
      phone: 'phone',
      ip: 'ip_address',
      share: 'percentage',
      price: 'currency_amount',
      country: 'country_code',
      note: 'free_text',
      zip: 'postal_code',
    });
  });

  it('reports the invalid email with its row', () => {
    const email = column('email').distributionData.semantic!;
    expect(email.matchingCount).toBe(39);
    expect(email.nonMatchingExamples).toEqual([{ row: 3, value: 'not-an-email' }]);
  });

  it('infers dates, booleans, identifiers and categories', () => {
    expect(column('joined').dataType).toBe('date');
    expect(column('active').dataType).toBe('boolean');
    expect(column('active').distributionData.boolean).toEqual({ trueCount: 13, falseCount: 27 });
    expect(column('id').dataType).toBe('identifier');
    expect(column('region').dataType).toBe('categorical');
    expect(profile.candidateKeys).toEqual(expect.arrayContaining(['id', 'email', 'site', 'ip']));
  });

  it('gives value shapes with their shares', () => {
    const shapes = column('code').distributionData.patterns.shapes;
    expect(shapes).toEqual([
      expect.objectContaining({ pattern: 'A-9', count: 20, share: 0.5 }),
      expect.objectContaining({ pattern: 'a9', count: 20, share: 0.5 }),
    ]);
  });

  it('flags whitespace and casing variants of one category', () => {
    const region = column('region').distributionData;
    expect(region.whitespace!.leadingOrTrailingCount).toBe(1);
    expect(region.whitespace!.examples).toEqual([{ row: 5, value: ' North' }]);
    const north = region.caseVariants.find((g) => g.normalized === 'north')!;
    expect(north.variants.map((v) => v.value).sort()).toEqual([' North', 'NORTH', 'north']);
  });

  it('builds a histogram whose bins hold every value', () => {
    const histogram = column('amount').distributionData.histogram!;
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(36);
    expect(histogram.bins.at(-1)!.count).toBe(1);
  });

  it('counts exact duplicate rows', async () => {
    const file = temp.write('dups.csv', 'a,b\n1,x\n2,y\n1,x\n1,x\n3,z\n');
    const dups = (await profileFile(file, { threads: 1 })).duplicateRows;
    expect(dups.count).toBe(2);
    expect(dups.examples).toEqual([{ rows: [1, 3, 4], count: 3 }]);
  });
});

describe('large-file mode (above the exact row limit)', () => {
  it('flags every approximate figure and keeps estimates within their stated error', async () => {
    const lines = ['key,group,value,spread'];
    const spreadValues: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      spreadValues.push(((i * 7919) % 20_000) + 0.5);
      lines.push(`k${i},g${i % 5},${(i * 7919) % 1000},${spreadValues[i]}`);
    }
    const trueMedian = quantile(
      [...spreadValues].sort((a, b) => a - b),
      0.5,
    );
    const file = temp.write('large.csv', lines.join('\n'));
    const large = await profileFile(file, { threads: 1, exactRowLimit: 1000, patternSampleRows: 5000 });
    expect(large.exact).toBe(false);
    const key = large.columns[0]!;
    const value = large.columns[2]!;
    const spread = large.columns[3]!;
    // Candidate keys are confirmed exactly, which also makes the key's distinct count exact.
    expect(key.uniqueCount).toBe(30_000);
    expect(large.candidateKeys).toEqual(['key']);
    expect(key.distributionData.patterns.approximate).toBe(true);
    expect(key.distributionData.approximateFields).toContain('patterns');
    // 30,000 distinct numbers: quantiles and outliers from the sample, flagged, within the sample's error.
    expect(spread.distributionData.numeric!.quantilesApproximate).toBe(true);
    expect(spread.distributionData.approximateFields).toEqual(expect.arrayContaining(['numeric.quantiles', 'outliers']));
    // A sample of ≈ 5,000 values: the median's rank is within ±2% of the middle with overwhelming probability.
    expect(Math.abs(spread.median! - trueMedian)).toBeLessThan(0.02 * 20_000);
    // 1,000 distinct numbers, each 30 times: counted value by value, so quantiles and outliers are exact at any size.
    expect(value.distributionData.numeric!.quantilesApproximate).toBe(false);
    expect(value.distributionData.approximateFields).not.toContain('numeric.quantiles');
    expect(value.median).toBe(499.5);
    const values = Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 1000);
    for (const q of value.distributionData.numeric!.quantiles) expect(q.value).toBeCloseTo(quantile(values, q.p), 9);
    expect(large.columns[1]!.uniqueCount).toBe(5);
  });
});

describe('which written forms parse as a number or a date', () => {
  it('accepts exactly what the type rules say, whether or not the text is in canonical form', async () => {
    // 60 clean rows decide the types; the last rows hold the edge cases, each valid or not by the rules.
    const lines = ['i,d,day'];
    for (let k = 1; k <= 60; k++) lines.push(`${k},${k}.25,2024-02-${String((k % 28) + 1).padStart(2, '0')}`);
    const edge: [string, string, string][] = [
      ['+5', '+5.5', '2024-02-30'], // sign accepted; no 30 February
      ['007', '007.5', '10000-01-01'], // leading zeros make codes, not numbers; 5-digit year is no ISO date
      ['-0', '-0.0', ' 2024-03-01'], // negative zero and padding are fine
      ['12abc', 'inf', '2024-3-1'], // inf is no decimal; unpadded month is no ISO date
      ['" 42 "', '7.10', '2024-12-31'],
      ['1_000', '1e+20', '02024-01-01'],
      ['0x1F', 'nan', '2024-01-01x'],
      ['9223372036854775807', '.5', '9999-12-31'],
      ['42', '1e999', '2024-01-02'], // beyond the range of a double: no number (it was read as infinity)
    ];
    for (const row of edge) lines.push(row.join(','));
    const parsed = await profileFile(temp.write('forms.csv', lines.join('\n') + '\n'), { threads: 2 });
    const invalid = (name: string) =>
      parsed.columns.find((c) => c.columnName === name)!.distributionData.typeConsistency.invalidExamples.map((e) => e.value);
    const invalidCount = (name: string) => parsed.columns.find((c) => c.columnName === name)!.distributionData.typeConsistency.invalidCount;
    expect(parsed.columns.map((c) => c.dataType)).toEqual(['integer', 'decimal', 'date']);
    expect(invalidCount('i')).toBe(4);
    expect(invalid('i')).toEqual(['007', '12abc', '1_000', '0x1F']);
    expect(invalidCount('d')).toBe(4);
    expect(invalid('d')).toEqual(['007.5', 'inf', 'nan', '1e999']);
    expect(invalidCount('day')).toBe(5);
    expect(invalid('day')).toEqual(['2024-02-30', '10000-01-01', '2024-3-1', '02024-01-01', '2024-01-01x']);
    expect(Number(parsed.columns[1]!.maxValue)).toBe(1e20);
  });
});

describe('approximate quantiles on a multi-threaded scan', () => {
  it("samples the whole file (not one thread's part) and gives the same figures on every run", async () => {
    // Sorted values over several row groups: quantiles of only a part of the rows would be far off.
    const lines = ['n'];
    for (let i = 0; i < 300_000; i++) lines.push(String(i));
    const file = temp.write('sorted.csv', lines.join('\n'));
    const run = () => profileFile(file, { threads: 2, exactRowLimit: 1000 });
    const [first, second] = [await run(), await run()];
    const column = first.columns[0]!;
    expect(column.distributionData.numeric!.quantilesApproximate).toBe(true);
    expect(Math.abs(column.median! - 149_999.5)).toBeLessThan(3000);
    const q = column.distributionData.numeric!.quantiles.map((x) => x.value);
    for (const [i, p] of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99].entries()) expect(Math.abs(q[i]! - p * 299_999)).toBeLessThan(3000);
    // MAD of a uniform 0..N is N/4.
    expect(Math.abs(column.distributionData.outliers!.robustZ.mad - 75_000)).toBeLessThan(3000);
    expect(second.columns[0]!.distributionData.numeric!.quantiles).toEqual(column.distributionData.numeric!.quantiles);
    expect(second.columns[0]!.distributionData.outliers).toEqual(column.distributionData.outliers);
  });
});

describe('progress reporting', () => {
  it('reports each phase in order, ending with done', async () => {
    const phases: string[] = [];
    await profileFile(temp.write('progress.csv', 'a\n1\n2\n'), { threads: 1, onProgress: (p) => phases.push(p.phase) });
    const order = [...new Set(phases)];
    expect(order).toEqual(['sniffing', 'loading', 'statistics', 'distributions', 'dataset', 'done']);
  });
});
