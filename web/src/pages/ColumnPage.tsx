import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ColumnPage as Query } from '../api/documents';
import { useQuery } from '../api/hooks';
import { BarList } from '../charts/BarList';
import { type Fence, Histogram } from '../charts/Histogram';
import { ErrorNotice, NotFound } from '../components/ErrorNotice';
import { Stat } from '../components/Stat';
import { count, label, percent } from '../format';
import { Link, paths } from '../router';

export function ColumnPage({ id }: { id: string }) {
  const query = useQuery(Query, { id });
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const column = query.data.node?.__typename === 'ColumnProfile' ? query.data.node : null;
  if (!column) return <NotFound what="column" />;
  const d = column.distribution;
  const iqr = d?.outliers?.iqr;
  const fences: Fence[] = iqr
    ? [
        { value: iqr.mild.lower, label: `1.5×IQR ${iqr.mild.lowerLabel}`, kind: 'mild' },
        { value: iqr.mild.upper, label: `1.5×IQR ${iqr.mild.upperLabel}`, kind: 'mild' },
        { value: iqr.extreme.lower, label: `3×IQR ${iqr.extreme.lowerLabel}`, kind: 'extreme' },
        { value: iqr.extreme.upper, label: `3×IQR ${iqr.extreme.upperLabel}`, kind: 'extreme' },
      ]
    : [];
  const present = (d?.typeConsistency.validCount ?? 0) + (d?.typeConsistency.invalidCount ?? 0);

  return (
    <Stack>
      <Text size="sm">
        <Link to={paths.dataset(column.analysis.dataset.id)}>{column.analysis.dataset.name}</Link> /{' '}
        <Link to={paths.analysis(column.analysis.id, 'columns')}>report</Link> /
      </Text>
      <Group>
        <Title order={2} style={{ wordBreak: 'break-all' }}>
          {column.columnName}
        </Title>
        <Badge variant="light">{label(column.dataType)}</Badge>
        {d && <Badge variant="outline">parsed as {label(d.valueType)}</Badge>}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        <Stat label="Missing" value={count(column.nullCount)} hint={percent(d?.missing.share)} />
        <Stat label="Distinct" value={`${d?.uniqueness.approximate ? '≈' : ''}${count(column.uniqueCount)}`} />
        <Stat
          label="Type consistency"
          value={percent(d?.typeConsistency.share)}
          hint={`${count(d?.typeConsistency.invalidCount)} of ${count(present)} do not parse`}
        />
        <Stat label="Min" value={<Text truncate="end">{column.minValue ?? '–'}</Text>} />
        <Stat label="Max" value={<Text truncate="end">{column.maxValue ?? '–'}</Text>} />
        <Stat
          label="Mean / median"
          value={column.mean === null ? '–' : `${column.mean.toPrecision(5)} / ${column.median?.toPrecision(5) ?? '–'}`}
        />
      </SimpleGrid>
      {d?.histogram && (
        <Card withBorder>
          <Title order={4} mb="xs">
            Histogram ({label(d.histogram.kind)})
          </Title>
          <Histogram bins={d.histogram.bins} fences={fences} />
          {iqr && (
            <Text size="xs" c="dimmed">
              Outlier fences: 1.5×IQR {iqr.mild.lowerLabel} – {iqr.mild.upperLabel} ({count(iqr.mild.count)} beyond), 3×IQR{' '}
              {iqr.extreme.lowerLabel} – {iqr.extreme.upperLabel} ({count(iqr.extreme.count)} beyond)
            </Text>
          )}
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {d && d.topValues.values.length > 0 && (
          <Card withBorder>
            <Title order={4} mb="xs">
              Top values{d.topValues.approximate ? ' (from a sample)' : ''}
            </Title>
            <BarList
              bars={d.topValues.values.slice(0, 15).map((v) => ({
                key: v.value,
                label: v.value === '' ? '(empty)' : v.value,
                value: v.count,
                text: `${count(v.count)} · ${percent(v.share)}`,
              }))}
            />
          </Card>
        )}
        {d && d.patterns.shapes.length > 0 && (
          <Card withBorder>
            <Title order={4} mb="xs">
              Value shapes ({count(d.patterns.distinctPatterns)})
            </Title>
            <BarList
              color="teal"
              bars={d.patterns.shapes.slice(0, 15).map((s) => ({
                key: s.pattern,
                label: `${s.pattern}  e.g. ${s.example}`,
                value: s.count,
                text: count(s.count),
              }))}
            />
          </Card>
        )}
        {d?.numeric && d.numeric.quantiles.length > 0 && (
          <Card withBorder>
            <Title order={4} mb="xs">
              Quantiles
            </Title>
            <Table data-testid="quantiles">
              <Table.Tbody>
                {d.numeric.quantiles.map((q) => (
                  <Table.Tr key={q.p}>
                    <Table.Td>p{Math.round(q.p * 100)}</Table.Td>
                    <Table.Td ta="right">{q.label}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td>std. deviation</Table.Td>
                  <Table.Td ta="right">{d.numeric.stdDev?.toPrecision(5) ?? '–'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>zeros / negatives</Table.Td>
                  <Table.Td ta="right">
                    {count(d.numeric.zeroCount)} / {count(d.numeric.negativeCount)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
