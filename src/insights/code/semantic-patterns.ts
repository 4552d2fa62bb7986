/**
 * The profiler's semantic-type rules as a regex body (or a value list) a suggestion can embed: the profiler's own
 * rule bodies, so the two can never disagree on what a valid email is.
 */
import type { SemanticType } from '../../profiling/index.js';
import { ISO_COUNTRY_CODES } from '../../profiling/inference/country-codes.js';
import { semanticRuleBody } from '../../profiling/inference/semantic-types.js';

export type SemanticRegex = { kind: 'regex'; body: string } | { kind: 'list'; values: string[] };

export function semanticRegex(type: SemanticType): SemanticRegex {
  if (type === 'country_code') return { kind: 'list', values: [...ISO_COUNTRY_CODES] };
  if (type === 'free_text') return { kind: 'regex', body: '.*\\s.*' };
  const body = semanticRuleBody(type);
  if (body === null) throw new Error(`No regex for semantic type ${type}`);
  // Surrounding whitespace is tolerated, as the profiler's SQL tolerates it.
  return { kind: 'regex', body: `\\s*(?:${body})\\s*` };
}
