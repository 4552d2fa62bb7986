import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { request, session } from '../api/client';
import { LogIn, SignUp } from '../api/documents';
import { ErrorNotice } from '../components/ErrorNotice';
import { Link, paths } from '../router';

export function AuthPage({ mode, onSignedIn }: { mode: 'signIn' | 'signUp'; onSignedIn: () => void }) {
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const signUp = mode === 'signUp';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = signUp
        ? (await request(SignUp, { input: { email, password, fullName } })).signUp.token
        : (await request(LogIn, { input: { email, password } })).logIn.token;
      session.set(token);
      onSignedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w="100%" maw={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={2}>{signUp ? 'Create your account' : 'Sign in to DataInsight Pro'}</Title>
          {signUp && <TextInput label="Full name" required value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} />}
          <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput
            label="Password"
            required
            description={signUp ? 'At least 8 characters.' : undefined}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {error !== null && <ErrorNotice error={error} title={signUp ? 'Could not sign up' : 'Could not sign in'} />}
          <Button type="submit" loading={busy}>
            {signUp ? 'Sign up' : 'Sign in'}
          </Button>
          <Text size="sm" c="dimmed">
            {signUp ? 'Already have an account? ' : 'New here? '}
            {signUp ? <Link to={paths.signIn()}>Sign in</Link> : <Link to={paths.signUp()}>Create an account</Link>}
          </Text>
          <Anchor href="/graphql" size="xs" c="dimmed">
            GraphiQL
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
