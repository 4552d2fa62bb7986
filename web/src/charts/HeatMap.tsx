// A correlation matrix as a heat map: blue for negative, red for positive, the strength as the shade; cells
// without a pair are blank. Columns are labelled on both axes; the value shows on hover.
import { useMantineTheme } from '@mantine/core';

export interface Pair {
  a: string;
  b: string;
  value: number;
}

export function HeatMap({ columns, pairs, label }: { columns: string[]; pairs: Pair[]; label: string }) {
  const theme = useMantineTheme();
  const index = new Map(columns.map((c, i) => [c, i]));
  const cell = 34;
  const margin = Math.min(160, 8 + 7 * Math.max(...columns.map((c) => c.length)));
  const size = margin + cell * columns.length;
  // Room on the right for the last slanted column label.
  const width = size + 90;
  const shade = (v: number) => {
    const strength = Math.min(1, Math.abs(v));
    const [r, g, b] = v >= 0 ? [220, 38, 38] : [37, 99, 235];
    return `rgba(${r}, ${g}, ${b}, ${0.08 + 0.92 * strength})`;
  };
  const short = (c: string) => (c.length > 22 ? `${c.slice(0, 21)}…` : c);
  return (
    <svg viewBox={`0 0 ${width} ${size}`} width="100%" style={{ maxWidth: width }} role="img" aria-label={label} data-testid="heat-map">
      {columns.map((c, i) => (
        <g key={c}>
          <text x={margin - 6} y={margin + i * cell + cell / 2 + 4} textAnchor="end" fontSize={11} fill={theme.colors.gray[8]}>
            {short(c)}
          </text>
          <text
            transform={`translate(${margin + i * cell + cell / 2 + 4}, ${margin - 6}) rotate(-60)`}
            fontSize={11}
            fill={theme.colors.gray[8]}
          >
            {short(c)}
          </text>
          <rect x={margin + i * cell} y={margin + i * cell} width={cell - 2} height={cell - 2} fill={theme.colors.gray[3]} />
        </g>
      ))}
      {pairs.flatMap((p) => {
        const [i, j] = [index.get(p.a), index.get(p.b)];
        if (i === undefined || j === undefined) return [];
        return [
          [i, j],
          [j, i],
        ].map(([row, col]) => (
          <rect
            key={`${row}-${col}`}
            x={margin + col! * cell}
            y={margin + row! * cell}
            width={cell - 2}
            height={cell - 2}
            fill={shade(p.value)}
          >
            <title>{`${p.a} × ${p.b}: ${p.value.toFixed(3)}`}</title>
          </rect>
        ));
      })}
    </svg>
  );
}
