// A pass reports its progress as a share of the whole pass, though it runs a
// few queries one after another: each query's own 0–100 (DuckDB's progress
// of it) is mapped onto that query's slice, and the end of a slice is
// reported when the query returns.
export type PassProgress = (percent: number) => void;

/** The progress of one step of a pass, as the slice `from`–`to` of the pass' 0–100. */
export const slice =
  (report: PassProgress, from: number, to: number): PassProgress =>
  (percent) =>
    report(from + ((to - from) * Math.min(100, Math.max(0, percent))) / 100);
