// An analysis followed live: the analysisUpdated subscription (SSE) moves the bar until the run completes or
// fails; then the page reloads the report.
import { Card, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { subscribe } from '../api/client';
import { AnalysisUpdated } from '../api/documents';
import { ErrorNotice } from '../components/ErrorNotice';
import { label } from '../format';
import type { AnalysisUpdatedSubscription } from '../gql/graphql';

type PhaseProgress = AnalysisUpdatedSubscription['analysisUpdated']['progress'];

/** Where each phase starts on the overall bar (the profiler's phases in order), and how much of it it spans. */
const PHASES: Record<string, [number, number]> = {
  QUEUED: [0, 0],
  REQUEUED: [0, 0],
  WAITING_TO_RETRY: [0, 0],
  STARTING: [2, 3],
  SNIFFING: [5, 5],
  LOADING: [10, 35],
  STATISTICS: [45, 20],
  DISTRIBUTIONS: [65, 20],
  DATASET: [85, 10],
  SAVING: [95, 5],
  DONE: [100, 0],
};

export function overallPercent(progress: PhaseProgress | undefined): number {
  if (!progress) return 0;
  const [start, span] = PHASES[progress.phase] ?? [0, 0];
  return start + (span * (progress.percent ?? 0)) / 100;
}

export function LiveProgress({ id, initial, onFinished }: { id: string; initial: PhaseProgress | undefined; onFinished: () => void }) {
  const [progress, setProgress] = useState(initial ?? null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    let finished = false;
    subscribe(
      AnalysisUpdated,
      { id },
      ({ analysisUpdated }) => {
        setProgress(analysisUpdated.progress ?? null);
        if (analysisUpdated.status === 'COMPLETED' || analysisUpdated.status === 'FAILED') finished = true;
      },
      abort.signal,
    ).then(
      () => finished && onFinished(),
      (e: unknown) => abort.signal.aborted || setError(e),
    );
    return () => abort.abort();
  }, [id, onFinished]);
  const percent = overallPercent(progress);
  return (
    <Card withBorder data-testid="live-progress">
      <Text size="sm" mb={6}>
        {progress ? label(progress.phase) : 'Queued'} · {Math.round(percent)} %
      </Text>
      <Progress value={percent} animated striped aria-label="Analysis progress" />
      {error !== null && <ErrorNotice error={error} title="Lost the live progress" />}
    </Card>
  );
}
