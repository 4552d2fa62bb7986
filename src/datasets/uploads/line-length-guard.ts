// Refuses, while the bytes are still arriving, a CSV or JSON-lines upload with
// a line longer than the limit, so a file without line breaks is stopped at
// the limit instead of after a gigabyte. Parquet (binary) and JSON arrays
// (which may legitimately be one long line) are not line-based and pass.
import { AppError } from '../../errors.js';

export class LineTooLong extends AppError {
  constructor(maxLineBytes: number, line: number) {
    super('VALIDATION_FAILED', `Line ${line} is longer than the limit of ${maxLineBytes} bytes`, [
      { path: ['file'], message: `line ${line} is longer than ${maxLineBytes} bytes` },
    ]);
  }
}

const NEWLINE = 0x0a;
const PARQUET_MAGIC = Buffer.from('PAR1');
const DECISION_BYTES = 64;

type Kind = 'undecided' | 'line-based' | 'not-line-based';

function kindOf(head: Buffer): Kind {
  if (head.length >= PARQUET_MAGIC.length && head.subarray(0, PARQUET_MAGIC.length).equals(PARQUET_MAGIC)) return 'not-line-based';
  const first = head
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .trimStart()[0];
  if (first === '[') return 'not-line-based';
  return first !== undefined && head.length >= PARQUET_MAGIC.length ? 'line-based' : 'undecided';
}

/** Passes `source` through unchanged, failing with LineTooLong once a line exceeds `maxLineBytes`. */
export async function* guardLineLength(source: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let kind: Kind = 'undecided';
  let lineBytes = 0;
  let line = 1;
  for await (const chunk of source) {
    if (kind === 'undecided') {
      head = Buffer.concat([head, chunk.subarray(0, DECISION_BYTES - head.length)]);
      kind = kindOf(head);
    }
    // Until the kind is known (a head of whitespace), lines are counted: the stricter choice.
    if (kind !== 'not-line-based') {
      let start = 0;
      for (let newline = chunk.indexOf(NEWLINE); newline >= 0; newline = chunk.indexOf(NEWLINE, start)) {
        if (lineBytes + (newline - start) > maxLineBytes) throw new LineTooLong(maxLineBytes, line);
        lineBytes = 0;
        line++;
        start = newline + 1;
      }
      lineBytes += chunk.length - start;
      if (lineBytes > maxLineBytes) throw new LineTooLong(maxLineBytes, line);
    }
    yield chunk;
  }
}
