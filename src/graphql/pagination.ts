// One pagination style for every list: Relay cursor connections, 20 items by
// default, at most 100 per page. Asking for more is an error, not a silent cut.
import { z } from 'zod';
import { pageSize } from './builder.js';

const pageLength = z.number().int().min(0, 'must not be negative').max(pageSize.max, `must be at most ${pageSize.max}`).nullish();

/** The `validate` option every connection field carries. */
export const pageArgs = {
  schema: z.looseObject({ first: pageLength, last: pageLength }),
};

type TotalCountFieldBuilder = {
  int: (options: { description: string; resolve: (connection: { totalCount: () => Promise<number> }) => Promise<number> }) => unknown;
};

/** The connection type options every connection takes: a batched totalCount, run only when selected. */
const withTotalCount = {
  fields: (t: TotalCountFieldBuilder) =>
    ({
      totalCount: t.int({
        description: 'How many items the connection holds with its filter, across all pages.',
        resolve: (connection) => connection.totalCount(),
      }),
    }) as never,
};

/**
 * The connection and edge options of a list of `items` (a plural noun): types
 * named `<name>Connection` and `<name>Edge`, described, with totalCount.
 */
export function connectionOf(name: string, items: string) {
  return [
    { name: `${name}Connection`, description: `A page of ${items}.`, ...withTotalCount },
    { name: `${name}Edge`, description: `One of ${items} on a page, with its cursor.` },
  ] as const;
}
