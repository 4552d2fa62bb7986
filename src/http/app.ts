// The HTTP surface: liveness and readiness. The GraphQL endpoint joins it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/database.js';
import { databaseIsReady } from '../db/database.js';

export function createRequestHandler(db: Database) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return send(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const ready = await databaseIsReady(db.pool);
      return send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
    }
    return send(res, 404, { error: 'Not found' });
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
