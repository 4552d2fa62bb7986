/** Collects many aggregate expressions into one SELECT so that a pass over the table computes them all. */
import type { DuckDBSession, JsonRow } from '../engine/duckdb-session.js';
import { toCount, toNumber } from '../engine/duckdb-session.js';

export class AggregateQuery {
  private readonly expressions: string[] = [];

  /** Adds an expression and returns the alias under which its value will be found in the result row. */
  add(expression: string): string {
    const alias = `a${this.expressions.length}`;
    this.expressions.push(`${expression} AS ${alias}`);
    return alias;
  }

  get isEmpty(): boolean {
    return this.expressions.length === 0;
  }

  async run(session: DuckDBSession, from: string, onProgress?: (percent: number) => void): Promise<JsonRow> {
    if (this.isEmpty) return {};
    // A wide file's pass has thousands of aggregates: DuckDB computes all their inputs for a chunk of rows before
    // it updates them, a chunk of thousands of vectors that no cache holds. Statements of AGGREGATES_PER_SCAN each
    // (a scan of the table each, of the columns they read) cost a quarter less (2.3 vs 3.3 s CPU for 4,160
    // aggregates over 20,000 rows).
    const chunks = Math.ceil(this.expressions.length / AGGREGATES_PER_SCAN);
    const row: JsonRow = {};
    for (let chunk = 0; chunk < chunks; chunk++) {
      const expressions = this.expressions.slice(chunk * AGGREGATES_PER_SCAN, (chunk + 1) * AGGREGATES_PER_SCAN);
      const progress = onProgress && ((percent: number) => onProgress(((chunk + percent / 100) / chunks) * 100));
      Object.assign(row, await session.one(`SELECT ${expressions.join(',\n ')} FROM ${from}`, [], progress));
    }
    return row;
  }
}

/** Aggregates computed by one statement at most (see AggregateQuery.run). */
const AGGREGATES_PER_SCAN = 1024;

export interface KeyCount {
  key: unknown;
  count: number;
  /** The key's numeric position, when one was asked for (see GroupCountQuery.add). */
  position?: number | null;
}

/**
 * From this many branches on, GroupCountQuery and DistinctCountQuery count every key in one scan of the table
 * (each row's keys unnested into (branch, key) pairs, one hash aggregation over all of them) instead of a GROUP BY
 * per key joined by UNION ALL. A branch scans the table on its own and is planned on its own: DuckDB binds every
 * column of the table for each of them, which on a 1,000-column file made 2,000 branches cost 10 s to plan; and a
 * packed table (typed-table.ts) would be read once per branch. Narrow files keep the UNION ALL, whose branches
 * each group one column, cheaper than pairs through one hash table.
 */
export const SINGLE_SCAN_MIN_BRANCHES = 64;

/** A branch of a single scan: its id, its key, its SQL type, and which rows count (a key of 1 in `modulus`). */
interface PairItem {
  id: number;
  key: string;
  type: string;
  where: string | null;
  modulus?: number | null;
}

/** A key that is an element of a list column of a packed table (typed-table.ts): `l12[3]`. */
const LIST_ELEMENT = /^l(\d+)\[(\d+)\]$/;

/**
 * SQL of (g, k) rows, one per counted row of each branch, for branches of one key type. A branch whose key is a
 * list element without a row filter is read by unnesting its whole list (every element with its position), half
 * the cost of unnesting a list of the keys themselves; other branches go through such a list.
 */
function pairsSql(items: readonly PairItem[], from: string): string {
  const sampled = (key: string, modulus: number | null | undefined) => (modulus ? `hash(${key}) % ${modulus} = 0` : null);
  const byList = new Map<string, { list: string; items: { position: number; item: PairItem }[] }>();
  const others: PairItem[] = [];
  for (const item of items) {
    const element = item.where === null ? LIST_ELEMENT.exec(item.key) : null;
    if (!element) {
      others.push(item);
      continue;
    }
    const key = `${element[1]}|${item.modulus ?? 0}`;
    const group = byList.get(key) ?? { list: `l${element[1]}`, items: [] };
    group.items.push({ position: Number(element[2]), item });
    byList.set(key, group);
  }
  const parts: string[] = [];
  for (const { list, items: members } of byList.values()) {
    const ids: string[] = Array.from({ length: Math.max(...members.map((m) => m.position)) }, () => 'NULL');
    for (const { position, item } of members) ids[position - 1] = String(item.id);
    const filter = sampled('k', members[0]!.item.modulus);
    parts.push(
      `SELECT g, CAST(k AS ${members[0]!.item.type}) AS k FROM (SELECT [${ids.join(', ')}][s] AS g, k FROM ` +
        `(SELECT generate_subscripts(${list}, 1) AS s, unnest(${list}) AS k FROM ${from})) WHERE g IS NOT NULL${filter ? ` AND ${filter}` : ''}`,
    );
  }
  if (others.length > 0) {
    const keys = others.map((item) => {
      const where = [item.where, sampled(item.key, item.modulus)].filter((w) => w !== null).join(' AND ');
      return `CAST(${where ? `CASE WHEN ${where} THEN ${item.key} END` : item.key} AS ${item.type})`;
    });
    parts.push(`SELECT unnest([${others.map((item) => item.id).join(', ')}]) AS g, unnest([${keys.join(', ')}]) AS k FROM ${from}`);
  }
  return parts.join('\nUNION ALL\n');
}

function groupedBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

export interface GroupCountBranch {
  /** SQL of the key. */
  key: string;
  /** Its SQL type (keys of one type share a scan when there are many branches). */
  type: string;
  /** Rows counted (null: all). */
  where: string | null;
  /**
   * 'text' returns keys as DuckDB's VARCHAR rendering (exact for BIGINT, dates…); 'number' keeps numeric keys as
   * JSON numbers (DOUBLE values, small integer codes).
   */
  render: 'text' | 'number';
  /** An SQL expression of the key `k`, computed once per distinct key and returned beside it. */
  position?: string | null;
}

/**
 * Row counts per key for many keys at once (value frequencies, histogram bins, token indexes…), one GROUP BY per
 * key joined by UNION ALL (or, for many keys, one scan: SINGLE_SCAN_MIN_BRANCHES). DuckDB's histogram() aggregate
 * keeps an ordered map per thread and costs 3–10× a hash GROUP BY on the same key, and a wide query of histograms
 * costs far more than the sum of narrow scans. Each key's (key, count) list comes back as one JSON text, sorted by
 * key: converting thousands of rows through the driver costs more than the query. NULL keys are dropped, as
 * histogram() did.
 */
export class GroupCountQuery {
  private readonly branches: GroupCountBranch[] = [];

  add(branch: GroupCountBranch): number {
    this.branches.push(branch);
    return this.branches.length - 1;
  }

  get isEmpty(): boolean {
    return this.branches.length === 0;
  }

  async run(session: DuckDBSession, from: string, onProgress?: (percent: number) => void): Promise<KeyCount[][]> {
    const results: KeyCount[][] = this.branches.map(() => []);
    if (this.isEmpty) return results;
    const listed = ({ render, position }: GroupCountBranch) => {
      const k = render === 'text' ? 'CAST(k AS VARCHAR)' : 'k';
      const p = position ? `, 'p': ${position}` : '';
      return `CAST(to_json(list({'k': ${k}, 'n': n${p}} ORDER BY k)) AS VARCHAR)`;
    };
    let sql: string;
    if (this.branches.length < SINGLE_SCAN_MIN_BRANCHES) {
      sql = this.branches
        .map(
          (branch, id) =>
            `SELECT ${id} AS g, ${listed(branch)} AS j FROM (` +
            `SELECT ${branch.key} AS k, count(*) AS n FROM ${from}${branch.where ? ` WHERE ${branch.where}` : ''} GROUP BY 1)`,
        )
        .join('\nUNION ALL\n');
    } else {
      const numbered = this.branches.map((branch, id) => ({ branch, id }));
      sql = groupedBy(numbered, ({ branch }) => `${branch.type}|${branch.render}|${branch.position ?? ''}`)
        .map((group) => {
          const pairs = pairsSql(
            group.map(({ branch, id }) => ({ id, key: branch.key, type: branch.type, where: branch.where })),
            from,
          );
          return `SELECT g, ${listed(group[0]!.branch)} AS j FROM (SELECT g, k, count(*) AS n FROM (${pairs}) WHERE k IS NOT NULL GROUP BY g, k) GROUP BY g`;
        })
        .join('\nUNION ALL\n');
    }
    for (const row of await session.rows(sql, [], onProgress)) {
      const text = row['j'];
      if (typeof text !== 'string') continue;
      // NULL keys are dropped here: a HAVING clause would be pushed below the aggregation as a filter that
      // evaluates the key expression a second time on every row.
      results[toCount(row['g'])] = (JSON.parse(text) as { k: unknown; n: unknown; p?: unknown }[])
        .filter((e) => e.k !== null && e.k !== undefined)
        .map((e) => (e.p === undefined ? { key: e.k, count: toCount(e.n) } : { key: e.k, count: toCount(e.n), position: toNumber(e.p) }));
    }
    return results;
  }
}

/**
 * Distinct (value, branch) pairs held by one single-scan statement at most, about (DistinctCountQuery): a hash
 * table of this many groups stays well inside the memory limit; more branches take more statements.
 */
const DISTINCT_PAIRS_PER_SCAN = 4_000_000;

/**
 * Numbers of distinct non-NULL values of many expressions, one GROUP BY each joined by UNION ALL: inside a wide
 * ungrouped aggregate, count(DISTINCT …) costs about twice as much as the same hash aggregation on its own. For
 * many expressions, one scan per key type instead (see SINGLE_SCAN_MIN_BRANCHES), and the bitmaps in one aggregate.
 */
export class DistinctCountQuery {
  private readonly branches: (
    | { value: string; type: string; modulus: number | null; expected: number }
    | { value: string; min: bigint; max: bigint }
  )[] = [];

  /**
   * `modulus`: count only the values whose hash is 0 modulo it (a subsample; null: all); `expected`: about how many
   * distinct values there may be (bounds the work of one scan); `type`: the SQL type.
   */
  add(value: string, type: string, modulus: number | null, expected: number): number {
    this.branches.push({ value, type, modulus, expected });
    return this.branches.length - 1;
  }

  /** An integer expression whose non-NULL values all lie in [min, max]: one bit per possible value. */
  addBitmap(value: string, min: bigint, max: bigint): number {
    this.branches.push({ value, min, max });
    return this.branches.length - 1;
  }

  get isEmpty(): boolean {
    return this.branches.length === 0;
  }

  /**
   * Per branch, the distinct values and the rows they were counted on (hashed branches only; a bitmap's rows are
   * not counted): more rows than values means some value occurs twice.
   */
  async run(session: DuckDBSession, from: string): Promise<{ distinct: number; rows: number | null }[]> {
    const results: { distinct: number; rows: number | null }[] = this.branches.map(() => ({ distinct: 0, rows: null }));
    if (this.isEmpty) return results;
    const read = (row: Record<string, unknown>) => {
      results[toCount(row['g'])] = {
        distinct: toCount(row['n']),
        rows: row['rows'] === null || row['rows'] === undefined ? null : toCount(row['rows']),
      };
    };
    const bitmapSql = (branch: { value: string; min: bigint; max: bigint }) =>
      `bit_count(bitstring_agg(${branch.value}, ${branch.min}::BIGINT, ${branch.max}::BIGINT))`;
    if (this.branches.length < SINGLE_SCAN_MIN_BRANCHES) {
      const sql = this.branches
        .map((branch, id) => {
          if ('min' in branch) return `SELECT ${id} AS g, ${bitmapSql(branch)} AS n, NULL AS rows FROM ${from}`;
          const filter = `(${branch.value}) IS NOT NULL${branch.modulus ? ` AND (hash(${branch.value}) % ${branch.modulus} = 0)` : ''}`;
          return `SELECT ${id} AS g, count(*) AS n, sum(c) AS rows FROM (SELECT ${branch.value} AS k, count(*) AS c FROM ${from} WHERE ${filter} GROUP BY 1)`;
        })
        .join('\nUNION ALL\n');
      for (const row of await session.rows(sql)) read(row);
      return results;
    }
    const numbered = this.branches.map((branch, id) => ({ branch, id }));
    const bitmaps = numbered.flatMap(({ branch, id }) => ('min' in branch ? [{ branch, id }] : []));
    if (bitmaps.length > 0) {
      const row = await session.one(`SELECT ${bitmaps.map(({ branch }, i) => `${bitmapSql(branch)} AS n${i}`).join(', ')} FROM ${from}`);
      bitmaps.forEach(({ id }, i) => {
        results[id] = { distinct: toCount(row[`n${i}`]), rows: null };
      });
    }
    const hashed = numbered.flatMap(({ branch, id }) => ('min' in branch ? [] : [{ branch, id }]));
    for (const group of groupedBy(hashed, ({ branch }) => branch.type)) {
      // Statements of at most DISTINCT_PAIRS_PER_SCAN expected pairs (and at least one branch each).
      const chunks: (typeof group)[] = [];
      let expected = Number.POSITIVE_INFINITY;
      for (const item of group) {
        if (expected + item.branch.expected > DISTINCT_PAIRS_PER_SCAN) {
          chunks.push([]);
          expected = 0;
        }
        chunks[chunks.length - 1]!.push(item);
        expected += item.branch.expected;
      }
      for (const chunk of chunks) {
        const pairs = pairsSql(
          chunk.map(({ branch, id }) => ({ id, key: branch.value, type: branch.type, where: null, modulus: branch.modulus })),
          from,
        );
        const sql = `SELECT g, count(*) AS n, sum(c) AS rows FROM (SELECT g, k, count(*) AS c FROM (${pairs}) WHERE k IS NOT NULL GROUP BY g, k) GROUP BY g`;
        for (const row of await session.rows(sql)) read(row);
      }
    }
    return results;
  }
}
