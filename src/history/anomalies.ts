/**
 * A robust anomaly flag for a metric's series over a dataset's analyses: each point against the median and the
 * MAD (median absolute deviation) of the points before it. Robust because one earlier outlier moves neither,
 * so it cannot hide the next one, and a single bad day does not make every later day look normal.
 */

/** Points before a point that it is compared with (the most recent ones). */
export const ANOMALY_WINDOW = 10;
/** Fewer earlier points than this: no verdict (a series needs a baseline first). */
export const ANOMALY_MIN_HISTORY = 4;
/** |robust z| above this is an anomaly (Iglewicz and Hoaglin's 3.5 for the modified z-score). */
export const ANOMALY_THRESHOLD = 3.5;
/** 1 / Φ⁻¹(3/4): scales the MAD to a standard deviation for normal data. */
const MAD_TO_SIGMA = 1.4826;

export interface AnomalyVerdict {
  /** (value − median) / (1.4826 × MAD) of the window; null without a verdict, or when the window is constant. */
  robustZ: number | null;
  anomaly: boolean;
}

export function flagAnomalies(values: readonly (number | null)[]): AnomalyVerdict[] {
  return values.map((value, i) => {
    if (value === null) return { robustZ: null, anomaly: false };
    const window = values
      .slice(0, i)
      .filter((v): v is number => v !== null)
      .slice(-ANOMALY_WINDOW);
    if (window.length < ANOMALY_MIN_HISTORY) return { robustZ: null, anomaly: false };
    const center = median(window);
    const mad = median(window.map((v) => Math.abs(v - center)));
    // A constant history: any change at all is an anomaly (no scale to measure it with).
    if (mad === 0) return { robustZ: null, anomaly: !nearlyEqual(value, center) };
    const robustZ = (value - center) / (MAD_TO_SIGMA * mad);
    return { robustZ, anomaly: Math.abs(robustZ) > ANOMALY_THRESHOLD };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const nearlyEqual = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
