// The GraphQL server on a real TCP port, as `npm start` serves it, for tests
// that need what only real HTTP has: multipart bodies streamed in chunks,
// clients that disconnect, connections the server closes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Storage } from '../../src/datasets/storage.js';
import type { TestApi } from './api.js';

export type HttpServer = { url: string; server: Server; close: () => Promise<void> };

export async function listen(api: Pick<TestApi<Storage>, 'yoga'>): Promise<HttpServer> {
  const server = createServer(api.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
