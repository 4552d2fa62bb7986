// Runs the profiler in a child process (profile-child.ts) and waits for it.
import { fork } from 'node:child_process';
import path from 'node:path';
import { ProfilingError, type DatasetProfile } from '../profiling/index.js';
import type { ChildMessage, ChildRequest } from './profile-child.js';

/** The child died or broke off: not the file's fault as far as we know. */
export class ProfilerCrashed extends Error {}

const childModule = path.join(import.meta.dirname, 'profile-child.ts');

export function profileInChildProcess(
  filePath: string,
  options: ChildRequest['options'],
  { signal, onProgress }: { signal: AbortSignal; onProgress: (phase: string, percent: number | null) => void },
): Promise<DatasetProfile> {
  return new Promise((resolve, reject) => {
    // The child runs TypeScript like the server does (tsx), and nothing of the parent's stdin.
    const child = fork(childModule, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', kill);
      action();
    };
    const kill = () => {
      child.kill('SIGKILL');
      settle(() => reject(signal.reason));
    };
    if (signal.aborted) return kill();
    signal.addEventListener('abort', kill, { once: true });

    child.on('message', (message: ChildMessage) => {
      if (message.type === 'progress') onProgress(message.phase, message.percent);
      else if (message.type === 'profile') settle(() => resolve(message.profile as DatasetProfile));
      else if (message.profilingError) settle(() => reject(new ProfilingError(message.code as ProfilingError['code'], message.message)));
      else settle(() => reject(new ProfilerCrashed(`The profiler failed: ${message.message}`)));
    });
    child.on('error', (error) => settle(() => reject(new ProfilerCrashed(`The profiler could not run: ${error.message}`))));
    child.on('exit', (code, exitSignal) =>
      settle(() => reject(new ProfilerCrashed(`The profiler stopped unexpectedly (${exitSignal ? `signal ${exitSignal}` : `exit code ${code}`})`))),
    );
    child.send({ path: filePath, options } satisfies ChildRequest);
  });
}

