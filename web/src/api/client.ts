// The one way the app talks to the API: POST /graphql with a codegen-typed document, the session's token in
// `Authorization`. Uploads go as a GraphQL multipart request (through XMLHttpRequest, the only browser API that
// reports upload progress); subscriptions as Server-Sent Events read from a fetch stream (EventSource cannot
// POST or send the token).
import type { TypedDocumentString } from '../gql/graphql';

const ENDPOINT = '/graphql';
const TOKEN_KEY = 'datainsight.token';

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** A GraphQL error as the API reports it: its message and `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = session.token();
  return { ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

function unwrap<T>(body: GraphQLResponse<T>): T {
  const error = body.errors?.[0];
  if (error) {
    if (error.extensions?.code === 'UNAUTHENTICATED') session.clear();
    throw new ApiError(error.message, error.extensions?.code ?? null);
  }
  if (!body.data) throw new ApiError('The server sent no data.', null);
  return body.data;
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' }),
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  const body = (await response.json().catch(() => null)) as GraphQLResponse<TResult> | null;
  if (!body) throw new ApiError(`The server answered ${response.status} without a GraphQL result.`, null);
  return unwrap(body);
}

/** Sends `file` as the variable `fileVariable` (multipart request spec); `onProgress` gets 0–1 as bytes leave. */
export function upload<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  fileVariable: keyof TVariables & string,
  file: File,
  onProgress: (share: number) => void,
): Promise<TResult> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: document.toString(), variables: { ...variables, [fileVariable]: null } }));
  form.append('map', JSON.stringify({ 0: [`variables.${fileVariable}`] }));
  form.append('0', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ENDPOINT);
    for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onerror = () => reject(new ApiError('The upload failed: the server could not be reached.', null));
    xhr.onload = () => {
      try {
        resolve(unwrap(JSON.parse(xhr.responseText) as GraphQLResponse<TResult>));
      } catch (error) {
        reject(
          error instanceof ApiError ? error : new ApiError(`The server answered ${xhr.status}: ${xhr.responseText.slice(0, 200)}`, null),
        );
      }
    };
    xhr.send(form);
  });
}

/** Follows a subscription until the server completes it or `signal` aborts; each event's data goes to onNext. */
export async function subscribe<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onNext: (data: TResult) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  if (!response.body) throw new ApiError(`The server answered ${response.status} without a stream.`, null);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // Events end with a blank line; each carries `event:` and `data:` lines.
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (/^event: complete$/m.test(event)) return;
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) onNext(unwrap(JSON.parse(data) as GraphQLResponse<TResult>));
    }
  }
}
