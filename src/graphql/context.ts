// What every resolver sees. The viewer is the user a valid bearer token stands
// for (null when the request carries none).
import type { AnalysisEvents } from '../analyses/events.js';
import type { AnalysisQueue } from '../analyses/queue.js';
import type { Accounts } from '../auth/accounts.js';
import type { Viewer } from '../auth/viewer.js';
import type { Storage } from '../datasets/storage.js';
import type { ReaderOptions } from '../datasets/uploads/inspect-upload.js';
import type { Db } from '../db/client.js';
import type { Queryable } from '../db/sql.js';
import type { Logger } from '../logger.js';

export type { Viewer };

export type GraphQLContext = {
  /** Writes and single-row reads. */
  prisma: Db;
  /** The pool itself, for the batch loaders' SQL (src/graphql/loading). */
  pool: Queryable;
  viewer: Viewer | null;
  accounts: Accounts;
  storage: Storage;
  /** How uploads are read the first time (DuckDB's memory, threads and spill folder). */
  uploadReader: ReaderOptions;
  /** Where analyses are queued and their progress is published. */
  analyses: { queue: AnalysisQueue; events: AnalysisEvents };
  /** The client's network address, for sign-in throttling. */
  clientAddress: string | undefined;
  logger: Logger;
  /** Per-request dataloaders, by batch key. */
  loaders: Map<string, unknown>;
};

/** What the HTTP server hands to each request (node's IncomingMessage). */
export type ServerContext = { req?: { socket?: { remoteAddress?: string; destroy?: () => void } } };
