import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarList } from '../charts/BarList';
import { ScoreGauge } from '../charts/ScoreGauge';
import { Stat } from '../components/Stat';
import { count, date, label, percent } from '../format';
import type { AnalysisReportQuery } from '../gql/graphql';

type Analysis = Extract<NonNullable<AnalysisReportQuery['node']>, { __typename: 'Analysis' }>;

export function Overview({ analysis }: { analysis: Analysis }) {
  const breakdown = analysis.scoreBreakdown;
  const dimensions = breakdown?.dimensions ?? [];
  const costs = [...(breakdown?.costs ?? [])].sort((a, b) => b.cost - a.cost);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Group justify="center">
            <ScoreGauge score={analysis.qualityScore} />
          </Group>
        </Card>
        <SimpleGrid cols={2}>
          <Stat label="Rows" value={count(analysis.dataset.rowCount)} />
          <Stat label="Columns" value={count(analysis.dataset.columnCount)} />
          <Stat label="Started" value={<Text size="sm">{date(analysis.startedAt)}</Text>} />
          <Stat label="Completed" value={<Text size="sm">{date(analysis.completedAt)}</Text>} />
        </SimpleGrid>
        <Card withBorder>
          <Title order={4} mb="xs">
            Points lost per dimension
          </Title>
          <BarList
            color="red"
            max={Math.max(1, ...dimensions.map((d) => d.pointsLost ?? 0))}
            bars={dimensions.map((d) => ({
              key: d.dimension,
              label: `${label(d.dimension)}${d.assessed ? ` (weight ${percent(d.normalisedWeight, 0)})` : ' (not assessed)'}`,
              value: d.pointsLost ?? 0,
              text: d.assessed ? `−${(d.pointsLost ?? 0).toFixed(1)}` : '–',
              hint: d.assessed
                ? `${count(d.defects)} defective of ${count(d.assessable)} ${d.assessableLabel}: ${percent(d.ratio)} sound`
                : 'Nothing to assess in this dimension.',
            }))}
          />
          {breakdown && (
            <Text size="xs" c="dimmed" mt="xs">
              {breakdown.formula}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="xs">
          What each insight cost
        </Title>
        {costs.length === 0 ? (
          <Text c="dimmed">No insight cost any points.</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped data-testid="insight-costs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Check</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Dimension</Table.Th>
                  <Table.Th ta="right">Points</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {costs.map((c) => (
                  <Table.Tr key={c.insightIndex}>
                    <Table.Td>{label(c.check)}</Table.Td>
                    <Table.Td>{c.columnName ?? '(dataset)'}</Table.Td>
                    <Table.Td>{label(c.dimension)}</Table.Td>
                    <Table.Td ta="right">−{c.cost.toFixed(2)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
