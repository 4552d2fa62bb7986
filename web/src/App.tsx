import { AppShell, Button, Center, Container, Group, Loader, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { request, session } from './api/client';
import { LogOut, Viewer } from './api/documents';
import { useQuery } from './api/hooks';
import { ErrorNotice } from './components/ErrorNotice';
import { AnalysisPage } from './pages/AnalysisPage';
import { AuthPage } from './pages/AuthPage';
import { ColumnPage } from './pages/ColumnPage';
import { ComparePage } from './pages/ComparePage';
import { DatasetPage } from './pages/DatasetPage';
import { HomePage } from './pages/HomePage';
import { WorkspacePage } from './pages/WorkspacePage';
import { Link, match, navigate, paths, useLocation } from './router';
import { SessionContext } from './session';

export function App() {
  const { path } = useLocation();
  const [signedIn, setSignedIn] = useState(() => session.token() !== null);
  if (!signedIn || path === paths.signIn() || path === paths.signUp()) {
    return (
      <AuthPage
        mode={path === paths.signUp() ? 'signUp' : 'signIn'}
        onSignedIn={() => {
          setSignedIn(true);
          navigate(paths.home(), true);
        }}
      />
    );
  }
  return <SignedIn onSignedOut={() => setSignedIn(false)} />;
}

function SignedIn({ onSignedOut }: { onSignedOut: () => void }) {
  const viewer = useQuery(Viewer, {});
  const { path, search } = useLocation();
  if (viewer.error) {
    if (!session.token()) {
      onSignedOut();
      return null;
    }
    return <ErrorNotice error={viewer.error} />;
  }
  if (!viewer.data)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  const signOut = async () => {
    await request(LogOut, {}).catch(() => {});
    session.clear();
    onSignedOut();
    navigate(paths.signIn(), true);
  };
  return (
    <SessionContext.Provider value={{ viewer: viewer.data.viewer, reload: viewer.reload, signOut }}>
      <AppShell header={{ height: 56 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Link to={paths.home()} underline="never" c="inherit">
              <Title order={4}>DataInsight Pro</Title>
            </Link>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" visibleFrom="xs" data-testid="viewer-name">
                {viewer.data.viewer.fullName}
              </Text>
              <Button variant="subtle" size="xs" onClick={signOut}>
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          <Container size="xl" px={0}>
            <Route path={path} search={search} />
          </Container>
        </AppShell.Main>
      </AppShell>
    </SessionContext.Provider>
  );
}

function Route({ path, search }: { path: string; search: URLSearchParams }) {
  let params: Record<string, string> | null;
  if (path === '/compare')
    return <ComparePage key={search.toString()} baseId={search.get('base') ?? ''} targetId={search.get('target') ?? ''} />;
  if ((params = match('/workspaces/:id', path))) return <WorkspacePage key={params['id']} id={params['id']!} />;
  if ((params = match('/datasets/:id', path))) return <DatasetPage key={params['id']} id={params['id']!} />;
  if ((params = match('/analyses/:id', path))) return <AnalysisPage key={params['id']} id={params['id']!} />;
  if ((params = match('/columns/:id', path))) return <ColumnPage key={params['id']} id={params['id']!} />;
  return <HomePage />;
}
