// Two analyses compared (analysisComparison): what changed in the schema, which columns drifted and by which
// test, how the score moved per dimension, and which insights are new or resolved.
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { CompareAnalyses } from '../api/documents';
import { useQuery } from '../api/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Stat } from '../components/Stat';
import { count, label, score } from '../format';
import { Link, paths } from '../router';

const verdictColor: Record<string, string> = { STABLE: 'green', MODERATE: 'yellow', DRIFTED: 'red' };
const signed = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(digits)}`;

export function ComparePage({ baseId, targetId }: { baseId: string; targetId: string }) {
  const query = useQuery(CompareAnalyses, { baseId, targetId });
  if (query.error) return <ErrorNotice error={query.error} title="Could not compare" />;
  if (!query.data) return <Text c="dimmed">Comparing…</Text>;
  const c = query.data.analysisComparison;
  const changedColumns = c.columns.filter((col) => col.verdict !== 'STABLE');
  return (
    <Stack>
      <Text size="sm">
        <Link to={paths.analysis(baseId)}>base report</Link> · <Link to={paths.analysis(targetId)}>target report</Link>
      </Text>
      <Title order={2}>What changed</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Rows" value={`${count(c.base.rowCount)} → ${count(c.target.rowCount)}`} />
        <Stat label="Columns" value={`${count(c.base.columnCount)} → ${count(c.target.columnCount)}`} />
        <Stat label="Score" value={`${score(c.score.base)} → ${score(c.score.target)}`} hint={signed(c.score.delta)} />
        <Stat
          label="Drifted columns"
          value={<span data-testid="drifted-count">{count(c.driftedColumns.length)}</span>}
          hint={`method: ${label(c.method)}`}
        />
      </SimpleGrid>
      {c.warnings.map((w) => (
        <Text key={w} size="sm" c="orange">
          {w}
        </Text>
      ))}
      <Card withBorder>
        <Title order={4} mb="xs">
          Schema
        </Title>
        {c.schema.added.length + c.schema.removed.length + c.schema.renamed.length + c.schema.typeChanged.length === 0 && (
          <Text c="dimmed">Same columns, same types.</Text>
        )}
        {c.schema.added.map((a) => (
          <Text key={`+${a.columnName}`} data-testid="schema-change">
            <Badge color="green">added</Badge> {a.columnName} ({label(a.dataType)})
          </Text>
        ))}
        {c.schema.removed.map((r) => (
          <Text key={`-${r.columnName}`} data-testid="schema-change">
            <Badge color="red">removed</Badge> {r.columnName} ({label(r.dataType)})
          </Text>
        ))}
        {c.schema.renamed.map((r) => (
          <Text key={`~${r.from}`} data-testid="schema-change">
            <Badge color="blue">renamed</Badge> {r.from} → {r.to}
          </Text>
        ))}
        {c.schema.typeChanged.map((t) => (
          <Text key={`t${t.columnName}`} data-testid="schema-change">
            <Badge color="orange">type</Badge> {t.columnName}: {label(t.baseType)} → {label(t.targetType)}
          </Text>
        ))}
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          Drift per column ({count(changedColumns.length)} of {count(c.columns.length)} changed)
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="drift-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Column</Table.Th>
                <Table.Th>Verdict</Table.Th>
                <Table.Th>Tests (statistic / threshold)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...changedColumns, ...c.columns.filter((col) => col.verdict === 'STABLE')].map((col) => (
                <Table.Tr key={col.columnName}>
                  <Table.Td>
                    {col.columnName}
                    {col.baseColumnName !== col.columnName && <Text size="xs">was {col.baseColumnName}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={verdictColor[col.verdict] ?? 'gray'}>{label(col.verdict)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {col.tests.map((t) => (
                        <Badge key={t.test} variant="light" color={verdictColor[t.verdict] ?? 'gray'} title={t.summary}>
                          {label(t.test)} {t.statistic.toPrecision(3)} / {t.threshold.toPrecision(2)}
                        </Badge>
                      ))}
                    </Group>
                    {col.note && (
                      <Text size="xs" c="dimmed">
                        {col.note}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            New insights ({count(c.insights.new.length)})
          </Title>
          {c.insights.new.map((i) => (
            <Text key={`${i.check}-${i.columnName}`} size="sm">
              <Badge size="sm">{label(i.severity)}</Badge> {label(i.check)} · {i.columnName ?? 'dataset'}
            </Text>
          ))}
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Resolved insights ({count(c.insights.resolved.length)})
          </Title>
          {c.insights.resolved.map((i) => (
            <Text key={`${i.check}-${i.columnName}`} size="sm">
              <Badge size="sm" color="gray">
                {label(i.severity)}
              </Badge>{' '}
              {label(i.check)} · {i.columnName ?? 'dataset'}
            </Text>
          ))}
        </Card>
      </SimpleGrid>
      {c.insights.changed.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="xs">
            Changed insights
          </Title>
          {c.insights.changed.map((i) => (
            <Text key={`${i.check}-${i.columnName}`} size="sm">
              {label(i.check)} · {i.columnName ?? 'dataset'}: {count(i.baseCount)} → {count(i.targetCount)} ({label(i.baseSeverity)} →{' '}
              {label(i.targetSeverity)})
            </Text>
          ))}
        </Card>
      )}
      <Card withBorder>
        <Title order={4} mb="xs">
          Score per dimension
        </Title>
        {c.score.dimensions.map((d) => (
          <Text key={d.dimension} size="sm">
            {label(d.dimension)}: {signed(d.pointsDelta, 2)} points
          </Text>
        ))}
      </Card>
    </Stack>
  );
}
