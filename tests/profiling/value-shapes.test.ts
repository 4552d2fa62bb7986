import { describe, expect, it } from 'vitest';
import { valueShape } from '../../src/profiling/inference/value-shape.js';
import { shapeOf } from '../../src/profiling/statistics/frequency-summary.js';

describe('value shapes', () => {
  it('gives the regex shape for every ASCII and non-ASCII value (fast path for ASCII)', () => {
    const alphabet = [
      'A',
      'Z',
      'a',
      'z',
      'q',
      '0',
      '9',
      '5',
      ' ',
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      '-',
      '@',
      '.',
      '_',
      '~',
      '\u007f',
      '\u0000',
      'É',
      'é',
      '٣',
      '\u00a0',
      '日',
    ];
    let state = 12345;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = ['', 'John Smith', 'AB-1234', '2024-01-31', 'user.1@example.com', '  padded  ', 'ÉCOLE 42'];
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 12);
      let value = '';
      for (let j = 0; j < length; j++) value += alphabet[Math.floor(random() * alphabet.length)];
      values.push(value);
    }
    for (const value of values) expect(shapeOf(value), JSON.stringify(value)).toBe(valueShape(value));
  });
});
