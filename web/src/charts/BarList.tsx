// Horizontal bars with a label and a value each: the score lost per dimension, top values, value shapes.
import { Box, Group, Text, Tooltip } from '@mantine/core';

export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
  hint?: string;
}

export function BarList({ bars, max, color = 'indigo' }: { bars: Bar[]; max?: number; color?: string }) {
  const top = max ?? Math.max(1e-9, ...bars.map((b) => b.value));
  return (
    <Box>
      {bars.map((bar) => (
        <Tooltip key={bar.key} label={bar.hint ?? bar.label} disabled={!bar.hint} multiline maw={320}>
          <Box mb={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
                {bar.label}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {bar.text}
              </Text>
            </Group>
            <Box h={8} bg="gray.1" style={{ borderRadius: 4 }}>
              <Box h={8} bg={`${color}.6`} style={{ borderRadius: 4, width: `${Math.min(100, (bar.value / top) * 100)}%` }} />
            </Box>
          </Box>
        </Tooltip>
      ))}
    </Box>
  );
}
