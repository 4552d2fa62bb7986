import { Alert } from '@mantine/core';
import { ApiError } from '../api/client';

/** An error as the user should read it: the API's own message (it says what was wrong), and its code. */
export function ErrorNotice({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return (
    <Alert color="red" title={title} role="alert" my="sm">
      {message}
      {code ? ` (${code})` : ''}
    </Alert>
  );
}

export function NotFound({ what }: { what: string }) {
  return (
    <Alert color="gray" title={`No such ${what}`} my="sm" data-testid="not-found">
      It does not exist, or you are not a member of its workspace.
    </Alert>
  );
}
