import { Button, Card, FileButton, Group, Progress, Select, SimpleGrid, Stack, Table, TagsInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { request, upload } from '../api/client';
import { DatasetPage as Query, StartAnalysis, UploadDatasetVersion } from '../api/documents';
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
  const [uploading, setUploading] = useState<number | null>(null);
  const [compare, setCompare] = useState<{ base: string | null; target: string | null }>({ base: null, target: null });
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const dataset = query.data.node?.__typename === 'Dataset' ? query.data.node : null;
  if (!dataset) return <NotFound what="dataset" />;

  const uploadVersion = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setUploading(0);
    try {
      await upload(UploadDatasetVersion, { datasetId: id, file: null }, 'file', file, setUploading);
      query.reload();
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
    }
  };
  const completed = dataset.analyses.edges
    .map((e) => e.node)
    .filter((a) => a.status === 'COMPLETED')
    .map((a) => ({ value: a.id, label: `v${a.datasetVersion?.version ?? '?'} · ${label(a.goalType)} · ${date(a.completedAt)}` }));

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
        <Group justify="space-between" mb="sm">
          <Title order={3}>Versions</Title>
          {canEdit(dataset.workspace.viewerRole) && (
            <FileButton onChange={uploadVersion} accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,.parquet">
              {(props) => (
                <Button {...props} variant="light" disabled={uploading !== null} data-testid="upload-version">
                  Upload a new version
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {uploading !== null && <Progress value={uploading * 100} animated mb="sm" aria-label="Upload progress" />}
        <Table.ScrollContainer minWidth={420}>
          <Table striped data-testid="versions">
            <Table.Tbody>
              {dataset.versions.edges.map(({ node: v }) => (
                <Table.Tr key={v.id}>
                  <Table.Td>v{v.version}</Table.Td>
                  <Table.Td>{v.originalFilename}</Table.Td>
                  <Table.Td>
                    {count(v.rowCount)} × {count(v.columnCount)}
                  </Table.Td>
                  <Table.Td>{bytes(v.fileSize)}</Table.Td>
                  <Table.Td>{date(v.uploadedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      {completed.length >= 2 && (
        <Card withBorder>
          <Title order={3} mb="sm">
            Compare two analyses
          </Title>
          <Group align="flex-end">
            <Select label="Base" data={completed} value={compare.base} onChange={(base) => setCompare((c) => ({ ...c, base }))} w={320} />
            <Select
              label="Target"
              data={completed}
              value={compare.target}
              onChange={(target) => setCompare((c) => ({ ...c, target }))}
              w={320}
            />
            <Button
              disabled={!compare.base || !compare.target || compare.base === compare.target}
              onClick={() => compare.base && compare.target && navigate(paths.compare(compare.base, compare.target))}
            >
              Compare
            </Button>
          </Group>
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
                <Table.Th>Version</Table.Th>
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
                  <Table.Td>v{a.datasetVersion?.version ?? '?'}</Table.Td>
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
