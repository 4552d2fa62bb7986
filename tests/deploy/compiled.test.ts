// Production runs compiled JavaScript: `npm start` is `node dist/server.js`,
// whose in-process worker forks the compiled profiler child, and the
// `datainsight` command runs its bundle. This starts the built server as a
// production process on a real database and port, and takes a real file from
// upload to a completed analysis through it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapField, operationsField, sendMultipart } from '../support/multipart.js';
import { createEmptyDatabase, type EmptyDatabase } from '../support/test-database.js';

const root = path.resolve(import.meta.dirname, '../..');
const titanic = path.resolve(root, '../shared/datasets/titanic.csv');

let database: EmptyDatabase;
let dataDir: string;
let server: ChildProcess;
let url: string;
const output: string[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

beforeAll(async () => {
  database = await createEmptyDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'datainsight-compiled-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PROFILER_THREADS: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => output.push(String(chunk)));
  server.stderr!.on('data', (chunk) => output.push(String(chunk)));
  // Started when it says so (its own log line), or failed when it exits first.
  await new Promise<void>((resolve, reject) => {
    const onData = () => output.join('').includes('server listening') && resolve();
    server.stderr!.on('data', onData);
    server.stdout!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited (${code}): ${output.join('')}`)));
  });
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the compiled production build', () => {
  it('is what npm start, npm run worker, the migrations and the datainsight command run', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('node dist/server.js');
    expect(scripts.worker).toBe('node dist/worker.js');
    expect(scripts['db:migrate']).toBe('node dist/db/migrate-cli.js up');
    for (const file of [
      'dist/server.js',
      'dist/worker.js',
      'dist/analyses/profile-child.js',
      'dist/db/migrate-cli.js',
      'dist/datainsight.mjs',
    ]) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    expect(await readFile(path.join(root, 'bin/datainsight.js'), 'utf8')).toMatch(/dist\/datainsight\.mjs/);
    const dockerfile = await readFile(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/CMD \["node", "dist\/server\.js"\]/);
    expect(dockerfile).not.toMatch(/tsx/);
  });

  it('serves the API and completes an analysis with the compiled profiler child', async () => {
    const { signUp } = await graphql<{ signUp: { token: string } }>('mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: 'compiled@example.com', password: 'a long compiled passphrase', fullName: 'Compiled' },
    });
    const { token } = signUp;
    const { createWorkspace } = await graphql<{ createWorkspace: { id: string } }>(
      'mutation { createWorkspace(input: { name: "Built" }) { id } }',
      {},
      token,
    );
    const upload = await sendMultipart(`${url}/graphql`, {
      token,
      fields: [
        operationsField('mutation($w: ID!, $f: File!) { uploadDataset(workspaceId: $w, file: $f) { id rowCount } }', {
          w: createWorkspace.id,
          f: null,
        }),
        mapField({ 0: ['variables.f'] }),
      ],
      files: [{ field: '0', filename: 'titanic.csv', content: await readFile(titanic) }],
    });
    const dataset = (upload.json.data as { uploadDataset: { id: string; rowCount: number } }).uploadDataset;
    expect(dataset.rowCount).toBe(891);
    const { startAnalysis } = await graphql<{ startAnalysis: { id: string } }>(
      'mutation($d: ID!) { startAnalysis(datasetId: $d, goalType: GENERAL_AUDIT) { id } }',
      { d: dataset.id },
      token,
    );
    // The analysis runs in the server's worker; its state is read until it ends.
    type AnalysisState = {
      status: string;
      qualityScore: number | null;
      errorMessage: string | null;
      columnProfiles: { totalCount: number };
    };
    let analysis: AnalysisState | null = null;
    for (let i = 0; i < 600; i++) {
      const { node } = await graphql<{ node: AnalysisState }>(
        'query($id: ID!) { node(id: $id) { ... on Analysis { status qualityScore errorMessage columnProfiles { totalCount } } } }',
        { id: startAnalysis.id },
        token,
      );
      analysis = node;
      if (node.status === 'COMPLETED' || node.status === 'FAILED') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(analysis, output.join('')).toMatchObject({ status: 'COMPLETED', errorMessage: null, columnProfiles: { totalCount: 11 } });
    expect(analysis!.qualityScore).toBeGreaterThan(50);
  });
});
