// Relation connections loaded per level with a per-parent limit in SQL.
//
// Prisma (and so Pothos' plugin-prisma) loads a relation page for several
// parents by reading every child of those parents and cutting the pages in
// memory, so a page of 5 insights costs what the 10,000 behind it cost. Here a
// connection level is one statement for all the parents dataloader gathered:
//
//   SELECT … FROM unnest($parents) p CROSS JOIN LATERAL
//     (SELECT … WHERE parent = p.id AND filter AND (keys) > cursor ORDER BY keys LIMIT first + 1)
//
// served by an index on (parent, sort keys, id), as PostGraphile does it.
// totalCount is one batched GROUP BY, and only when selected.
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { queryRows, type Sql, sql, trusted, join } from '../../db/sql.js';
import { AppError } from '../../errors.js';
import { pageSize } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import type { ModelTable } from './models.js';
import { selectedNodeFields } from './selection.js';

/** A sort key: an SQL expression over the query's aliases and its PostgreSQL type (for the cursor's value). */
export type SortKey = { expression: string; type: 'timestamptz' | 'text' | 'int' | 'insight_severity' };

/** An order: its keys (the last one unique, so pages are stable) and one direction for all of them. */
export type Order = { keys: readonly SortKey[]; direction: 'ASC' | 'DESC' };

export type RelationSpec<Node, Filter = null, Edge extends object = object> = {
  /** Names the connection in loader keys, e.g. 'Workspace.datasets'. */
  name: string;
  /** FROM … (aliases the node's table `t`). */
  from: Sql;
  /** The node's table: its columns are selected as far as the query reads them. */
  model: ModelTable<Node>;
  /** Columns the edge carries beyond the node's (a member's role). */
  edgeColumns?: Sql;
  /** The column that holds the parent's id. */
  parentColumn: string;
  orders: Record<string, Order>;
  /** Conditions for the connection's filter (and visibility), ANDed. */
  conditions?: (filter: Filter, ctx: GraphQLContext) => Sql[];
  /** Fields the edge carries beside cursor and node (a member's role). */
  toEdge?: (raw: Record<string, unknown>) => Edge;
};

export type PageArgs = { first?: number | null; last?: number | null; after?: string | null; before?: string | null };

export type Page<Node, Edge extends object = object> = {
  edges: ({ cursor: string; node: Node } & Edge)[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Resolves the connection's totalCount (batched; runs only when the field is selected). */
  totalCount: () => Promise<number>;
};

// Cursors carry the order's name and the sort keys' values as PostgreSQL text,
// so a page boundary is exact to the microsecond.
const encodeCursor = (order: string, values: readonly string[]) => Buffer.from(JSON.stringify([order, ...values])).toString('base64url');

const cursorValuePatterns: Record<SortKey['type'], RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  int: /^-?\d{1,10}$/,
  insight_severity: /^(critical|high|medium|low|info)$/,
  text: /^[^\u0000]{0,1000}$/,
};

function decodeCursor(cursor: string, orderName: string, order: Order): string[] {
  const invalid = () => new AppError('VALIDATION_FAILED', 'Invalid cursor: pass a cursor this connection returned, with the same orderBy');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded[0] !== orderName || decoded.length !== order.keys.length + 1) throw invalid();
  const values = decoded.slice(1);
  values.forEach((value, i) => {
    if (typeof value !== 'string' || !cursorValuePatterns[order.keys[i]!.type].test(value)) throw invalid();
  });
  if (order.keys.some((key, i) => key.type === 'int' && !Number.isSafeInteger(Number(values[i])))) throw invalid();
  return values as string[];
}

/** `(k1, k2) > ($1::type, $2::type)`: rows strictly after the cursor in `direction`. */
function beyond(order: Order, values: readonly string[], direction: 'ASC' | 'DESC'): Sql {
  const keys = trusted(`(${order.keys.map((k) => k.expression).join(', ')})`);
  const bound = join(
    order.keys.map((key, i) => sql`${values[i]}::${trusted(key.type)}`),
    ', ',
  );
  return sql`${keys} ${trusted(direction === 'ASC' ? '>' : '<')} (${bound})`;
}

const flip = (direction: 'ASC' | 'DESC') => (direction === 'ASC' ? 'DESC' : 'ASC');

type Request = { backward: boolean; limit: number; orderName: string; order: Order; after: string[] | null; before: string[] | null };

function pageRequest(spec: RelationSpec<unknown, never, object>, args: PageArgs, orderName: string): Request {
  const order = spec.orders[orderName];
  if (!order) throw new AppError('VALIDATION_FAILED', `Unknown order ${orderName}`);
  if (args.first != null && args.last != null) {
    throw new AppError('VALIDATION_FAILED', 'Pass either first or last, not both', [
      { path: ['last'], message: 'cannot be combined with first' },
    ]);
  }
  const backward = args.last != null;
  return {
    backward,
    limit: (backward ? args.last : args.first) ?? pageSize.default,
    orderName,
    order,
    after: args.after ? decodeCursor(args.after, orderName, order) : null,
    before: args.before ? decodeCursor(args.before, orderName, order) : null,
  };
}

function pageStatement(
  spec: RelationSpec<unknown, never, object>,
  request: Request,
  columns: Sql,
  filterConditions: Sql[],
  parentIds: readonly number[],
  withTotal: boolean,
): Sql {
  const { order, backward } = request;
  const conditions = [...filterConditions];
  const parent = trusted(spec.parentColumn);
  const filtered = filterConditions.length ? sql` AND ${join(filterConditions, ' AND ')}` : sql``;
  if (request.after) conditions.push(beyond(order, request.after, order.direction));
  if (request.before) conditions.push(beyond(order, request.before, flip(order.direction)));
  // Backward pages read from the far end, then turn round in JavaScript.
  const direction = backward ? flip(order.direction) : order.direction;
  const orderBy = trusted(order.keys.map((k) => `${k.expression} ${direction}`).join(', '));
  const cursorColumns = trusted(order.keys.map((k, i) => `(${k.expression})::text AS "__key${i}"`).join(', '));
  const where = conditions.length ? sql` AND ${join(conditions, ' AND ')}` : sql``;
  const page = sql`(
    SELECT ${columns}${spec.edgeColumns ? sql`, ${spec.edgeColumns}` : sql``}, ${cursorColumns} FROM ${spec.from}
    WHERE ${parent} = p.parent${where}
    ORDER BY ${orderBy} LIMIT ${request.limit + 1}) page`;
  if (!withTotal)
    return sql`SELECT p.parent AS "__parent", page.* FROM unnest(${parentIds}::int[]) AS p(parent) CROSS JOIN LATERAL ${page}`;
  // With totalCount selected, the count rides along: one row per parent even when its page is empty.
  return sql`SELECT p.parent AS "__parent", total.count AS "__total", page.* FROM unnest(${parentIds}::int[]) AS p(parent)
    CROSS JOIN LATERAL (SELECT count(*) AS count FROM ${spec.from} WHERE ${parent} = p.parent${filtered}) total
    LEFT JOIN LATERAL ${page} ON true`;
}

function loaderFor<V>(ctx: GraphQLContext, key: string, batch: (ids: readonly number[]) => Promise<V[]>): DataLoader<number, V> {
  let loader = ctx.loaders.get(key) as DataLoader<number, V> | undefined;
  if (!loader) {
    loader = new DataLoader<number, V>(batch);
    ctx.loaders.set(key, loader);
  }
  return loader;
}

function countLoader<Filter>(ctx: GraphQLContext, spec: RelationSpec<unknown, Filter, object>, filter: Filter) {
  return loaderFor(ctx, `count:${spec.name}:${JSON.stringify(filter ?? null)}`, async (parentIds) => {
    const conditions = spec.conditions?.(filter, ctx) ?? [];
    const where = conditions.length ? sql` AND ${join(conditions, ' AND ')}` : sql``;
    const parent = trusted(spec.parentColumn);
    const rows = await queryRows<{ parent: number; count: string }>(
      ctx.pool,
      sql`SELECT ${parent} AS parent, count(*) AS count FROM ${spec.from} WHERE ${parent} = ANY(${parentIds}::int[])${where} GROUP BY 1`,
    );
    const counts = new Map(rows.map((row) => [row.parent, Number(row.count)]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  });
}

/**
 * One page of a parent's children, loaded together with the same page of every
 * other parent at this level. `info` is the connection field's (or, with
 * `shape: 'object'`, a single-node field's such as latestAnalysis), for the
 * columns its selection reads.
 */
export function loadPage<Node, Filter, Edge extends object>(
  ctx: GraphQLContext,
  spec: RelationSpec<Node, Filter, Edge>,
  parentId: number,
  args: PageArgs,
  options: { filter: Filter; orderBy?: string; info: GraphQLResolveInfo; shape?: 'object' | 'connection' },
): Promise<Page<Node, Edge>> {
  const orderName = options.orderBy ?? Object.keys(spec.orders)[0]!;
  const request = pageRequest(spec as RelationSpec<unknown, never, object>, args, orderName);
  const shape = options.shape ?? 'connection';
  const projection = spec.model.columnsFor(selectedNodeFields(options.info, shape));
  const withTotal = shape === 'connection' && selectedNodeFields(options.info, 'object').has('totalCount');
  const key = `page:${spec.name}:${projection.key}:${withTotal}:${JSON.stringify([args.first, args.last, args.after, args.before, orderName, options.filter ?? null])}`;
  const pages = loaderFor(ctx, key, async (parentIds) => {
    const conditions = spec.conditions?.(options.filter, ctx) ?? [];
    const statement = pageStatement(
      spec as RelationSpec<unknown, never, object>,
      request,
      projection.columns,
      conditions,
      parentIds,
      withTotal,
    );
    const rows = await queryRows<Record<string, unknown>>(ctx.pool, statement);
    const byParent = new Map<number, Record<string, unknown>[]>(parentIds.map((id) => [id, []]));
    const totals = new Map<number, number>();
    for (const row of rows) {
      const parent = row.__parent as number;
      if (withTotal) totals.set(parent, Number(row.__total));
      // An empty page's one row (the count's) has no node.
      if (row.__key0 !== null) byParent.get(parent)!.push(row);
    }
    return parentIds.map((id) => ({ ...toPage(spec, request, byParent.get(id)!, args), total: totals.get(id) }));
  });
  return pages.load(parentId).then(({ total, ...page }) => ({
    ...page,
    totalCount: () => (total !== undefined ? Promise.resolve(total) : countLoader(ctx, spec, options.filter).load(parentId)),
  }));
}

function toPage<Node, Filter, Edge extends object>(
  spec: RelationSpec<Node, Filter, Edge>,
  request: Request,
  rows: Record<string, unknown>[],
  args: PageArgs,
): Omit<Page<Node, Edge>, 'totalCount'> {
  const more = rows.length > request.limit;
  const kept = rows.slice(0, request.limit);
  if (request.backward) kept.reverse();
  const edges = kept.map((raw) => {
    const edge = spec.toEdge?.(raw) ?? ({} as Edge);
    return Object.assign(
      new CursorEdge(request.orderName, request.order.keys.length, raw, spec.model.toRow(raw)),
      edge,
    ) as CursorEdge<Node> & Edge;
  });
  return {
    edges,
    pageInfo: {
      // Relay: the far side of the cursor is known to hold rows when a cursor was given.
      hasNextPage: request.backward ? args.before != null : more,
      hasPreviousPage: request.backward ? more : args.after != null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
  };
}

/** An edge whose cursor is only encoded when a client asks for it. */
class CursorEdge<Node> {
  private readonly keys: string[];
  constructor(
    private readonly orderName: string,
    keyCount: number,
    raw: Record<string, unknown>,
    readonly node: Node,
  ) {
    this.keys = Array.from({ length: keyCount }, (_, i) => raw[`__key${i}`] as string);
  }
  get cursor(): string {
    return encodeCursor(this.orderName, this.keys);
  }
}
