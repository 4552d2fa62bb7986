// The storage the configuration names (STORAGE_URL): a local directory, or a
// bucket of an S3-compatible object store. The server and the workers build
// theirs here, so they always agree on where files are. The AWS SDK is loaded
// only for object storage.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { LocalDirectoryStorage, type Storage } from './storage.js';

export async function createStorage(config: Pick<Config, 'storage' | 'analyses'>, logger?: Logger): Promise<Storage> {
  const { location, scratchDir, sweepIntervalSeconds } = config.storage;
  if (location.kind === 'file') return new LocalDirectoryStorage(location.dir);
  const { S3Storage } = await import('./s3-storage.js');
  return new S3Storage({
    location,
    scratchDir,
    // No read outlives an analysis' time limit, and an upload's copy is written to until its read: a copy
    // older than both (and the sweep's grace) is a crash's leftover.
    scratchMaxAgeMs: (Math.max(sweepIntervalSeconds, config.analyses.timeLimitSeconds) + 3600) * 1000,
    logger,
  });
}

/**
 * At start: say where the files are, and warn when an object store cannot be reached (in the background:
 * start-up does not wait for it, and the process serves and works anyway; uploads and reads say so).
 */
export function announceStorage(storage: Storage, logger: Logger): void {
  logger.info('dataset storage', { storage: storage.description });
  const check = (storage as { check?: () => Promise<void> }).check;
  void check?.call(storage).catch((error) => logger.warn('the object store cannot be reached', { storage: storage.description, error }));
}
