/**
 * The profiler's semantic-type rules as a regex body (or a value list) a suggestion can embed. Read from the
 * profiler's own SQL so the two can never disagree on what a valid email is.
 */
import type { SemanticType } from '../../profiling/index.js';
import { ISO_COUNTRY_CODES } from '../../profiling/inference/country-codes.js';
import { semanticMatchSql } from '../../profiling/inference/semantic-types.js';

export type SemanticRegex = { kind: 'regex'; body: string } | { kind: 'list'; values: string[] };

export function semanticRegex(type: SemanticType): SemanticRegex {
  if (type === 'country_code') return { kind: 'list', values: [...ISO_COUNTRY_CODES] };
  if (type === 'free_text') return { kind: 'regex', body: '.*\\s.*' };
  // semanticMatchSql renders regexp_full_match(x, '\s*(?:BODY)\s*'): take the literal back out.
  const sql = semanticMatchSql(type, 'x');
  const literal = /regexp_full_match\(x, '((?:[^']|'')*)'\)/.exec(sql);
  if (!literal) throw new Error(`No regex for semantic type ${type}`);
  return { kind: 'regex', body: literal[1]!.replaceAll("''", "'") };
}
