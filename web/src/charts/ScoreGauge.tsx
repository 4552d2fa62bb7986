// The quality score as a half-circle gauge (0–100), coloured as the score badges are.
import { useMantineTheme } from '@mantine/core';
import { scoreColor } from '../components/ScoreBadge';

export function ScoreGauge({ score }: { score: number | null }) {
  const theme = useMantineTheme();
  const value = Math.max(0, Math.min(100, score ?? 0));
  const angle = Math.PI * (1 - value / 100);
  const [cx, cy, r] = [100, 100, 80];
  const end = { x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle) };
  const color = theme.colors[scoreColor(value)]![6];
  return (
    <svg
      viewBox="0 0 200 120"
      width="100%"
      style={{ maxWidth: 260 }}
      role="img"
      aria-label={`Quality score ${score?.toFixed(1) ?? 'unknown'} of 100`}
    >
      <path
        d={`M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${cx + r} ${cy}`}
        fill="none"
        stroke={theme.colors.gray[2]}
        strokeWidth={18}
        strokeLinecap="round"
      />
      {score !== null && value > 0 && (
        <path
          d={`M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${end.x} ${end.y}`}
          fill="none"
          stroke={color}
          strokeWidth={18}
          strokeLinecap="round"
        />
      )}
      <text x={cx} y={cy - 10} textAnchor="middle" fontSize={34} fontWeight={700} fill="currentColor" data-testid="score-value">
        {score === null ? '–' : score.toFixed(1)}
      </text>
      <text x={cx} y={cy + 14} textAnchor="middle" fontSize={11} fill={theme.colors.gray[6]}>
        quality score / 100
      </text>
    </svg>
  );
}
