// A histogram (numeric or temporal bins) with the outlier fences drawn on it: dashed lines at the 1.5×IQR
// bounds, solid at 3×IQR, where they fall inside the drawn range.
import { useMantineTheme } from '@mantine/core';

export interface Bin {
  lower: number;
  upper: number;
  lowerLabel: string;
  upperLabel: string;
  count: number;
}

export interface Fence {
  value: number;
  label: string;
  kind: 'mild' | 'extreme';
}

export function Histogram({ bins, fences = [] }: { bins: Bin[]; fences?: Fence[] }) {
  const theme = useMantineTheme();
  if (bins.length === 0) return null;
  const [width, height, left, bottom, top] = [640, 240, 48, 40, 16];
  const lo = bins[0]!.lower;
  const hi = bins[bins.length - 1]!.upper;
  const span = hi - lo || 1;
  const most = Math.max(1, ...bins.map((b) => b.count));
  const x = (v: number) => left + ((v - lo) / span) * (width - left - 8);
  const y = (n: number) => top + (1 - n / most) * (height - top - bottom);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="Histogram" data-testid="histogram">
      <line x1={left} x2={width - 8} y1={height - bottom} y2={height - bottom} stroke={theme.colors.gray[5]} />
      <text x={left - 6} y={top + 4} textAnchor="end" fontSize={11} fill={theme.colors.gray[7]}>
        {most.toLocaleString('en-US')}
      </text>
      <text x={left - 6} y={height - bottom} textAnchor="end" fontSize={11} fill={theme.colors.gray[7]}>
        0
      </text>
      {bins.map((b) => (
        <rect
          key={`${b.lower}-${b.upper}`}
          x={x(b.lower) + 0.5}
          width={Math.max(1, x(b.upper) - x(b.lower) - 1)}
          y={y(b.count)}
          height={height - bottom - y(b.count)}
          fill={theme.colors.indigo[5]}
        >
          <title>{`${b.lowerLabel} – ${b.upperLabel}: ${b.count.toLocaleString('en-US')}`}</title>
        </rect>
      ))}
      <text x={left} y={height - bottom + 16} fontSize={11} fill={theme.colors.gray[7]}>
        {bins[0]!.lowerLabel}
      </text>
      <text x={width - 8} y={height - bottom + 16} textAnchor="end" fontSize={11} fill={theme.colors.gray[7]}>
        {bins[bins.length - 1]!.upperLabel}
      </text>
      {fences
        .filter((f) => f.value > lo && f.value < hi)
        .map((f) => (
          <g key={`${f.kind}-${f.value}`} data-testid={`fence-${f.kind}`}>
            <line
              x1={x(f.value)}
              x2={x(f.value)}
              y1={top}
              y2={height - bottom}
              stroke={theme.colors.red[6]}
              strokeWidth={1.5}
              strokeDasharray={f.kind === 'mild' ? '5 4' : undefined}
            />
            <text x={x(f.value) + 3} y={top + 10} fontSize={10} fill={theme.colors.red[7]}>
              {f.label}
            </text>
          </g>
        ))}
    </svg>
  );
}
