import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { request } from '../api/client';
import { AcceptInvitation, CreateWorkspace } from '../api/documents';
import { ErrorNotice } from '../components/ErrorNotice';
import { label } from '../format';
import { Link, navigate, paths } from '../router';
import { useSession } from '../session';

export function HomePage() {
  const { viewer, reload } = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const workspaces = viewer.workspaces.edges.map((e) => e.node);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { createWorkspace } = await request(CreateWorkspace, { input: { name } });
      setName('');
      reload();
      navigate(paths.workspace(createWorkspace.id));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack>
      <Title order={2}>Workspaces</Title>
      {viewer.invitations.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="xs">
            Invitations
          </Title>
          {viewer.invitations.map((invitation) => (
            <Group key={invitation.id} justify="space-between">
              <Text>
                {invitation.invitedByName ?? 'Someone'} invites you to <b>{invitation.workspaceName}</b> as {label(invitation.role)}
              </Text>
              <Button
                size="xs"
                onClick={async () => {
                  await request(AcceptInvitation, { id: invitation.id }).catch(setError);
                  reload();
                }}
              >
                Accept
              </Button>
            </Group>
          ))}
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {workspaces.map((w) => (
          <Card key={w.id} withBorder component="article">
            <Group justify="space-between" wrap="nowrap">
              <Link to={paths.workspace(w.id)} fw={600}>
                {w.name}
              </Link>
              <Badge variant="light">{label(w.viewerRole)}</Badge>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {workspaces.length === 0 && <Text c="dimmed">No workspace yet: create one to upload datasets.</Text>}
      <Group component="form" onSubmit={create} align="flex-end">
        <TextInput label="New workspace" placeholder="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button type="submit">Create workspace</Button>
      </Group>
      {error !== null && <ErrorNotice error={error} />}
    </Stack>
  );
}
