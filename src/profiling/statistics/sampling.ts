/**
 * Where the profiler stops taking a column whole and samples instead, and how it samples rows. A leaf: the passes
 * import it, it imports none of them.
 */

/**
 * Up to this many distinct values a column's value → count table is taken whole and worked from in JS: pass 1
 * tallies the columns estimated at most half of it (tallied-columns.ts: every statistic from the table, no scan),
 * and pass 2 takes exact frequencies for the scanned columns that turned out to have at most this many. One limit
 * for both, because together they keep one promise: a column with at most this many values gets exact frequencies
 * whichever way the inference sample's estimate sent it.
 */
export const VALUE_COUNTS_MAX_DISTINCT = 10_000;

/** The sampling rate is threshold / modulus: 2^30 resolves rates to a row in a billion with an integer threshold. */
const SAMPLE_HASH_MODULUS = 1 << 30;

/**
 * Salt of the quantile sample, and of the moment shifts' smaller sample (taken at or below the exact row limit,
 * where there is no quantile sample). Any fixed value gives a fixed sample; another value would change the
 * sampled figures of every profile.
 */
export const QUANTILE_SAMPLE_SALT = 42;
/** Salt of the value-frequency sample: another salt, so that its rows are not the quantile sample's. */
export const FREQUENCY_SAMPLE_SALT = 7;

/**
 * SQL: is this row in a pseudo-random sample of about `sampleRows` of the table's `rowCount` rows? A hash of the
 * row number, so the same file always gives the same sample, spread over the whole table (a sorted file's first
 * rows are no sample of it), decided per row without a second look: a fifth of the cost of a reservoir sample,
 * which must see every row of the columns it keeps.
 */
export function hashedRowSampleSql(sampleRows: number, rowCount: number, salt: number): string {
  const threshold = Math.ceil((sampleRows / Math.max(1, rowCount)) * SAMPLE_HASH_MODULUS);
  return `hash(rowid + ${salt}) % ${SAMPLE_HASH_MODULUS} < ${threshold}`;
}
