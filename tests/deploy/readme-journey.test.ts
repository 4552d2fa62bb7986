// The README is what a new client developer copies: its curl journey runs, as
// written, against a server with a fresh database and a worker, and its codegen
// scalar mapping is the one this project generates its own clients with.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isScalarType, isSpecifiedScalarType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonValueType, scalars } from '../../codegen.js';
import { schema } from '../../src/graphql/schema.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { startWorker, type WorkerProcess } from '../support/worker-process.js';

const run = promisify(execFile);
const readme = () => readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The fenced block after the README's `<!-- name: … -->` marker. */
async function block(name: string): Promise<string> {
  const text = await readme();
  const marker = text.indexOf(`<!-- ${name}:`);
  expect(marker, `README marker ${name}`).toBeGreaterThan(0);
  const match = /```\w*\n([\s\S]*?)```/.exec(text.slice(marker));
  return match![1]!;
}

describe('the README', () => {
  let api: TestApi;
  let http: HttpServer;
  let worker: WorkerProcess;
  let dir: string;

  beforeAll(async () => {
    api = await createTestApi();
    http = await listen(api);
    dir = await mkdtemp(path.join(os.tmpdir(), 'readme-journey-'));
    worker = await startWorker({ databaseUrl: api.db.url, storageDir: api.storage.root, dataDir: dir });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await http?.close();
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('journey runs as written: sign up, workspace, upload, analyse, follow the stream, read the insights', async () => {
    const script = await block('journey');
    const { stdout, stderr } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: dir,
      env: { ...process.env, API: http.url },
      timeout: 100_000,
    });
    expect(stderr).toBe('');
    // The stream: one JSON document per step, in order, ending COMPLETED.
    const lines = stdout.split('\n');
    const streamed = lines
      .filter((line) => line.startsWith('{"data":{"analysisUpdated"'))
      .map((line) => JSON.parse(line).data.analysisUpdated);
    expect(streamed.length).toBeGreaterThan(2);
    expect(streamed.at(-1)).toEqual({ status: 'COMPLETED', progress: { phase: 'DONE', percent: 100 } });
    // The results, pretty-printed by jq after the stream.
    const result = JSON.parse(lines.slice(lines.indexOf('{')).join('\n'));
    const analysis = result.data.node;
    expect(result.errors).toBeUndefined();
    expect(analysis.status).toBe('COMPLETED');
    expect(analysis.qualityScore).toBeGreaterThan(0);
    expect(analysis.qualityScore).toBeLessThan(100);
    expect(analysis.insights.totalCount).toBeGreaterThan(0);
    for (const { node } of analysis.insights.edges) {
      expect(node.description).toMatch(/\w/);
      expect(node.code.pandas).toMatch(/df/);
      expect(node.code.sql.fix).toMatch(/SELECT|CREATE/i);
    }
  }, 120_000);

  it('maps every custom scalar for codegen exactly as codegen.ts does', async () => {
    const text = await block('scalars');
    const readmeScalars = Object.fromEntries([...text.matchAll(/^\s+(\w+): '([^']*)',/gm)].map(([, name, type]) => [name, type]));
    expect(readmeScalars).toEqual(scalars);
    expect(text).toMatch(/strictScalars: true/);
    expect(await readme()).toContain(jsonValueType);
    const custom = Object.values(schema.getTypeMap())
      .filter((t) => isScalarType(t) && !isSpecifiedScalarType(t))
      .map((t) => t.name);
    expect(Object.keys(scalars).sort()).toEqual(custom.sort());
  });
});
