// totalCount for relation connections, batched per request with dataloader:
// one GROUP BY over the page's parents for each connection level, instead of
// Prisma's _count (which aggregates the whole child table on every request).
import DataLoader from 'dataloader';
import type { GraphQLContext } from './context.js';

/** Counts children per parent id for the given parents, with the connection's own filter. */
export type CountChildren<Filter> = (ctx: GraphQLContext, parentIds: readonly number[], filter: Filter) => Promise<Map<number, number>>;

type ConnectionWithParent<Filter> = { parent: { id: number }; args: Filter };

/**
 * The resolver of a connection's `totalCount`. `key` names the relation; the
 * filter is part of the batch key, so differently filtered connections count
 * separately.
 */
function batchedTotalCount<Filter>(key: string, countChildren: CountChildren<Filter>, filterOf: (args: Filter) => unknown) {
  return (connection: unknown, _args: unknown, ctx: GraphQLContext): Promise<number> => {
    const { parent, args } = connection as ConnectionWithParent<Filter>;
    const batchKey = `${key}:${JSON.stringify(filterOf(args) ?? null)}`;
    let loader = ctx.loaders.get(batchKey) as DataLoader<number, number> | undefined;
    if (!loader) {
      loader = new DataLoader<number, number>(async (ids) => {
        const counts = await countChildren(ctx, ids, args);
        return ids.map((id) => counts.get(id) ?? 0);
      });
      ctx.loaders.set(batchKey, loader);
    }
    return loader.load(parent.id);
  };
}

/** Turns Prisma groupBy rows into parent id → count. */
export const countsBy = <K extends string>(key: K, rows: ({ [P in K]: number } & { _count: { _all: number } })[]) =>
  new Map(rows.map((row) => [row[key], row._count._all]));

type IntFieldBuilder = { int: (options: { resolve: ReturnType<typeof batchedTotalCount> }) => unknown };

/** Connection options that add a batched `totalCount` (the second argument of a connection field). */
export function totalCountOptions<Filter>(
  key: string,
  countChildren: CountChildren<Filter>,
  filterOf: (args: Filter) => unknown = () => null,
) {
  return {
    fields: (c: IntFieldBuilder) => ({ totalCount: c.int({ resolve: batchedTotalCount(key, countChildren, filterOf) }) }) as never,
  };
}
