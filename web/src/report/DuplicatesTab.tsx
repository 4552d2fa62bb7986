import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { AnalysisDuplicates } from '../api/documents';
import { useQuery } from '../api/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { count, percent } from '../format';

export function DuplicatesTab({ analysisId }: { analysisId: string }) {
  const query = useQuery(AnalysisDuplicates, { id: analysisId });
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const analysis = query.data.node?.__typename === 'Analysis' ? query.data.node : null;
  const duplicates = analysis?.duplicateRows;
  if (!duplicates) return <Text c="dimmed">This analysis kept no duplicate-row facts (it ran before they were stored).</Text>;
  return (
    <Card withBorder>
      <Stack>
        <Title order={4} data-testid="duplicate-summary">
          {duplicates.count === 0
            ? 'No row repeats another.'
            : `${count(duplicates.count)} of ${count(analysis?.dataset.rowCount)} rows (${percent(duplicates.share)}) repeat an earlier row.`}
        </Title>
        {duplicates.groups.length > 0 && (
          <>
            <Text size="sm" c="dimmed">
              The first groups of identical rows (row numbers are the file's data rows; the insights' "Show the affected rows" lists the
              cells).
            </Text>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rows</Table.Th>
                  <Table.Th ta="right">Copies</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {duplicates.groups.map((g) => (
                  <Table.Tr key={g.rows.join(',')}>
                    <Table.Td>{g.rows.join(', ')}</Table.Td>
                    <Table.Td ta="right">{count(g.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
