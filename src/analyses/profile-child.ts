// The profiler in a process of its own, one per analysis: cancelling or
// timing out an analysis kills it, a file that crashes DuckDB takes only this
// process down (never the worker), and its memory goes back to the system
// when it ends. Messages: in { path, options }; out progress…, then profile or error.
import { profileFile, ProfilingError, type ProfileOptions } from '../profiling/index.js';

export type ChildRequest = { path: string; options: Pick<ProfileOptions, 'memoryLimit' | 'threads' | 'tempDirectory'> };
export type ChildMessage =
  | { type: 'progress'; phase: string; percent: number | null }
  | { type: 'profile'; profile: unknown }
  | { type: 'error'; profilingError: boolean; code: string | null; message: string };

const send = (message: ChildMessage) =>
  new Promise<void>((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, {}, () => resolve());
  });

// The worker that started it is gone (killed): stop at once, nobody is waiting for the result.
process.once('disconnect', () => process.exit(1));

process.once('message', (request: ChildRequest) => {
  profileFile(request.path, { ...request.options, onProgress: (p) => void send({ type: 'progress', phase: p.phase, percent: p.percent }) })
    .then((profile) => send({ type: 'profile', profile }))
    .catch((error: unknown) =>
      send({
        type: 'error',
        profilingError: error instanceof ProfilingError,
        code: error instanceof ProfilingError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      }),
    )
    .finally(() => process.connected && process.disconnect());
});
