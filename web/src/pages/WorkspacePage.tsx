import { ActionIcon, Badge, Button, Card, FileButton, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { request, upload } from '../api/client';
import {
  ChangeMemberRole,
  DeleteDataset,
  InviteMember,
  RemoveMember,
  RenameWorkspace,
  UploadDataset,
  WorkspacePage as Query,
} from '../api/documents';
import { useQuery } from '../api/hooks';
import { ErrorNotice, NotFound } from '../components/ErrorNotice';
import { ScoreBadge } from '../components/ScoreBadge';
import { bytes, count, date, label } from '../format';
import type { WorkspaceRole } from '../gql/graphql';
import { Link, navigate, paths } from '../router';
import { canEdit, canManage, useSession } from '../session';

const ROLES: WorkspaceRole[] = ['OWNER', 'EDITOR', 'VIEWER'];

export function WorkspacePage({ id }: { id: string }) {
  const query = useQuery(Query, { id });
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState<{ name: string; share: number } | null>(null);
  if (query.error) return <ErrorNotice error={query.error} />;
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const workspace = query.data.node?.__typename === 'Workspace' ? query.data.node : null;
  if (!workspace) return <NotFound what="workspace" />;
  const role = workspace.viewerRole;
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      query.reload();
    } catch (e) {
      setError(e);
    }
  };

  const send = (file: File | null) =>
    file &&
    run(async () => {
      setUploading({ name: file.name, share: 0 });
      try {
        const { uploadDataset } = await upload(UploadDataset, { workspaceId: id, file: null, name: null }, 'file', file, (share) =>
          setUploading({ name: file.name, share }),
        );
        navigate(paths.dataset(uploadDataset.id));
      } finally {
        setUploading(null);
      }
    });

  return (
    <Stack>
      <WorkspaceTitle
        name={workspace.name}
        editable={canManage(role)}
        onRename={(name) => run(() => request(RenameWorkspace, { id, input: { name } }))}
      />
      <Text size="sm" c="dimmed">
        Your role: <Badge variant="light">{label(role)}</Badge>
      </Text>
      {error !== null && <ErrorNotice error={error} />}

      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>Datasets ({count(workspace.datasets.totalCount)})</Title>
          {canEdit(role) && (
            <FileButton onChange={send} accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,.parquet">
              {(props) => (
                <Button {...props} disabled={uploading !== null} data-testid="upload-button">
                  Upload a dataset
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {uploading && (
          <Stack gap={4} mb="sm" data-testid="upload-progress">
            <Text size="sm">
              Uploading {uploading.name}: {Math.round(uploading.share * 100)} %
            </Text>
            <Progress value={uploading.share * 100} animated />
          </Stack>
        )}
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Rows × columns</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Uploaded</Table.Th>
                {canEdit(role) && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workspace.datasets.edges.map(({ node: d }) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Link to={paths.dataset(d.id)}>{d.name}</Link>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={d.status === 'FAILED' ? 'red' : d.status === 'COMPLETED' ? 'green' : 'blue'}>
                      {label(d.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{bytes(d.fileSize)}</Table.Td>
                  <Table.Td>
                    {count(d.rowCount)} × {count(d.columnCount)}
                  </Table.Td>
                  <Table.Td>
                    {d.latestAnalysis ? <ScoreBadge score={d.latestAnalysis.qualityScore} status={d.latestAnalysis.status} /> : '–'}
                  </Table.Td>
                  <Table.Td>{date(d.uploadedAt)}</Table.Td>
                  {canEdit(role) && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${d.name}`}
                        onClick={() =>
                          window.confirm(`Delete ${d.name} and its analyses?`) && run(() => request(DeleteDataset, { id: d.id }))
                        }
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {workspace.datasets.edges.length === 0 && <Text c="dimmed">No dataset yet.</Text>}
      </Card>

      <Card withBorder>
        <Title order={3} mb="sm">
          Members
        </Title>
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Tbody>
              {workspace.members.edges.map(({ node: m }) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    {m.user.fullName}
                    <Text size="xs" c="dimmed">
                      {m.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage(role) && m.user.id !== workspace.owner.id ? (
                      <Select
                        aria-label={`Role of ${m.user.fullName}`}
                        data={ROLES.filter((r) => r !== 'OWNER').map((r) => ({ value: r, label: label(r) }))}
                        value={m.role}
                        allowDeselect={false}
                        onChange={(value) =>
                          value && run(() => request(ChangeMemberRole, { id: m.id, input: { role: value as WorkspaceRole } }))
                        }
                        w={140}
                      />
                    ) : (
                      <Badge variant="light">{label(m.role)}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canManage(role) && m.user.id !== session.viewer.id && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => run(() => request(RemoveMember, { id: m.id }))}>
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {workspace.invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline">Invited as {label(invitation.role)}</Badge>
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {canManage(role) && (
          <InviteForm onInvite={(email, r) => run(() => request(InviteMember, { input: { workspaceId: id, email, role: r } }))} />
        )}
      </Card>
    </Stack>
  );
}

function WorkspaceTitle({ name, editable, onRename }: { name: string; editable: boolean; onRename: (name: string) => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing === null)
    return (
      <Group>
        <Title order={2}>{name}</Title>
        {editable && (
          <Button size="xs" variant="light" onClick={() => setEditing(name)}>
            Rename
          </Button>
        )}
      </Group>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRename(editing);
    setEditing(null);
  };
  return (
    <Group component="form" onSubmit={submit}>
      <TextInput aria-label="Workspace name" value={editing} onChange={(e) => setEditing(e.currentTarget.value)} required />
      <Button type="submit" size="xs">
        Save
      </Button>
      <Button size="xs" variant="subtle" onClick={() => setEditing(null)}>
        Cancel
      </Button>
    </Group>
  );
}

function InviteForm({ onInvite }: { onInvite: (email: string, role: WorkspaceRole) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('VIEWER');
  return (
    <Group
      component="form"
      mt="sm"
      align="flex-end"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onInvite(email, role);
        setEmail('');
      }}
    >
      <TextInput label="Invite by email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
      <Select
        label="Role"
        data={ROLES.filter((r) => r !== 'OWNER').map((r) => ({ value: r, label: label(r) }))}
        value={role}
        allowDeselect={false}
        onChange={(value) => value && setRole(value as WorkspaceRole)}
        w={140}
      />
      <Button type="submit">Invite</Button>
    </Group>
  );
}
