// Every column of the analysis, in a virtualised list: only the rows on screen are in the page, and the
// columns are loaded 100 at a time (the API's page limit) as the list scrolls, so 1,000 columns cost what 20 do.
import { Badge, Box, Group, Text, TextInput } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../api/client';
import { AnalysisColumns } from '../api/documents';
import { ErrorNotice } from '../components/ErrorNotice';
import { count, label } from '../format';
import type { AnalysisColumnsQuery } from '../gql/graphql';
import { Link, paths } from '../router';

type Column = Extract<NonNullable<AnalysisColumnsQuery['node']>, { __typename: 'Analysis' }>['columnProfiles']['edges'][number]['node'];

const ROW_HEIGHT = 52;

export function ColumnsTab({ analysisId }: { analysisId: string }) {
  const [columns, setColumns] = useState<Column[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [find, setFind] = useState('');
  const next = useRef<string | null | undefined>(undefined);
  const loading = useRef(false);

  const loadMore = useCallback(async () => {
    if (loading.current || next.current === null) return;
    loading.current = true;
    try {
      const data = await request(AnalysisColumns, { id: analysisId, after: next.current ?? null });
      const connection = data.node?.__typename === 'Analysis' ? data.node.columnProfiles : null;
      if (!connection) return;
      next.current = connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null;
      setTotal(connection.totalCount);
      setColumns((previous) => [...previous, ...connection.edges.map((e) => e.node)]);
    } catch (e) {
      setError(e);
    } finally {
      loading.current = false;
    }
  }, [analysisId]);

  useEffect(() => {
    void loadMore();
  }, [loadMore]);

  const shown = find ? columns.filter((c) => c.columnName.toLowerCase().includes(find.toLowerCase())) : columns;
  const rows = find ? shown.length : (total ?? 0);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (!find && last && last.index >= columns.length - 20) void loadMore();
  }, [last, columns.length, find, loadMore]);

  return (
    <Box>
      {error !== null && <ErrorNotice error={error} />}
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed" data-testid="column-count">
          {count(total)} columns{find && total !== null && columns.length < total ? ` (searching the ${count(columns.length)} loaded)` : ''}
        </Text>
        <TextInput
          placeholder="Find a column"
          value={find}
          onChange={(e) => setFind(e.currentTarget.value)}
          w={240}
          aria-label="Find a column"
        />
      </Group>
      <div
        ref={scroller}
        style={{ height: '65vh', overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
        data-testid="column-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const column = shown[item.index];
            return (
              <div
                key={item.key}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <Group
                  h={ROW_HEIGHT}
                  px="sm"
                  justify="space-between"
                  wrap="nowrap"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  {column ? (
                    <>
                      <Link to={paths.column(column.id)} truncate="end" style={{ minWidth: 0 }}>
                        {column.columnName}
                      </Link>
                      <Group gap="xs" wrap="nowrap">
                        <Badge variant="light">{label(column.dataType)}</Badge>
                        <Text size="xs" c="dimmed" visibleFrom="sm" w={120} ta="right">
                          {count(column.nullCount)} missing
                        </Text>
                        <Text size="xs" c="dimmed" visibleFrom="sm" w={120} ta="right">
                          {count(column.uniqueCount)} distinct
                        </Text>
                      </Group>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      …
                    </Text>
                  )}
                </Group>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
