import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { AnalysisCorrelations } from '../api/documents';
import { useQuery } from '../api/hooks';
import { HeatMap, type Pair } from '../charts/HeatMap';
import { ErrorNotice } from '../components/ErrorNotice';
import { count } from '../format';

const columnsOf = (pairs: Pair[]) => [...new Set(pairs.flatMap((p) => [p.a, p.b]))];

export function CorrelationsTab({ analysisId }: { analysisId: string }) {
  const query = useQuery(AnalysisCorrelations, { id: analysisId });
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const correlations = query.data.node?.__typename === 'Analysis' ? query.data.node.correlations : null;
  if (!correlations) return <Text c="dimmed">This analysis kept no correlations (it ran before they were stored).</Text>;
  const pearson: Pair[] = correlations.pearson.map((p) => ({ a: p.columns[0]!, b: p.columns[1]!, value: p.coefficient }));
  const cramers: Pair[] = correlations.cramersV.map((p) => ({ a: p.columns[0]!, b: p.columns[1]!, value: p.cramersV }));
  const strongest = [...pearson.map((p) => ({ ...p, kind: 'Pearson r' })), ...cramers.map((p) => ({ ...p, kind: "Cramér's V" }))]
    .sort((x, y) => Math.abs(y.value) - Math.abs(x.value))
    .slice(0, 15);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={4}>Numeric columns (Pearson r)</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {count(correlations.numericColumnsConsidered)} columns considered; red is positive, blue negative.
          </Text>
          {pearson.length ? (
            <HeatMap columns={columnsOf(pearson)} pairs={pearson} label="Pearson correlation heat map" />
          ) : (
            <Text c="dimmed">Fewer than two numeric columns.</Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={4}>Categorical columns (Cramér's V)</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {count(correlations.categoricalColumnsConsidered)} columns considered; 0 is independent, 1 one column fixes the other.
          </Text>
          {cramers.length ? (
            <HeatMap columns={columnsOf(cramers)} pairs={cramers} label="Cramér's V heat map" />
          ) : (
            <Text c="dimmed">Fewer than two categorical columns.</Text>
          )}
        </Card>
      </SimpleGrid>
      {strongest.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="xs">
            Strongest pairs
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Tbody>
                {strongest.map((p) => (
                  <Table.Tr key={`${p.kind}-${p.a}-${p.b}`}>
                    <Table.Td>
                      {p.a} × {p.b}
                    </Table.Td>
                    <Table.Td>{p.kind}</Table.Td>
                    <Table.Td ta="right">{p.value.toFixed(3)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
