// The history's anomaly flag on series a user would recognise: a steady metric with noise and one jump, a
// series with an earlier outlier (which must not hide the next one), a constant series that changes, and a
// series too short to judge.
import { describe, expect, it } from 'vitest';
import { ANOMALY_MIN_HISTORY, ANOMALY_THRESHOLD, flagAnomalies } from '../../src/history/anomalies.js';

const anomalies = (values: (number | null)[]) =>
  flagAnomalies(values)
    .map((v, i) => (v.anomaly ? i : -1))
    .filter((i) => i >= 0);

describe('flagAnomalies', () => {
  it('flags the day the missing share jumps, not the days of ordinary noise', () => {
    const missing = [0.1, 0.102, 0.098, 0.101, 0.099, 0.1, 0.103, 0.097, 0.35, 0.1, 0.101];
    expect(anomalies(missing)).toEqual([8]);
    const jump = flagAnomalies(missing)[8]!;
    expect(jump.robustZ!).toBeGreaterThan(ANOMALY_THRESHOLD);
  });

  it('still flags a second outlier after a first one (the median and MAD ignore the first)', () => {
    const mean = [50, 51, 49, 50, 52, 48, 90, 50, 51, 10, 50];
    expect(anomalies(mean)).toEqual([6, 9]);
  });

  it('flags any change after a constant history, and nothing before a baseline exists', () => {
    expect(anomalies([891, 891, 891, 891, 891, 892])).toEqual([5]);
    const short = Array.from({ length: ANOMALY_MIN_HISTORY }, (_, i) => (i === ANOMALY_MIN_HISTORY - 1 ? 1e6 : 1));
    expect(anomalies(short)).toEqual([]);
    expect(flagAnomalies(short).every((v) => v.robustZ === null)).toBe(true);
  });

  it('skips analyses without a value (a column absent that day)', () => {
    const values = [5, 5.1, null, 4.9, 5, 5.05, null, 20];
    expect(anomalies(values)).toEqual([7]);
    expect(flagAnomalies(values)[2]).toEqual({ robustZ: null, anomaly: false });
  });
});
