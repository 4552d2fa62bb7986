// A GraphQL subscription over Server-Sent Events, read as it arrives (the
// stream of a followed workspace never ends by itself).
export type Sse<T> = { next(): Promise<T>; close(): void };

export async function subscribe<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Sse<T>> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  if (!response.headers.get('content-type')?.includes('text/event-stream'))
    throw new Error(`not an event stream: ${await response.text()}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const ready: T[] = [];
  return {
    async next() {
      while (ready.length === 0) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) ready.push(JSON.parse(data.slice(6)) as T);
        }
      }
      return ready.shift()!;
    },
    close: () => abort.abort(),
  };
}
