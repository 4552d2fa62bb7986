/**
 * The statistics both modes share (profiles and files differ only in where the masses and counts come from):
 * PSI, Jensen–Shannon, Pearson χ² with its p-value and critical value, and the Kolmogorov–Smirnov critical value
 * and asymptotic p-value.
 */

/** Shares below this are raised to it in PSI (unless the sample sizes are given), so an empty bin costs a finite amount. */
export const PSI_EPSILON = 1e-4;

/**
 * PSI = Σ (t − b)·ln(t / b) over bins; bins empty on both sides add nothing. A share of 0 on one side is raised
 * to half a value of that side (0.5 / n) when the sample sizes are given, else to PSI_EPSILON.
 */
export function populationStabilityIndex(
  baseShares: readonly number[],
  targetShares: readonly number[],
  sizes?: { n: number; m: number },
): number {
  const floorBase = sizes ? 0.5 / sizes.n : PSI_EPSILON;
  const floorTarget = sizes ? 0.5 / sizes.m : PSI_EPSILON;
  let psi = 0;
  for (let i = 0; i < baseShares.length; i++) {
    if (baseShares[i]! <= 0 && targetShares[i]! <= 0) continue;
    const b = Math.max(baseShares[i]!, floorBase);
    const t = Math.max(targetShares[i]!, floorTarget);
    if (b !== t) psi += (t - b) * Math.log(t / b);
  }
  return psi;
}

/** Jensen–Shannon distance, √JSD with base-2 logarithms: 0 (same) to 1 (disjoint). Inputs are counts or shares. */
export function jensenShannonDistance(base: readonly number[], target: readonly number[]): number {
  const p = normalise(base);
  const q = normalise(target);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    if (p[i]! > 0) divergence += 0.5 * p[i]! * Math.log2(p[i]! / m);
    if (q[i]! > 0) divergence += 0.5 * q[i]! * Math.log2(q[i]! / m);
  }
  return Math.sqrt(Math.min(1, Math.max(0, divergence)));
}

export function normalise(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (total > 0 ? v / total : 0));
}

/** Pearson χ² of the 2 × k table (base counts, target counts); columns empty on both sides are skipped. */
export function chiSquared(base: readonly number[], target: readonly number[]): { statistic: number; degreesOfFreedom: number } {
  const nb = base.reduce((a, b) => a + b, 0);
  const nt = target.reduce((a, b) => a + b, 0);
  const n = nb + nt;
  let statistic = 0;
  let columns = 0;
  for (let i = 0; i < base.length; i++) {
    const total = base[i]! + target[i]!;
    if (total === 0) continue;
    columns++;
    const eb = (nb * total) / n;
    const et = (nt * total) / n;
    statistic += (base[i]! - eb) ** 2 / eb + (target[i]! - et) ** 2 / et;
  }
  return { statistic, degreesOfFreedom: Math.max(0, columns - 1) };
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.61503916999186, 12.507343278686905,
    -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularised upper incomplete gamma Q(a, x) (series below a + 1, continued fraction above; Numerical Recipes). */
function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(logPrefix) * h);
}

/** P(χ²(df) ≥ statistic). */
export function chiSquaredPValue(statistic: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 0) return 1;
  return upperGamma(degreesOfFreedom / 2, statistic / 2);
}

/** The χ²(df) value exceeded with probability α, by bisection on the p-value. */
export function chiSquaredCriticalValue(degreesOfFreedom: number, alpha: number): number {
  if (degreesOfFreedom <= 0) return 0;
  let low = 0;
  let high = Math.max(1, degreesOfFreedom);
  while (chiSquaredPValue(high, degreesOfFreedom) > alpha) high *= 2;
  for (let i = 0; i < 100 && high - low > 1e-10 * high; i++) {
    const middle = (low + high) / 2;
    if (chiSquaredPValue(middle, degreesOfFreedom) > alpha) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** c(α) = √(−ln(α/2) / 2): the two-sample KS critical value is c(α)·√((n + m)/(n·m)). */
export function ksCoefficient(alpha: number): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2);
}

export function ksCriticalValue(n: number, m: number, alpha: number): number {
  return ksCoefficient(alpha) * Math.sqrt((n + m) / (n * m));
}

/** Asymptotic two-sample KS p-value (Kolmogorov distribution, with Stephens' small-sample correction). */
export function ksPValue(distance: number, n: number, m: number): number {
  const ne = (n * m) / (n + m);
  const sqrtNe = Math.sqrt(ne);
  const lambda = (sqrtNe + 0.12 + 0.11 / sqrtNe) * distance;
  if (lambda < 1e-3) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/**
 * PSI's value exceeded with probability α when nothing changed: PSI·nm/(n+m) is asymptotically χ²(bins − 1)
 * (Yurdakul 2018, "Statistical properties of population stability index"), so χ²₁₋α(bins − 1)·(1/n + 1/m).
 */
export function psiCriticalValue(bins: number, n: number, m: number, alpha: number): number {
  return chiSquaredCriticalValue(bins - 1, alpha) * (1 / n + 1 / m);
}

/**
 * The Jensen–Shannon distance exceeded with probability α when nothing changed: for close distributions
 * JSD ≈ Σ (p − q)²/(8·m·ln 2) in bits, and Σ (p − q)²/m ≈ χ²(bins − 1)·(1/n + 1/m).
 */
export function jensenShannonCriticalValue(bins: number, n: number, m: number, alpha: number): number {
  return Math.sqrt((chiSquaredCriticalValue(bins - 1, alpha) * (1 / n + 1 / m)) / (8 * Math.LN2));
}

/** Two-proportion z-test: the difference of two shares exceeded with probability α (two-sided) when nothing changed. */
export function shareDifferenceCriticalValue(pooledShare: number, n: number, m: number, alpha: number): number {
  const z = Math.sqrt(chiSquaredCriticalValue(1, alpha));
  return z * Math.sqrt(pooledShare * (1 - pooledShare) * (1 / n + 1 / m));
}
