import { Badge } from '@mantine/core';
import { label, score } from '../format';

export const scoreColor = (value: number) => (value >= 85 ? 'green' : value >= 65 ? 'yellow' : 'red');

export function ScoreBadge({ score: value, status }: { score: number | null; status: string }) {
  if (status !== 'COMPLETED' || value === null) return <Badge variant="outline">{label(status)}</Badge>;
  return <Badge color={scoreColor(value)}>{score(value)}</Badge>;
}
