/**
 * Mean, standard deviation, skewness and kurtosis from the count and the sums of powers of d = x − c, the form
 * both the SQL pass (sums over the table) and the tallied columns (sums over a value → count table) produce. A
 * leaf: the passes import it, it imports none of them.
 */

/** Mean and sample standard deviation from the count and the sums of d and d² (d = x − c). */
export function meanAndStdDevFromSums(n: number, c: number, s1: number, s2: number): { mean: number | null; stdDev: number | null } {
  if (n === 0) return { mean: null, stdDev: null };
  const mean = c + s1 / n;
  if (n === 1) return { mean, stdDev: null };
  return { mean, stdDev: Math.sqrt(Math.max(0, (s2 - (s1 * s1) / n) / (n - 1))) };
}

/** DuckDB's skewness() (adjusted Fisher–Pearson), from the count and the sums of d, d², d³ (d = x − c). */
export function skewnessFromSums(n: number, s1: number, s2: number, s3: number): number | null {
  if (n <= 2) return null;
  const temp = 1 / n;
  const div = Math.sqrt(Math.pow(temp * (s2 - s1 * s1 * temp), 3));
  if (!(div > 0)) return null;
  const temp1 = Math.sqrt(n * (n - 1)) / (n - 2);
  const result = (temp1 * temp * (s3 - 3 * s2 * s1 * temp + 2 * Math.pow(s1, 3) * temp * temp)) / div;
  return Number.isFinite(result) ? result : null;
}

/** DuckDB's kurtosis() (sample excess kurtosis, bias-corrected), from the count and the sums of d … d⁴. */
export function kurtosisFromSums(n: number, s1: number, s2: number, s3: number, s4: number): number | null {
  if (n <= 3) return null;
  const temp = 1 / n;
  const m2 = temp * (s2 - s1 * s1 * temp);
  if (!(m2 > 0)) return null;
  const m4 = temp * (s4 - 4 * s3 * s1 * temp + 6 * s2 * s1 * s1 * temp * temp - 3 * Math.pow(s1, 4) * Math.pow(temp, 3));
  const result = ((n - 1) * (((n + 1) * m4) / (m2 * m2) - 3 * (n - 1))) / ((n - 2) * (n - 3));
  return Number.isFinite(result) ? result : null;
}
