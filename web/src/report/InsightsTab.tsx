import { Badge, Button, Card, Code, CopyButton, Group, MultiSelect, Stack, Table, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { AnalysisInsights } from '../api/documents';
import { ErrorNotice } from '../components/ErrorNotice';
import { count, label, percent } from '../format';
import type { AnalysisInsightsQuery, InsightSeverity, InsightType } from '../gql/graphql';
import { AffectedRows } from './AffectedRows';

type Insight = Extract<NonNullable<AnalysisInsightsQuery['node']>, { __typename: 'Analysis' }>['insights']['edges'][number]['node'];

const SEVERITIES: InsightSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const TYPES: InsightType[] = ['MISSING_DATA', 'OUTLIERS', 'DUPLICATES', 'DATA_TYPE_MISMATCH', 'PATTERN_VIOLATION', 'QUALITY_ISSUE'];
export const severityColor: Record<InsightSeverity, string> = {
  CRITICAL: 'red',
  HIGH: 'orange',
  MEDIUM: 'yellow',
  LOW: 'blue',
  INFO: 'gray',
};

export function InsightsTab({ analysisId }: { analysisId: string }) {
  const [severity, setSeverity] = useState<string[]>([]);
  const [type, setType] = useState<string[]>([]);
  const [pages, setPages] = useState<{ insights: Insight[]; total: number; next: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [drill, setDrill] = useState<Insight | null>(null);
  const filter = { severity: severity.length ? (severity as InsightSeverity[]) : null, type: type.length ? (type as InsightType[]) : null };
  const key = JSON.stringify(filter);

  const load = async (after: string | null, previous: Insight[]) => {
    try {
      const data = await request(AnalysisInsights, { id: analysisId, filter: JSON.parse(key), after });
      const connection = data.node?.__typename === 'Analysis' ? data.node.insights : null;
      if (!connection) return;
      setPages({
        insights: [...previous, ...connection.edges.map((e) => e.node)],
        total: connection.totalCount,
        next: connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null,
      });
    } catch (e) {
      setError(e);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filter.
  useEffect(() => {
    setPages(null);
    void load(null, []);
  }, [analysisId, key]);

  return (
    <Stack>
      <Group align="flex-end">
        <MultiSelect
          label="Severity"
          placeholder="Any"
          data={SEVERITIES.map((s) => ({ value: s, label: label(s) }))}
          value={severity}
          onChange={setSeverity}
          clearable
          w={260}
        />
        <MultiSelect
          label="Type"
          placeholder="Any"
          data={TYPES.map((t) => ({ value: t, label: label(t) }))}
          value={type}
          onChange={setType}
          clearable
          w={320}
        />
        {pages && (
          <Text size="sm" c="dimmed" data-testid="insight-count">
            {count(pages.total)} insights
          </Text>
        )}
      </Group>
      {error !== null && <ErrorNotice error={error} />}
      {pages?.insights.map((insight) => (
        <InsightCard key={insight.id} insight={insight} onDrill={() => setDrill(insight)} />
      ))}
      {pages?.next && (
        <Button variant="light" onClick={() => load(pages.next, pages.insights)}>
          Show more insights
        </Button>
      )}
      {drill && <AffectedRows insight={drill} onClose={() => setDrill(null)} />}
    </Stack>
  );
}

function InsightCard({ insight, onDrill }: { insight: Insight; onDrill: () => void }) {
  const e = insight.evidence;
  return (
    <Card withBorder component="article" data-testid="insight">
      <Group gap="xs" mb="xs">
        <Badge color={severityColor[insight.severity]}>{label(insight.severity)}</Badge>
        <Badge variant="light">{label(insight.type)}</Badge>
        <Badge variant="outline">{insight.columnName ?? 'whole dataset'}</Badge>
        {e && (
          <Text size="xs" c="dimmed">
            {label(e.check)}
          </Text>
        )}
        {insight.cost !== null && insight.cost > 0 && (
          <Text size="xs" c="red">
            −{insight.cost.toFixed(2)} points
          </Text>
        )}
      </Group>
      <Text>{insight.description}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {insight.recommendation}
      </Text>
      {e && (
        <Group gap="lg" mt="xs">
          <Text size="sm">
            <b>
              {e.approximate ? '≈' : ''}
              {count(e.count)}
            </b>{' '}
            {e.unit.toLowerCase()}
            {e.share !== null && ` (${percent(e.share)})`}
          </Text>
          {e.threshold && (
            <Text size="sm" c="dimmed">
              threshold: {e.threshold.name} {e.threshold.value}
            </Text>
          )}
        </Group>
      )}
      {e && e.examples.length > 0 && (
        <Table.ScrollContainer minWidth={300} mt="xs">
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>Row</Table.Th>
                <Table.Th>Value</Table.Th>
                {e.examples.some((x) => x.count != null) && <Table.Th w={90}>Count</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.examples.map((x) => (
                <Table.Tr key={`${x.row ?? '-'}:${x.value}`}>
                  <Table.Td>{x.row ?? '–'}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }} c={x.value === '' ? 'dimmed' : undefined}>
                    {x.value === '' ? '(empty)' : x.value}
                  </Table.Td>
                  {e.examples.some((y) => y.count != null) && <Table.Td>{count(x.count)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {insight.code && (
        <Tabs defaultValue="pandas" mt="sm" variant="outline">
          <Tabs.List>
            <Tabs.Tab value="pandas">pandas</Tabs.Tab>
            <Tabs.Tab value="sql">SQL fix</Tabs.Tab>
            {insight.code.sql.affectedRows && <Tabs.Tab value="rows">SQL: affected rows</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="pandas">
            <CodeBlock code={insight.code.pandas} />
          </Tabs.Panel>
          <Tabs.Panel value="sql">
            <CodeBlock code={insight.code.sql.fix} />
          </Tabs.Panel>
          {insight.code.sql.affectedRows && (
            <Tabs.Panel value="rows">
              <CodeBlock code={insight.code.sql.affectedRows} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
      {insight.code?.sql.affectedRows && (
        <Group mt="sm">
          <Button size="xs" variant="light" onClick={onDrill}>
            Show the affected rows
          </Button>
        </Group>
      )}
    </Card>
  );
}

function CodeBlock({ code }: { code: string }) {
  return (
    <div style={{ position: 'relative' }}>
      <Code block style={{ maxHeight: 260, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {code}
      </Code>
      <CopyButton value={code}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant={copied ? 'filled' : 'default'}
            onClick={copy}
            style={{ position: 'absolute', top: 6, right: 6 }}
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </div>
  );
}
