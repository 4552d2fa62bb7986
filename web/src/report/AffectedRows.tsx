// "Show the affected rows": the insight's own SQL run over the stored file by the API (Insight.affectedRows),
// one page at a time.
import { Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { InsightAffectedRows } from '../api/documents';
import { ErrorNotice } from '../components/ErrorNotice';
import { count } from '../format';
import type { InsightAffectedRowsQuery } from '../gql/graphql';

type Page = NonNullable<Extract<NonNullable<InsightAffectedRowsQuery['node']>, { __typename: 'Insight' }>['affectedRows']>;

const PAGE_SIZE = 25;

export function AffectedRows({ insight, onClose }: { insight: { id: string; description: string }; onClose: () => void }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const after = cursors[cursors.length - 1] ?? null;
  useEffect(() => {
    const abort = new AbortController();
    setPage(null);
    request(InsightAffectedRows, { id: insight.id, first: PAGE_SIZE, after }, abort.signal).then(
      (data) => setPage(data.node?.__typename === 'Insight' ? (data.node.affectedRows ?? null) : null),
      (e: unknown) => abort.signal.aborted || setError(e),
    );
    return () => abort.abort();
  }, [insight.id, after]);
  const first = (cursors.length - 1) * PAGE_SIZE;
  return (
    <Modal opened onClose={onClose} title="Affected rows" size="90%" data-testid="affected-rows">
      <Text size="sm" c="dimmed" mb="sm">
        {insight.description}
      </Text>
      {error !== null && <ErrorNotice error={error} />}
      {!page && error === null && <Text c="dimmed">Running the insight's SQL over the file…</Text>}
      {page && (
        <>
          <Text size="sm" mb="xs" data-testid="affected-rows-range">
            Rows {count(page.edges.length ? first + 1 : 0)}–{count(first + page.edges.length)} of {count(page.totalCount)}
          </Text>
          <Table.ScrollContainer minWidth={Math.min(2400, 120 * (page.columns.length + 1))}>
            <Table striped withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  {page.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.edges.map(({ cursor, node }) => (
                  <Table.Tr key={cursor}>
                    <Table.Td fw={600}>{node.row ?? '–'}</Table.Td>
                    {node.values.map((v, i) => (
                      <Table.Td key={page.columns[i]} c={v === null ? 'dimmed' : undefined}>
                        {v ?? 'NULL'}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="sm">
            <Button size="xs" variant="default" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor ?? null])}
            >
              Next
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
