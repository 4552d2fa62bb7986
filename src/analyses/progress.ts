// The phases an analysis goes through, in order, as stored in
// analyses.progress_phase and shown as Analysis.progress.phase.
import { z } from 'zod';

export const ANALYSIS_PHASES = {
  queued: 'Waiting for a worker. percent: null.',
  starting: 'A worker took it and is starting the profiler. percent: 0.',
  sniffing: "Reading the file's head to find its format and column types.",
  loading: 'Reading every row into a typed table. percent: share of the file read.',
  statistics: 'Counting missing, distinct and invalid values and summarising each column. percent: share of the rows scanned.',
  distributions: 'Histograms, top values, value shapes and outliers. percent: share of the rows scanned.',
  dataset: 'Checks across columns: duplicate rows, candidate keys, correlations.',
  saving: 'Writing the column profiles, insights and score. percent: 0.',
  done: 'COMPLETED. percent: 100.',
  failed: 'FAILED: see errorMessage.',
  cancelled: 'FAILED by cancelAnalysis.',
  waiting_to_retry: 'PENDING again after a transient failure; it runs again shortly (errorMessage says why).',
  requeued: 'PENDING again because its worker stopped responding; another worker takes it.',
} as const;

export type AnalysisPhase = keyof typeof ANALYSIS_PHASES;

export const analysisPhaseSchema = z.enum(Object.keys(ANALYSIS_PHASES) as [AnalysisPhase, ...AnalysisPhase[]]).meta({
  title: 'AnalysisPhase',
  description: 'Where an analysis is, in the order a run goes through them; the last four are ends and pauses.',
  valueDescriptions: ANALYSIS_PHASES,
});
