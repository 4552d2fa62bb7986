// A unit of work commits all or nothing (the seed's session: commit on success,
// roll back on any error). A write conflict or deadlock aborts the whole
// transaction, so repeating it is safe, and it is repeated.
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './client.js';
import { withRetry } from './transient.js';

type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0];

const isWriteConflict = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2034';

export function unitOfWork<T>(db: Db, work: (tx: TransactionClient) => Promise<T>): Promise<T> {
  return withRetry(() => db.$transaction(work), isWriteConflict);
}
