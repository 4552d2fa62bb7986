// After the rows are gone, their files go. A file that cannot be removed now
// is left to the storage sweep; the deletion itself has already succeeded.
import type { TransactionClient } from '../db/unit-of-work.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Storage } from './storage.js';

/** Every stored file of the datasets `where` finds: each one's versions' files and its current one. */
export async function storedFilesOf(db: Pick<TransactionClient, 'dataset'>, where: Prisma.DatasetWhereInput): Promise<string[]> {
  const datasets = await db.dataset.findMany({ where, select: { filePath: true, versions: { select: { filePath: true } } } });
  return [...new Set(datasets.flatMap((d) => [d.filePath, ...d.versions.map((v) => v.filePath)]))];
}

export async function removeFiles(ctx: { storage: Storage; logger: Logger }, storedPaths: string[]): Promise<void> {
  for (const storedPath of storedPaths) {
    await ctx.storage
      .remove(storedPath)
      .catch((error) => ctx.logger.warn('could not remove a deleted dataset’s file; the sweep will', { storedPath, error }));
  }
}
