// Keeps storage and database in step: a file no dataset row and no dataset
// version points at (a crash between disk and database, a failed delete; an
// older version's file is no orphan) or an upload that never finished
// is removed once it is older than the grace period, which covers uploads that
// are still arriving or not yet recorded. In a bucket, an upload that never
// finished is an unfinished multipart upload (aborted), and local copies of
// stored files that a crash left in the scratch space go too.
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Storage } from './storage.js';

export type SweepResult = { kept: number; removed: string[] };

export async function sweepStorage(storage: Storage, prisma: Db, options: { graceMs: number; logger?: Logger }): Promise<SweepResult> {
  const cutoff = Date.now() - options.graceMs;
  const candidates: string[] = [];
  const removed: string[] = [];
  let kept = 0;
  for await (const file of storage.list()) {
    if (file.modifiedAt.getTime() > cutoff) kept++;
    else if (file.incoming) {
      await storage.remove(file.path);
      removed.push(file.path);
    } else candidates.push(file.path);
  }
  // Ask the database about the old files in batches.
  for (let i = 0; i < candidates.length; i += 1000) {
    const batch = candidates.slice(i, i + 1000);
    const [datasets, versions] = await Promise.all([
      prisma.dataset.findMany({ where: { filePath: { in: batch } }, select: { filePath: true } }),
      prisma.datasetVersion.findMany({ where: { filePath: { in: batch } }, select: { filePath: true } }),
    ]);
    const referenced = new Set([...datasets, ...versions].map((r) => r.filePath));
    for (const storedPath of batch) {
      if (referenced.has(storedPath)) kept++;
      else {
        await storage.remove(storedPath);
        removed.push(storedPath);
      }
    }
  }
  if (removed.length) options.logger?.info('storage sweep removed files without a dataset', { removed: removed.length });
  const localCopies = (await storage.sweepLocalCopies?.()) ?? 0;
  if (localCopies) options.logger?.info('storage sweep removed local copies a crash left behind', { removed: localCopies });
  return { kept, removed };
}
