// A ProfilingError crosses the profiler's process boundary whole: code,
// message and line, and it is a ProfilingError again on the other side.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  deserializeProfilingError,
  isSerializedProfilingError,
  ProfilingError,
  profilingErrorCodes,
  serializeProfilingError,
} from '../../src/profiling/errors.js';

/** Sends a message to a child process over IPC (Node's default JSON serialization) and returns what it sends back. */
function echoThroughChild(message: unknown): Promise<unknown> {
  const child = spawn(process.execPath, ['-e', "process.once('message', (m) => process.send(m, () => process.disconnect()))"], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
    child.send(message as never);
  });
}

describe('ProfilingError across a process boundary', () => {
  it('as it is, arrives as a plain object without its message', async () => {
    const echoed = (await echoThroughChild(new ProfilingError('RAGGED_ROWS', 'line 3: 2 fields where the header has 3', 3))) as Record<
      string,
      unknown
    >;
    expect(echoed).not.toBeInstanceOf(ProfilingError);
    expect(echoed.message).toBeUndefined();
  });

  it('serialized, arrives with its code, message and line, and is a ProfilingError again', async () => {
    const error = new ProfilingError('RAGGED_ROWS', 'line 3: 2 fields where the header has 3', 3, { cause: new Error('duckdb') });
    const echoed = await echoThroughChild({ type: 'error', profilingError: serializeProfilingError(error) });
    const { profilingError } = echoed as { profilingError: unknown };
    expect(isSerializedProfilingError(profilingError)).toBe(true);
    const rebuilt = deserializeProfilingError(profilingError as never);
    expect(rebuilt).toBeInstanceOf(ProfilingError);
    expect(rebuilt).toMatchObject({
      name: 'ProfilingError',
      code: 'RAGGED_ROWS',
      message: 'line 3: 2 fields where the header has 3',
      line: 3,
    });
  });

  it('keeps a missing line as null, for every code', () => {
    for (const code of profilingErrorCodes) {
      const data = JSON.parse(JSON.stringify(serializeProfilingError(new ProfilingError(code, `problem ${code}`))));
      expect(data).toEqual({ code, message: `problem ${code}`, line: null });
      expect(deserializeProfilingError(data)).toMatchObject({ code, line: null });
    }
  });

  it('refuses what is not a serialized ProfilingError', () => {
    for (const value of [
      null,
      'x',
      {},
      { code: 'NOPE', message: 'm', line: null },
      { code: 'ENGINE', message: 1, line: null },
      { code: 'ENGINE', message: 'm', line: 0 },
      { code: 'ENGINE', message: 'm' },
    ]) {
      expect(isSerializedProfilingError(value), JSON.stringify(value)).toBe(false);
      expect(() => deserializeProfilingError(value as never)).toThrow(TypeError);
    }
  });
});
