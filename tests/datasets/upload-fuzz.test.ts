// The upload path under hostile and broken multipart bodies, over real TCP:
// 2,000+ generated bodies (truncated anywhere, wrong boundaries, huge headers,
// missing or wrong maps, duplicate parts, garbage JSON, clients that vanish,
// slow drips) each get an answer or a clean close, the server stays up, and
// storage holds exactly the files of the datasets that exist. The generator is
// seeded: a failure names its seed and case.
import { connect } from 'node:net';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, encodeId, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES = 2_000;

let api: TestApi;
let http: HttpServer;
let port: number;
let token: string;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  api = await createTestApi({ uploads: { maxBytes: 64 * 1024, maxLineBytes: 4 * 1024 } });
  http = await listen(api);
  port = Number(new URL(http.url).port);
  const owner = await createUser(api.db.prisma);
  token = await api.tokenFor(owner.id);
  workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, owner.id)).id);
  otherWorkspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, owner.id, 'Other')).id);
});
afterAll(async () => {
  await http?.close();
  await api?.close();
});

/** mulberry32: small, seeded, good enough to pick mutations. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uploadMutation = 'mutation($workspaceId: ID!, $file: File!) { uploadDataset(workspaceId: $workspaceId, file: $file) { id } }';
const twoUploads =
  'mutation($w: ID!, $v: ID!, $f: File!, $g: File!) { a: uploadDataset(workspaceId: $w, file: $f) { id } b: uploadDataset(workspaceId: $v, file: $g) { id } }';

type Part = { headers: string; body: string };
type Body = { boundary: string; parts: Part[]; closing: boolean };

const field = (name: string, value: string): Part => ({ headers: `Content-Disposition: form-data; name="${name}"`, body: value });
const file = (name: string, content: string): Part => ({
  headers: `Content-Disposition: form-data; name="${name}"; filename="f.csv"\r\nContent-Type: text/csv`,
  body: content,
});
const csv = (rnd: () => number) =>
  `a,b\n${Array.from({ length: 1 + Math.floor(rnd() * 20) }, (_, i) => `${i},${Math.floor(rnd() * 1000)}`).join('\n')}\n`;

function validBody(rnd: () => number): Body {
  return {
    boundary: `----fuzz${Math.floor(rnd() * 1e9)}`,
    parts: [
      field('operations', JSON.stringify({ query: uploadMutation, variables: { workspaceId, file: null } })),
      field('map', JSON.stringify({ 0: ['variables.file'] })),
      file('0', csv(rnd)),
    ],
    closing: true,
  };
}

const render = ({ boundary, parts, closing }: Body) =>
  Buffer.from(parts.map((p) => `--${boundary}\r\n${p.headers}\r\n\r\n${p.body}\r\n`).join('') + (closing ? `--${boundary}--\r\n` : ''));

// truncate: the body ends (by its Content-Length) at a random byte; vanish: the client sends part and disconnects.
type Case = { label: string; boundary: string; bytes: Buffer; send: 'whole' | 'truncate' | 'vanish' | 'drip'; cut: number };

function makeCase(index: number): Case {
  const rnd = random(SEED + index);
  const body = validBody(rnd);
  const kind = Math.floor(rnd() * 13);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!;
  let label = '';
  let send: Case['send'] = 'whole';
  switch (kind) {
    case 0:
      label = 'no closing boundary';
      body.closing = false;
      break;
    case 1:
      label = 'truncated';
      send = 'truncate';
      break;
    case 2:
      label = 'wrong boundary in the body';
      body.boundary = body.boundary + 'x';
      break;
    case 3:
      label = 'huge part header';
      body.parts[pick([0, 1, 2])]!.headers += `\r\nX-Padding: ${'p'.repeat(8_000 + Math.floor(rnd() * 90_000))}`;
      break;
    case 4:
      label = 'no map';
      body.parts.splice(1, 1);
      break;
    case 5:
      label = 'map pointing nowhere';
      body.parts[1] = field(
        'map',
        JSON.stringify(pick([{ 9: ['variables.file'] }, { 0: ['variables.nothing.here'] }, { 0: [] }, { 0: 'variables.file' }, [], null])),
      );
      break;
    case 6:
      label = 'duplicate file part';
      body.parts.push(file('0', csv(rnd)));
      break;
    case 7:
      label = 'one file for two uploads';
      body.parts[0] = field(
        'operations',
        JSON.stringify({ query: twoUploads, variables: { w: workspaceId, v: otherWorkspaceId, f: null, g: null } }),
      );
      body.parts[1] = field('map', JSON.stringify({ 0: ['variables.f', 'variables.g'] }));
      break;
    case 8:
      label = 'garbage JSON';
      body.parts[pick([0, 1])]!.body = pick(['{', '[1,2', 'null', '"x"', '{"query": 5}', '\u0000\u0001']);
      break;
    case 9:
      label = 'parts out of order';
      body.parts.reverse();
      break;
    case 10:
      label = 'client vanishes';
      send = 'vanish';
      break;
    case 11:
      label = 'extra unknown field';
      body.parts.splice(2, 0, field('extra', 'x'.repeat(Math.floor(rnd() * 100))));
      break;
    default:
      label = 'valid';
  }
  const bytes = render(body);
  const declaredBoundary = kind === 12 && rnd() < 0.5 ? 'mismatch' : validBoundary(body, kind);
  return {
    label: `${label} (#${index}, seed ${SEED})`,
    boundary: declaredBoundary,
    bytes,
    send: index % 400 === 7 ? 'drip' : send,
    cut: Math.floor(rnd() * bytes.length),
  };
}

function validBoundary(body: Body, kind: number) {
  // Case 2 sends the body with a boundary the header does not declare.
  return kind === 2 ? body.boundary.slice(0, -1) : body.boundary;
}

/** Sends one case over a raw socket; resolves with the status line, or 'closed' when the server closed without one. */
function sendCase(c: Case): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const bytes = c.send === 'truncate' || c.send === 'vanish' ? c.bytes.subarray(0, c.cut) : c.bytes;
    const head =
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n` +
      `Content-Type: multipart/form-data; boundary=${c.boundary}\r\nContent-Length: ${bytes.length}\r\n\r\n`;
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset after the answer is a close too
    socket.on('close', () => resolve(received.split('\r\n')[0] || 'closed'));
    // Connection: close: the server ends the connection once it has answered.
    socket.setTimeout(30_000, () => reject(new Error(`${c.label}: no answer and no close in 30 s`)));
    socket.write(head);
    if (c.send === 'drip') {
      const chunks = Array.from({ length: 8 }, (_, i) =>
        bytes.subarray(Math.floor((i * bytes.length) / 8), Math.floor(((i + 1) * bytes.length) / 8)),
      );
      const next = () => {
        const chunk = chunks.shift();
        if (!chunk) return;
        socket.write(chunk, () => setTimeout(next, 5));
      };
      next();
    } else if (c.send === 'vanish') {
      socket.write(bytes, () => socket.destroy());
    } else {
      // The client waits for the answer with its side open, as HTTP clients do.
      socket.write(bytes);
    }
  });
}

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(api.storage.root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(api.storage.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('the upload path under malformed bodies', () => {
  it(`answers or cleanly closes ${CASES} generated bodies, stays up, and leaves no orphan file`, async () => {
    const cases = Array.from({ length: CASES }, (_, i) => makeCase(i));
    const outcomes = new Map<string, number>();
    const serverErrors: string[] = [];
    for (let start = 0; start < cases.length; start += 25) {
      const batch = cases.slice(start, start + 25);
      const statuses = await Promise.all(batch.map(sendCase));
      statuses.forEach((status, i) => {
        const code = status.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? status;
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        if (/^5/.test(code)) serverErrors.push(`${batch[i]!.label}: ${status}`);
      });
      // Alive after every batch.
      expect((await fetch(http.url.replace('/graphql', '/health'))).status).toBe(200);
    }
    console.info(`upload fuzz, seed ${SEED}: ${[...outcomes].map(([k, v]) => `${k} × ${v}`).join(', ')}`);
    expect(serverErrors).toEqual([]);
    // Refused uploads leave nothing; accepted ones are datasets with a file each, never one file for two.
    const rows = await api.db.prisma.dataset.findMany({ select: { filePath: true } });
    expect(new Set(rows.map((r) => r.filePath)).size).toBe(rows.length);
    expect(await storedFiles()).toEqual(rows.map((r) => r.filePath).sort());
    expect(rows.length).toBeGreaterThan(0);
  }, 600_000);
});
