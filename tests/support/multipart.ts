// Hand-built multipart/form-data requests (the GraphQL multipart request
// spec), written to the socket chunk by chunk. The body is generated as it is
// sent, so a test can send more bytes than it holds, stop halfway, or see how
// much the server read before it answered.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

export type FilePart = { field: string; filename: string; contentType?: string; content: AsyncIterable<Buffer> | Buffer };
export type MultipartOptions = {
  token?: string;
  /** Fields in the order sent; defaults to operations then map. */
  fields: [name: string, value: string][];
  files: FilePart[];
  /** Destroy the socket after this many body bytes (a client that goes away). */
  abortAfterBytes?: number;
  /** Destroy the socket once this settles, whatever has been sent (a client that goes away at a known point). */
  destroyWhen?: Promise<unknown>;
};
export type MultipartResult = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { data?: unknown; errors?: { message: string; extensions?: { code?: string; fields?: { path: string[]; message: string }[] } }[] };
  /** Body bytes written to the socket before the response arrived (or the connection ended). */
  bytesSent: number;
};

export const operationsField = (query: string, variables: Record<string, unknown>): [string, string] => [
  'operations',
  JSON.stringify({ query, variables }),
];
export const mapField = (map: Record<string, string[]>): [string, string] => ['map', JSON.stringify(map)];

async function* body(boundary: string, options: MultipartOptions): AsyncGenerator<Buffer> {
  for (const [name, value] of options.fields) {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  }
  for (const file of options.files) {
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    );
    if (Buffer.isBuffer(file.content)) yield file.content;
    else for await (const chunk of file.content) yield chunk;
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

export function sendMultipart(url: string, options: MultipartOptions): Promise<MultipartResult> {
  const boundary = `----dip${randomBytes(12).toString('hex')}`;
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    let aborted = false;
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        try {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text), bytesSent });
        } catch {
          reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
        }
      });
    });
    void options.destroyWhen?.then(() => {
      if (answered) return;
      aborted = true;
      req.destroy();
    });
    // Writing on after the server answered and closed is expected when it refuses early.
    req.on('error', (error) => {
      if (aborted) resolve({ status: 0, headers: {}, json: {}, bytesSent });
      else if (!answered) reject(Object.assign(error, { bytesSent }));
    });
    void (async () => {
      for await (const chunk of body(boundary, options)) {
        if (answered || req.destroyed) return;
        if (options.abortAfterBytes !== undefined && bytesSent + chunk.length > options.abortAfterBytes) {
          req.write(chunk.subarray(0, options.abortAfterBytes - bytesSent));
          bytesSent = options.abortAfterBytes;
          // Give the bytes a moment to reach the server, then vanish without ending the request.
          aborted = true;
          setTimeout(() => req.destroy(), 100);
          return;
        }
        bytesSent += chunk.length;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(reject);
  });
}

/** `total` bytes of CSV-looking text, generated as it is read. */
export async function* generatedCsv(total: number, line = 'id,value,label\n'): AsyncGenerator<Buffer> {
  const row = Buffer.from('12345,67.89,some text label\n');
  const chunk = Buffer.concat([Buffer.from(line), ...Array.from({ length: Math.floor(65536 / row.length) }, () => row)]);
  let sent = 0;
  for (let first = true; sent < total; first = false) {
    const piece = first ? chunk : chunk.subarray(Buffer.byteLength(line));
    const size = Math.min(piece.length, total - sent);
    yield piece.subarray(0, size);
    sent += size;
  }
}
