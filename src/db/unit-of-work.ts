// A unit of work commits all or nothing (the seed's session: commit on success,
// roll back on any error). A write conflict or deadlock aborts the whole
// transaction, so repeating it is safe, and it is repeated.
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './client.js';
import { withRetry } from './transient.js';

export type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0];

const isWriteConflict = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2034';

/** Every transaction of the application goes through here. `timeout`: for one that writes a large result (ms). */
export function unitOfWork<T>(db: Db, work: (tx: TransactionClient) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  return withRetry(() => db.$transaction(work, options), isWriteConflict);
}
