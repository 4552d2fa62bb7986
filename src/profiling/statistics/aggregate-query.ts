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
    return session.one(`SELECT ${this.expressions.join(',\n ')} FROM ${from}`, [], onProgress);
  }
}

export interface KeyCount {
  key: unknown;
  count: number;
  /** The key's numeric position, when one was asked for (see GroupCountQuery.add). */
  position?: number | null;
}

/**
 * Row counts per key for many keys at once (value frequencies, histogram bins, token indexes…), one GROUP BY per
 * key joined by UNION ALL. DuckDB's histogram() aggregate keeps an ordered map per thread and costs 3–10× a
 * hash GROUP BY on the same key, and a wide query of histograms costs far more than the sum of narrow scans.
 * Each key's (key, count) list comes back as one JSON text, sorted by key: converting thousands of rows
 * through the driver costs more than the query.
 */
export class GroupCountQuery {
  private readonly branches: { key: string; where: string | null; render: 'text' | 'number'; position: string | null }[] = [];

  /**
   * `render: 'text'` returns keys as DuckDB's VARCHAR rendering (exact for BIGINT, dates…); 'number' keeps
   * numeric keys as JSON numbers (DOUBLE values, small integer codes). NULL keys are dropped, as histogram() did.
   * `position`, an SQL expression of the key `k`, is computed once per distinct key and returned beside it.
   */
  add(key: string, where: string | null, render: 'text' | 'number', position: string | null = null): number {
    this.branches.push({ key, where, render, position });
    return this.branches.length - 1;
  }

  get isEmpty(): boolean {
    return this.branches.length === 0;
  }

  async run(session: DuckDBSession, from: string, onProgress?: (percent: number) => void): Promise<KeyCount[][]> {
    const results: KeyCount[][] = this.branches.map(() => []);
    if (this.isEmpty) return results;
    const sql = this.branches
      .map(({ key, where, render, position }, id) => {
        const k = render === 'text' ? 'CAST(k AS VARCHAR)' : 'k';
        const p = position === null ? '' : `, 'p': ${position}`;
        return (
          `SELECT ${id} AS g, CAST(to_json(list({'k': ${k}, 'n': n${p}} ORDER BY k)) AS VARCHAR) AS j FROM (` +
          `SELECT ${key} AS k, count(*) AS n FROM ${from}${where ? ` WHERE ${where}` : ''} GROUP BY 1)`
        );
      })
      .join('\nUNION ALL\n');
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
 * Numbers of distinct non-NULL values of many expressions, one GROUP BY each joined by UNION ALL: inside a wide
 * ungrouped aggregate, count(DISTINCT …) costs about twice as much as the same hash aggregation on its own.
 */
export class DistinctCountQuery {
  private readonly branches: ({ value: string; where: string | null } | { value: string; min: bigint; max: bigint })[] = [];

  add(value: string, where: string | null): number {
    this.branches.push({ value, where });
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

  async run(session: DuckDBSession, from: string): Promise<number[]> {
    const results = this.branches.map(() => 0);
    if (this.isEmpty) return results;
    const sql = this.branches
      .map((branch, id) => {
        if ('min' in branch) {
          return `SELECT ${id} AS g, bit_count(bitstring_agg(${branch.value}, ${branch.min}::BIGINT, ${branch.max}::BIGINT)) AS n FROM ${from}`;
        }
        const filter = `(${branch.value}) IS NOT NULL${branch.where ? ` AND (${branch.where})` : ''}`;
        return `SELECT ${id} AS g, count(*) AS n FROM (SELECT ${branch.value} AS k FROM ${from} WHERE ${filter} GROUP BY 1)`;
      })
      .join('\nUNION ALL\n');
    for (const row of await session.rows(sql)) results[toCount(row['g'])] = toCount(row['n']);
    return results;
  }
}
