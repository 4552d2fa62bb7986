// After the rows are gone, their files go. A file that cannot be removed now
// is left to the storage sweep; the deletion itself has already succeeded.
import type { Logger } from '../logger.js';
import type { Storage } from './storage.js';

export async function removeFiles(ctx: { storage: Storage; logger: Logger }, storedPaths: string[]): Promise<void> {
  for (const storedPath of storedPaths) {
    await ctx.storage
      .remove(storedPath)
      .catch((error) => ctx.logger.warn('could not remove a deleted dataset’s file; the sweep will', { storedPath, error }));
  }
}
