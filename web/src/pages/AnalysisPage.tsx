import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { AnalysisReport } from '../api/documents';
import { useQuery } from '../api/hooks';
import { ErrorNotice, NotFound } from '../components/ErrorNotice';
import { label } from '../format';
import { ColumnsTab } from '../report/ColumnsTab';
import { CorrelationsTab } from '../report/CorrelationsTab';
import { DuplicatesTab } from '../report/DuplicatesTab';
import { InsightsTab } from '../report/InsightsTab';
import { LiveProgress } from '../report/LiveProgress';
import { Overview } from '../report/Overview';
import { Link, navigate, paths, useLocation } from '../router';

const TABS = ['overview', 'insights', 'columns', 'correlations', 'duplicates'] as const;

export function AnalysisPage({ id }: { id: string }) {
  const query = useQuery(AnalysisReport, { id });
  const { search } = useLocation();
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const analysis = query.data.node?.__typename === 'Analysis' ? query.data.node : null;
  if (!analysis) return <NotFound what="analysis" />;
  const tab = TABS.find((t) => t === search.get('tab')) ?? 'overview';
  const finished = analysis.status === 'COMPLETED' || analysis.status === 'FAILED';

  return (
    <Stack>
      <Text size="sm">
        <Link to={paths.workspace(analysis.dataset.workspace.id)}>{analysis.dataset.workspace.name}</Link> /{' '}
        <Link to={paths.dataset(analysis.dataset.id)}>{analysis.dataset.name}</Link> /
      </Text>
      <Group>
        <Title order={2}>Report</Title>
        <Badge variant="light">{label(analysis.goalType)}</Badge>
        {analysis.targetColumn && <Badge variant="outline">target: {analysis.targetColumn}</Badge>}
        <Badge
          color={analysis.status === 'FAILED' ? 'red' : analysis.status === 'COMPLETED' ? 'green' : 'blue'}
          data-testid="analysis-status"
        >
          {label(analysis.status)}
        </Badge>
      </Group>
      {!finished && <LiveProgress id={id} initial={analysis.progress} onFinished={query.reload} />}
      {analysis.status === 'FAILED' && (
        <ErrorNotice error={new Error(analysis.errorMessage ?? 'The analysis failed.')} title="The analysis failed" />
      )}
      {analysis.status === 'COMPLETED' && (
        <Tabs value={tab} onChange={(value) => navigate(paths.analysis(id, value ?? undefined), true)} keepMounted={false}>
          <Tabs.List>
            {TABS.map((t) => (
              <Tabs.Tab key={t} value={t}>
                {label(t)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Overview analysis={analysis} />
          </Tabs.Panel>
          <Tabs.Panel value="insights" pt="md">
            <InsightsTab analysisId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="columns" pt="md">
            <ColumnsTab analysisId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="correlations" pt="md">
            <CorrelationsTab analysisId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="duplicates" pt="md">
            <DuplicatesTab analysisId={id} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
