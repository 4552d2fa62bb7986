// Uploading datasets through real HTTP with real multipart bodies: every
// supported format from the shared datasets, each kind of bad input refused
// with a clear error, and the storage folder always holding exactly the files
// of the datasets that exist.
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadDatasetDocument, uploadDataset, UploadFailed } from '../../examples/upload-dataset.js';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { generatedCsv, mapField, operationsField, sendMultipart, type MultipartResult } from '../support/multipart.js';

const sharedDatasets = path.resolve(import.meta.dirname, '../../../shared/datasets');
const MAX_BYTES = 8 * 1024 ** 2;
const MAX_LINE_BYTES = 64 * 1024;

let api: TestApi;
let http: HttpServer;
let dir: string;
let owner: { id: number };
let token: string;
let workspaceId: string;

beforeAll(async () => {
  api = await createTestApi({ uploads: { maxBytes: MAX_BYTES, maxLineBytes: MAX_LINE_BYTES } });
  http = await listen(api);
  dir = await mkdtemp(path.join(os.tmpdir(), 'upload-test-'));
  owner = await createUser(api.db.prisma);
  token = await api.tokenFor(owner.id);
  workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, owner.id)).id);
});
afterAll(async () => {
  await http?.close();
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

const upload = (filePath: string, options: { name?: string; as?: string } = {}) =>
  uploadDataset({ endpoint: http.url, token, workspaceId, filePath, name: options.name });

/** Every file under the storage root (partial uploads included). */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(api.storage.root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(api.storage.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The invariant after every request: storage holds exactly the files of the datasets that exist. */
async function expectStorageMatchesDatasets() {
  const rows = await api.db.prisma.dataset.findMany({ select: { filePath: true } });
  expect(await storedFiles()).toEqual(rows.map((r) => r.filePath).sort());
}

/** Records in a CSV text, counted independently of the server: quoted newlines do not end a record; blank lines are not records. */
function csvRecordCount(text: string): number {
  let records = 0;
  let inQuotes = false;
  let lineHasContent = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n' && !inQuotes) {
      if (lineHasContent) records++;
      lineHasContent = false;
    } else if (ch !== '\r') lineHasContent = true;
  }
  return records + (lineHasContent ? 1 : 0);
}

async function convert(csvPath: string, target: string, options: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT * FROM read_csv($1)) TO '${target.replaceAll("'", "''")}' (${options})`, [csvPath]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('every shared dataset, in every supported format', async () => {
  const names = (await readdir(sharedDatasets)).filter((f) => f.endsWith('.csv')).sort();
  const formats = [
    { label: 'CSV', ext: 'csv', format: 'CSV', copy: null },
    { label: 'TSV', ext: 'tsv', format: 'CSV', copy: "FORMAT csv, DELIMITER '\t', HEADER true" },
    { label: 'semicolon CSV', ext: 'txt', format: 'CSV', copy: "FORMAT csv, DELIMITER ';', HEADER true" },
    { label: 'JSON lines', ext: 'ndjson', format: 'JSON', copy: 'FORMAT json' },
    { label: 'JSON array', ext: 'json', format: 'JSON', copy: 'FORMAT json, ARRAY true' },
    { label: 'Parquet', ext: 'parquet', format: 'PARQUET', copy: 'FORMAT parquet' },
  ] as const;

  it.each(names)('%s is listed with its size, hash, rows and columns in each format', async (name) => {
    const original = path.join(sharedDatasets, name);
    const text = await readFile(original, 'utf8');
    const header = text
      .slice(0, text.indexOf('\n'))
      .replace(/\r$/, '')
      .split(',')
      .map((cell) => cell.replace(/^"(.*)"$/, '$1'));
    const rows = csvRecordCount(text) - 1;
    for (const format of formats) {
      const filePath = format.copy ? path.join(dir, `${path.parse(name).name}.${format.ext}`) : original;
      if (format.copy) await convert(original, filePath, format.copy);
      const bytes = await readFile(filePath);
      const dataset = await upload(filePath);
      expect(dataset, format.label).toMatchObject({
        name: path.parse(name).name,
        originalFilename: path.basename(filePath),
        format: format.format,
        fileSize: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        rowCount: rows,
        columnCount: header.length,
        status: 'PENDING',
      });
      expect(
        dataset.columns?.map((c) => c.name),
        format.label,
      ).toEqual(header);
      // The stored bytes are the uploaded bytes, under a path the server chose.
      const row = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(dataset.id) } });
      expect(row.filePath).not.toContain(path.basename(filePath));
      expect((await readFile(api.storage.localPath(row.filePath))).equals(bytes), format.label).toBe(true);
      expect(row.uploadedBy).toBe(owner.id);
    }
    await expectStorageMatchesDatasets();
  });

  it('lists the uploads in the workspace', async () => {
    const Listed = graphql(`
      query ListedDatasets($id: ID!) {
        node(id: $id) {
          __typename
          ... on Workspace {
            datasets(first: 100) {
              totalCount
              edges {
                node {
                  name
                  format
                  rowCount
                }
              }
            }
          }
        }
      }
    `);
    const data = await api.ok(Listed, { id: workspaceId }, owner.id);
    const datasets = nodeOf(data.node, 'Workspace').datasets;
    expect(datasets.totalCount).toBe(names.length * formats.length);
    const titanic = datasets.edges.map((e) => e.node).filter((d) => d.name === 'titanic');
    expect(titanic.map((d) => d.rowCount)).toEqual(Array(formats.length).fill(891));
    expect(titanic.map((d) => d.format).sort()).toEqual(formats.map((f) => f.format).sort());
  });
});

describe('text that is messy but readable', () => {
  const write = async (name: string, content: string | Buffer) => {
    const filePath = path.join(dir, name);
    await writeFile(filePath, content);
    return filePath;
  };

  it('counts a quoted field with newlines and escaped quotes as one row', async () => {
    const dataset = await upload(await write('quoted.csv', 'id,comment\n1,"line one\nline two"\n2,"she said ""hi"""\n3,plain\n'));
    expect(dataset).toMatchObject({ rowCount: 3, columnCount: 2, format: 'CSV' });
  });

  it('reads UTF-8 with a BOM without putting the BOM into the first column name', async () => {
    const dataset = await upload(await write('bom.csv', '\uFEFFname,city\nJosé,Zürich\nZoë,Köln\n'));
    expect(dataset.columns?.map((c) => c.originalName)).toEqual(['name', 'city']);
    expect(dataset.rowCount).toBe(2);
  });

  it('reads Latin-1', async () => {
    const dataset = await upload(await write('latin1.csv', Buffer.from('name;city\nJosé;Zürich\nZoë;Köln\n', 'latin1')));
    expect(dataset).toMatchObject({ rowCount: 2, columnCount: 2, format: 'CSV' });
  });

  it('keeps empty and duplicate column names, renamed predictably', async () => {
    const dataset = await upload(await write('names.csv', ',price,price,,price\n1,2,3,4,5\n'));
    expect(dataset.columns).toEqual([
      { position: 0, name: 'column_1', originalName: '' },
      { position: 1, name: 'price', originalName: 'price' },
      { position: 2, name: 'price_2', originalName: 'price' },
      { position: 3, name: 'column_4', originalName: '' },
      { position: 4, name: 'price_3', originalName: 'price' },
    ]);
  });

  it('detects the format from the content, not the extension', async () => {
    const dataset = await upload(await write('really-json.csv', '[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]'));
    expect(dataset).toMatchObject({ format: 'JSON', rowCount: 2, columnCount: 2 });
  });

  it('keeps the user’s file name only as sanitised display data', async () => {
    const filePath = await write('plain.csv', 'a\n1\n');
    const result = await sendFile(await readFile(filePath), { filename: '..\\..\\etc/re\u202Eport\u0007 2024.csv' });
    const dataset = (result.json.data as { uploadDataset: { name: string; originalFilename: string } }).uploadDataset;
    expect(dataset).toEqual(expect.objectContaining({ originalFilename: 'report 2024.csv', name: 'report 2024' }));
  });
});

/** Sends one file as the `file` variable of uploadDataset through a hand-built multipart body. */
function sendFile(
  content: Buffer | AsyncIterable<Buffer>,
  options: { filename?: string; token?: string | null; abortAfterBytes?: number; workspaceId?: string } = {},
): Promise<MultipartResult> {
  return sendMultipart(http.url, {
    token: options.token === null ? undefined : (options.token ?? token),
    fields: [
      operationsField(print(UploadDatasetDocument), { workspaceId: options.workspaceId ?? workspaceId, file: null }),
      mapField({ 0: ['variables.file'] }),
    ],
    files: [{ field: '0', filename: options.filename ?? 'data.csv', content }],
    abortAfterBytes: options.abortAfterBytes,
  });
}

describe('bad input: refused with a clear error, nothing left behind', () => {
  const refused = async (result: MultipartResult, code: string, message: RegExp) => {
    expect(result.json.errors?.[0]?.extensions?.code, JSON.stringify(result.json)).toBe(code);
    expect(result.json.errors?.[0]?.message).toMatch(message);
    expect(result.json.data ?? null).toBeNull();
    await expectStorageMatchesDatasets();
  };

  it('stops an upload over the limit as soon as the limit is crossed', async () => {
    const before = await api.db.prisma.dataset.count();
    // 200 MiB on offer; the server answers long before the client has sent it. What the client counts
    // as sent includes what the socket buffers held and what the server discarded while the answer
    // travelled (it lingers at most 64 MiB before dropping the connection).
    const result = await sendFile(generatedCsv(200 * 1024 ** 2));
    expect(result.status).toBe(413);
    await refused(result, 'VALIDATION_FAILED', new RegExp(`larger than the upload limit of ${MAX_BYTES} bytes`));
    expect(result.bytesSent).toBeLessThan(100 * 1024 ** 2);
    expect(await api.db.prisma.dataset.count()).toBe(before);
  });

  it('refuses an empty file', async () => {
    await refused(await sendFile(Buffer.alloc(0)), 'VALIDATION_FAILED', /empty/);
  });

  it('refuses binary junk named .csv, saying what it found', async () => {
    const junk = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), randomBytes(4096)]);
    await refused(await sendFile(junk, { filename: 'photo.csv' }), 'VALIDATION_FAILED', /Binary content \(a NUL byte at offset 8\)/);
  });

  it('refuses a header without rows', async () => {
    await refused(await sendFile(Buffer.from('id,name,price\n')), 'VALIDATION_FAILED', /header but no data rows/);
  });

  it('refuses a line longer than the maximum while it arrives', async () => {
    async function* oneEndlessLine() {
      yield Buffer.from('id,notes\n1,');
      for (let i = 0; i < 3200; i++) yield Buffer.alloc(64 * 1024, 'x');
    }
    const result = await sendFile(oneEndlessLine());
    await refused(result, 'VALIDATION_FAILED', new RegExp(`Line 2 is longer than the limit of ${MAX_LINE_BYTES} bytes`));
    expect(result.bytesSent).toBeLessThan(100 * 1024 ** 2);
  });

  it('refuses a ragged row, naming the line', async () => {
    await refused(
      await sendFile(Buffer.from('a,b,c\n1,2,3\n4,5\n6,7,8\n')),
      'VALIDATION_FAILED',
      /Ragged row at line 3: 2 fields where the header has 3/,
    );
  });

  it('refuses UTF-16 and a single JSON document, saying why', async () => {
    await refused(await sendFile(Buffer.from('\uFEFFa,b\n1,2\n', 'utf16le')), 'VALIDATION_FAILED', /UTF-16/);
    await refused(
      await sendFile(Buffer.from('{\n  "config": {"a": 1}\n}\n'), { filename: 'x.json' }),
      'VALIDATION_FAILED',
      /single document/,
    );
    // On one line it is still one document, not a table of one record.
    await refused(
      await sendFile(Buffer.from('{"config": {"a": 1}, "name": "x"}\n'), { filename: 'x.json' }),
      'VALIDATION_FAILED',
      /single document/,
    );
  });

  it('refuses a file wider than the profiler takes (1,000 columns), however wide, before reading its rows', async () => {
    const wide = (columns: number) => {
      const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
      return Buffer.from(`${header}\n${'1,'.repeat(columns - 1)}1\n`);
    };
    await refused(
      await sendFile(wide(1_001)),
      'VALIDATION_FAILED',
      /^The file cannot be used as a dataset: The file has 1001 columns; at most 1000 can be analysed/,
    );
    await refused(await sendFile(wide(10_000)), 'VALIDATION_FAILED', /The file has 10000 columns; at most 1000/);
    const atTheLimit = await sendFile(wide(1_000));
    expect(atTheLimit.json.errors).toBeUndefined();
  });

  it('names no server path in a refusal', async () => {
    const answers = [
      await sendFile(Buffer.from('{"a": 1}\n{"a": \n'), { filename: 'broken.json' }),
      await sendFile(Buffer.from('[{"a": 1}, {"a": 2'), { filename: 'cut.json' }),
      await sendFile(Buffer.from(''), { filename: 'empty.csv' }),
      await sendFile(Buffer.from('   \n  \n'), { filename: 'blank.csv' }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.json);
      expect(answer.json.errors?.[0]?.extensions?.code, text).toBe('VALIDATION_FAILED');
      expect(text).not.toContain(api.storage.root);
      expect(text).not.toMatch(/"\/|'\/|\/tmp\//);
    }
    expect(answers[0]!.json.errors?.[0]?.message).toMatch(/Malformed JSON at byte \d+ in line 3/);
    await expectStorageMatchesDatasets();
  });

  it('cleans up after a client that disconnects halfway', async () => {
    const before = await api.db.prisma.dataset.count();
    const result = await sendFile(generatedCsv(6 * 1024 ** 2), { abortAfterBytes: 2 * 1024 ** 2 });
    expect(result.status).toBe(0);
    await expect
      .poll(storedFiles, { timeout: 5000 })
      .toEqual((await api.db.prisma.dataset.findMany({ select: { filePath: true } })).map((r) => r.filePath).sort());
    expect(await api.db.prisma.dataset.count()).toBe(before);
  });

  it('reads no file from a request without a valid session', async () => {
    const result = await sendFile(generatedCsv(1024 ** 2), { token: null });
    expect(result.status).toBe(401);
    await refused(result, 'UNAUTHENTICATED', /Sign in/);
    await refused(await sendFile(Buffer.from('a\n1\n'), { token: 'dip_not-a-token' }), 'UNAUTHENTICATED', /Sign in/);
  });

  it('removes the file when the role does not allow uploading, or the workspace is not theirs', async () => {
    const viewer = await createUser(api.db.prisma);
    await api.db.prisma.workspaceMember.create({ data: { workspaceId: decodeId(workspaceId), userId: viewer.id, role: 'VIEWER' } });
    await refused(await sendFile(Buffer.from('a\n1\n'), { token: await api.tokenFor(viewer.id) }), 'FORBIDDEN', /VIEWER/);
    const stranger = await createUser(api.db.prisma);
    await refused(await sendFile(Buffer.from('a\n1\n'), { token: await api.tokenFor(stranger.id) }), 'NOT_FOUND', /Workspace not found/);
  });

  it('accepts an editor’s upload', async () => {
    const editor = await createUser(api.db.prisma);
    await api.db.prisma.workspaceMember.create({ data: { workspaceId: decodeId(workspaceId), userId: editor.id, role: 'EDITOR' } });
    const result = await sendFile(Buffer.from('a\n1\n'), { token: await api.tokenFor(editor.id) });
    expect(result.json.errors).toBeUndefined();
    await expectStorageMatchesDatasets();
  });

  it('refuses malformed multipart requests without reading files', async () => {
    const noMap = await sendMultipart(http.url, {
      token,
      fields: [operationsField(print(UploadDatasetDocument), { workspaceId, file: null })],
      files: [{ field: '0', filename: 'a.csv', content: Buffer.from('a\n1\n') }],
    });
    await refused(noMap, 'BAD_REQUEST', /"operations" and "map" fields must come before the files/);
    const wrongPath = await sendMultipart(http.url, {
      token,
      fields: [operationsField(print(UploadDatasetDocument), { workspaceId, file: null }), mapField({ 0: ['variables.__proto__.x'] })],
      files: [{ field: '0', filename: 'a.csv', content: Buffer.from('a\n1\n') }],
    });
    await refused(wrongPath, 'BAD_REQUEST', /invalid path/);
    const missingFile = await sendMultipart(http.url, {
      token,
      fields: [operationsField(print(UploadDatasetDocument), { workspaceId, file: null }), mapField({ 0: ['variables.file'] })],
      files: [],
    });
    await refused(missingFile, 'BAD_REQUEST', /no file was sent for "0"/);
  });

  it('does not take a file from JSON variables', async () => {
    const response = await api.post(print(UploadDatasetDocument), { workspaceId, file: '/etc/passwd' }, { token });
    const result = (await response.json()) as { errors: { message: string }[] };
    expect(result.errors[0]!.message).toMatch(/File must be sent as a file part of a multipart\/form-data request/);
  });
});

describe('deleting', () => {
  it('removes the file with its dataset, and all files with their workspace', async () => {
    const filePath = path.join(sharedDatasets, 'iris.csv');
    const dataset = await upload(filePath);
    const Delete = graphql(`
      mutation DeleteUploadedDataset($id: ID!) {
        deleteDataset(id: $id)
      }
    `);
    await api.ok(Delete, { id: dataset.id }, owner.id);
    await expectStorageMatchesDatasets();

    const other = encodeId('Workspace', (await createWorkspace(api.db.prisma, owner.id, 'Scratch')).id);
    for (let i = 0; i < 3; i++) await uploadDataset({ endpoint: http.url, token, workspaceId: other, filePath });
    expect((await storedFiles()).length).toBeGreaterThanOrEqual(3);
    const DeleteWorkspace = graphql(`
      mutation DeleteUploadWorkspace($id: ID!) {
        deleteWorkspace(id: $id)
      }
    `);
    await api.ok(DeleteWorkspace, { id: other }, owner.id);
    await expectStorageMatchesDatasets();
  });

  it('reports the typed client’s failure with the server’s code', async () => {
    const empty = path.join(dir, 'empty.csv');
    await writeFile(empty, '');
    const failure = await upload(empty).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UploadFailed);
    expect((failure as UploadFailed).message).toBe('VALIDATION_FAILED: The file cannot be used as a dataset: The file is empty');
    expect((await stat(empty)).size).toBe(0);
  });
});
