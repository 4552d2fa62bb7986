// Profiles files in child processes (profile-child.ts), kept warm between
// analyses: one per concurrent analysis, replaced when it is killed (cancel,
// time limit), when it dies, and after a number of profiles (so memory a
// native allocator holds on to is given back).
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { deserializeProfilingError } from '../profiling/errors.js';
import type { DatasetProfile, ProfileProgress } from '../profiling/index.js';
import type { ChildMessage, ChildRequest } from './profile-child.js';

/** The child failed: not the file's fault as far as we know. */
export class ProfilerCrashed extends Error {}

/**
 * The child was lost mid-run (killed by the OOM killer or an operator, or it
 * died): like a lost worker, worth another attempt on a fresh child.
 */
export class ProfilerLost extends ProfilerCrashed {}

// Compiled (dist/, production) the child is JavaScript beside this file; from
// source (development, tests) it is TypeScript and runs through tsx.
const fromSource = import.meta.filename.endsWith('.ts');
const childModule = path.join(import.meta.dirname, fromSource ? 'profile-child.ts' : 'profile-child.js');
const PROFILES_PER_CHILD = 50;

type Child = { process: ChildProcess; ready: Promise<void>; profiles: number };

export class ProfilerProcesses {
  private readonly idle: Child[] = [];
  private readonly all = new Set<Child>();

  /** Starts `count` children now, so the first analyses do not wait for them. */
  warmUp(count: number): void {
    for (let i = this.idle.length; i < count; i++) this.idle.push(this.spawn());
  }

  profile(
    filePath: string,
    options: ChildRequest['options'],
    { signal, onProgress }: { signal: AbortSignal; onProgress: (phase: ProfileProgress['phase'], percent: number | null) => void },
  ): Promise<DatasetProfile> {
    const child = this.idle.pop() ?? this.spawn();
    return new Promise<DatasetProfile>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: { profile: DatasetProfile } | { error: unknown }, reusable: boolean) => {
        if (settled) return;
        settled = true;
        child.process.off('message', onMessage);
        child.process.off('exit', onExit);
        signal.removeEventListener('abort', onAbort);
        if (reusable && ++child.profiles < PROFILES_PER_CHILD && child.process.connected) this.idle.push(child);
        else this.retire(child);
        if ('profile' in outcome) resolve(outcome.profile);
        else reject(outcome.error);
      };
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'progress') onProgress(message.phase, message.percent);
        else if (message.type === 'profile') settle({ profile: message.profile as DatasetProfile }, true);
        else if (message.type === 'error' && message.profilingError)
          settle({ error: deserializeProfilingError(message.profilingError) }, true);
        else if (message.type === 'error') settle({ error: new ProfilerCrashed(`The profiler failed: ${message.message}`) }, false);
      };
      const onExit = (code: number | null, exitSignal: NodeJS.Signals | null) =>
        settle(
          { error: new ProfilerLost(`The profiler stopped unexpectedly (${exitSignal ? `signal ${exitSignal}` : `exit code ${code}`})`) },
          false,
        );
      const onAbort = () => settle({ error: signal.reason }, false);
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      child.process.on('message', onMessage);
      child.process.once('exit', onExit);
      child.ready.then(
        () => child.process.send({ path: filePath, options } satisfies ChildRequest),
        (error) => settle({ error }, false),
      );
    });
  }

  /** Kills every child (the worker is stopping). */
  close(): void {
    for (const child of this.all) this.retire(child);
    this.idle.length = 0;
  }

  private spawn(): Child {
    // The child runs as the server does (compiled, or TypeScript through tsx), and nothing of the parent's stdin.
    const process = fork(childModule, [], {
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      process.once('message', (message: ChildMessage) =>
        message.type === 'ready' ? resolve() : reject(new ProfilerCrashed('The profiler did not start')),
      );
      process.once('error', (error) => reject(new ProfilerCrashed(`The profiler could not run: ${error.message}`)));
      process.once('exit', (code) => reject(new ProfilerCrashed(`The profiler exited while starting (exit code ${code})`)));
    });
    ready.catch(() => {}); // observed by profile(); a warm-up child that fails is simply replaced
    const child = { process, ready, profiles: 0 };
    this.all.add(child);
    process.once('exit', () => {
      this.all.delete(child);
      const idleAt = this.idle.indexOf(child);
      if (idleAt >= 0) this.idle.splice(idleAt, 1);
    });
    return child;
  }

  private retire(child: Child): void {
    this.all.delete(child);
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  }
}
