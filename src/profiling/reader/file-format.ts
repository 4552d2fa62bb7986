/** Decides, from the first bytes, what kind of file this is and how it is encoded, failing fast on non-tabular input. */
import { open, stat } from 'node:fs/promises';
import { ProfilingError } from '../errors.js';
import type { FileFormat } from '../types.js';

export const HEAD_BYTES = 1 << 20;

export interface DetectedFile {
  path: string;
  sizeBytes: number;
  format: FileFormat;
  encoding: 'utf-8' | 'latin-1' | null;
  /** Decoded start of the file (BOM removed), cut at the last complete line unless it is the whole file. */
  headText: string;
  headIsWholeFile: boolean;
}

export async function detectFile(path: string): Promise<DetectedFile> {
  // Messages never name the path: behind the API it is the server's storage
  // folder, which is no client's business (the CLI's user typed it anyway).
  const info = await stat(path).catch((error: unknown) => {
    throw new ProfilingError('FILE_NOT_FOUND', `Cannot read the file: ${unreadable(error)}`, null, { cause: error });
  });
  if (!info.isFile()) throw new ProfilingError('FILE_NOT_FOUND', 'Cannot read the file: it is not a regular file');
  if (info.size === 0) throw new ProfilingError('EMPTY_FILE', 'The file is empty');

  const head = await readHead(path, Math.min(info.size, HEAD_BYTES));
  const headIsWholeFile = info.size <= HEAD_BYTES;

  if (head.subarray(0, 4).toString('latin1') === 'PAR1') {
    return { path, sizeBytes: info.size, format: 'parquet', encoding: null, headText: '', headIsWholeFile };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ProfilingError('ENCODING', 'The file is UTF-16 encoded; save it as UTF-8 (or Latin-1) and try again');
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    throw new ProfilingError('NOT_TABULAR', `Binary content (a NUL byte at offset ${nul}): not a CSV, JSON or Parquet file`);
  }

  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const body = hasBom ? head.subarray(3) : head;
  const encoding = isValidUtf8(body, headIsWholeFile) ? 'utf-8' : 'latin-1';
  let headText = body.toString(encoding === 'utf-8' ? 'utf8' : 'latin1');
  if (!headIsWholeFile) {
    const lastNewline = headText.lastIndexOf('\n');
    if (lastNewline > 0) headText = headText.slice(0, lastNewline + 1);
  }
  if (headText.trim() === '') throw new ProfilingError('EMPTY_FILE', 'The file contains only whitespace');

  return { path, sizeBytes: info.size, format: detectTextFormat(headText, headIsWholeFile), encoding, headText, headIsWholeFile };
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? 'unknown error';
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isValidUtf8(bytes: Buffer, complete: boolean): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of a partial read.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function detectTextFormat(text: string, wholeFile: boolean): FileFormat {
  const start = text.trimStart();
  if (start.startsWith('[')) {
    const next = start.slice(1).trimStart()[0];
    if (next === '{' || next === ']' || next === undefined) return 'json';
    throw new ProfilingError('NOT_TABULAR', 'The JSON array does not hold objects (records); expected [{...}, {...}]');
  }
  if (start.startsWith('{')) {
    const firstLine = start.slice(0, start.indexOf('\n') >= 0 ? start.indexOf('\n') : undefined).trim();
    let parsed: unknown;
    try {
      parsed = JSON.parse(firstLine);
    } catch {
      // a pretty-printed object: a document, not records
    }
    const record = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    // One object with nothing after it is a document too (a settings file, an API answer).
    if (record && !(wholeFile && start.trim() === firstLine)) return 'json';
    throw new ProfilingError(
      'NOT_TABULAR',
      'The JSON file is a single document, not records; expected an array of objects or one object per line',
    );
  }
  return 'csv';
}
