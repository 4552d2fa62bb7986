import { Button, Card, Group, Select, SimpleGrid, Stack, Table, TagsInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { request } from '../api/client';
import { DatasetPage as Query, StartAnalysis } from '../api/documents';
import { useQuery } from '../api/hooks';
import { ErrorNotice, NotFound } from '../components/ErrorNotice';
import { ScoreBadge } from '../components/ScoreBadge';
import { Stat } from '../components/Stat';
import { bytes, count, date, label } from '../format';
import type { AnalysisGoalType } from '../gql/graphql';
import { Link, navigate, paths } from '../router';
import { canEdit } from '../session';

const GOALS: { value: AnalysisGoalType; label: string }[] = [
  { value: 'DATA_QUALITY', label: 'Data quality' },
  { value: 'GENERAL_AUDIT', label: 'General audit' },
  { value: 'ML_PREPARATION', label: 'ML preparation' },
  { value: 'EXPLORATORY', label: 'Exploratory' },
];

export function DatasetPage({ id }: { id: string }) {
  const query = useQuery(Query, { id });
  const [goal, setGoal] = useState<AnalysisGoalType>('DATA_QUALITY');
  const [target, setTarget] = useState<string | null>(null);
  const [markers, setMarkers] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const dataset = query.data.node?.__typename === 'Dataset' ? query.data.node : null;
  if (!dataset) return <NotFound what="dataset" />;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const options = { targetColumn: target, missingValueMarkers: markers.length ? markers : null };
      const { startAnalysis } = await request(StartAnalysis, { datasetId: id, goalType: goal, options });
      navigate(paths.analysis(startAnalysis.id));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm">
        <Link to={paths.workspace(dataset.workspace.id)}>{dataset.workspace.name}</Link> /
      </Text>
      <Title order={2}>{dataset.name}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Status" value={label(dataset.status)} />
        <Stat label="Rows" value={count(dataset.rowCount)} />
        <Stat label="Columns" value={count(dataset.columnCount)} />
        <Stat label="Size" value={`${bytes(dataset.fileSize)}${dataset.format ? ` ${dataset.format}` : ''}`} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {dataset.originalFilename} · uploaded {date(dataset.uploadedAt)} · SHA-256 {dataset.sha256}
      </Text>

      {canEdit(dataset.workspace.viewerRole) && (
        <Card withBorder>
          <Title order={3} mb="sm">
            Start an analysis
          </Title>
          <Group align="flex-end">
            <Select
              label="Goal"
              data={GOALS}
              value={goal}
              allowDeselect={false}
              onChange={(value) => value && setGoal(value as AnalysisGoalType)}
              w={200}
            />
            <Select
              label="Target column"
              placeholder="None"
              clearable
              searchable
              limit={200}
              data={(dataset.columns ?? []).map((c) => c.name)}
              value={target}
              onChange={setTarget}
              w={240}
            />
            <TagsInput label="Extra missing-value markers" placeholder="e.g. n/a, -999" value={markers} onChange={setMarkers} w={260} />
            <Button onClick={start} loading={busy} data-testid="start-analysis">
              Analyse
            </Button>
          </Group>
          {error !== null && <ErrorNotice error={error} />}
        </Card>
      )}

      <Card withBorder>
        <Title order={3} mb="sm">
          Analyses
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Goal</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dataset.analyses.edges.map(({ node: a }) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{label(a.goalType)}</Table.Td>
                  <Table.Td>{a.targetColumn ?? '–'}</Table.Td>
                  <Table.Td>
                    <ScoreBadge score={a.qualityScore} status={a.status} />
                  </Table.Td>
                  <Table.Td>{date(a.createdAt)}</Table.Td>
                  <Table.Td>
                    <Link to={paths.analysis(a.id)}>Open report</Link>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {dataset.analyses.edges.length === 0 && <Text c="dimmed">No analysis yet.</Text>}
      </Card>
    </Stack>
  );
}
