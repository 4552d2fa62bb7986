// Parameterised SQL for the statements Prisma cannot express (per-parent
// LATERAL pages). Values always travel as parameters; only the fixed fragments
// written in this codebase become SQL text, never anything a client sent.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../errors.js';

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/** `sql\`… ${value} …\``: each value becomes a parameter; a nested Sql is spliced in. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: string[] = [strings[0]!];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      parts[parts.length - 1] += value.strings[0]!;
      params.push(...value.values);
      parts.push(...value.strings.slice(1));
      parts[parts.length - 1] += strings[i + 1]!;
    } else {
      params.push(value);
      parts.push(strings[i + 1]!);
    }
  });
  return new Sql(parts, params);
}

/** A fragment of SQL text written in this codebase (an identifier, a keyword). Never pass client input. */
export const trusted = (text: string) => new Sql([text], []);

export const empty = trusted('');

/** Joins fragments with a separator, e.g. conditions with ' AND '. */
export function join(fragments: readonly Sql[], separator: string): Sql {
  if (fragments.length === 0) return empty;
  return fragments.slice(1).reduce((joined, fragment) => sql`${joined}${trusted(separator)}${fragment}`, fragments[0]!);
}

/** The statement as pg takes it: $1, $2 … in order. */
export function toQuery(statement: Sql): { text: string; values: unknown[] } {
  let text = statement.strings[0]!;
  for (let i = 1; i < statement.strings.length; i++) text += `$${i}${statement.strings[i]}`;
  return { text, values: [...statement.values] };
}

export type Queryable = Pick<pg.Pool, 'query'>;

// PostgreSQL's refusals of a parameter's value (SQLSTATE class 22): input a
// client sent that cannot be stored or compared, not a bug.
const invalidValue: Record<string, string> = {
  '22021': 'Text must not contain NUL characters',
  '22P02': 'A value has the wrong form',
  '22007': 'A date or time has the wrong form',
  '22008': 'A date or time is out of range',
  '22003': 'A number is out of range',
};

// Statement texts are few (values are parameters), so each is prepared once
// per connection under a name derived from its text: PostgreSQL parses and
// plans it once instead of on every request.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Runs one statement (prepared, see above) and returns its rows. */
export async function queryRows<Row>(db: Queryable, statement: Sql): Promise<Row[]> {
  try {
    const query = toQuery(statement);
    const result = await db.query({ ...query, name: statementName(query.text) });
    return result.rows as Row[];
  } catch (error) {
    const message = invalidValue[(error as { code?: string }).code ?? ''];
    if (message) throw new AppError('VALIDATION_FAILED', message);
    throw error;
  }
}
