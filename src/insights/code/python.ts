/**
 * Python text for suggestions. Names and values become string literals with every character outside
 * printable ASCII escaped, so a header holding quotes, backslashes, line breaks or any Unicode stays inside
 * its literal (and the suggestion stays plain ASCII).
 */
export function pyStr(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export const pyList = (values: readonly string[]): string => `[${values.map(pyStr).join(', ')}]`;

export function pyNum(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return String(value);
}

/** df["column"] */
export const col = (column: string): string => `df[${pyStr(column)}]`;
