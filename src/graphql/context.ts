// What every resolver sees. The viewer is the user the request acts for; until
// sign-in exists the server never sets one (tests build the context directly).
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';

export type Viewer = { id: number };

export type GraphQLContext = {
  prisma: Db;
  viewer: Viewer | null;
  logger: Logger;
  /** Per-request dataloaders, by batch key. */
  loaders: Map<string, unknown>;
};

/** What the HTTP layer hands to each request; `viewer` comes from sign-in. */
export type ServerContext = { viewer?: Viewer | null };
