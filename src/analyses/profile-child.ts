// The profiler in a process of its own: cancelling or timing out an analysis
// kills it, a file that crashes DuckDB takes only this process down (never the
// worker), and the worker keeps it warm between analyses (loading tsx and
// DuckDB costs about a second). One request at a time: in { path, options };
// out progress…, then profile or error.
import { serializeProfilingError, type SerializedProfilingError } from '../profiling/errors.js';
import { profileFile, ProfilingError, type ProfileOptions, type ProfileProgress } from '../profiling/index.js';

export type ChildRequest = { path: string; options: Pick<ProfileOptions, 'memoryLimit' | 'threads' | 'tempDirectory' | 'rowLimit'> };
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'progress'; phase: ProfileProgress['phase']; percent: number | null }
  | { type: 'profile'; profile: unknown }
  // A ProfilingError crosses whole (code, message, line); anything else as its message.
  | { type: 'error'; profilingError: SerializedProfilingError | null; message: string };

const send = (message: ChildMessage) =>
  new Promise<void>((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, {}, () => resolve());
  });

// The worker that started it is gone (killed): stop at once, nobody is waiting for the result.
process.once('disconnect', () => process.exit(1));

process.on('message', (request: ChildRequest) => {
  profileFile(request.path, { ...request.options, onProgress: (p) => void send({ type: 'progress', phase: p.phase, percent: p.percent }) })
    .then((profile) => send({ type: 'profile', profile }))
    .catch((error: unknown) =>
      send({
        type: 'error',
        profilingError: error instanceof ProfilingError ? serializeProfilingError(error) : null,
        message: error instanceof Error ? error.message : String(error),
      }),
    );
});

void send({ type: 'ready' });
