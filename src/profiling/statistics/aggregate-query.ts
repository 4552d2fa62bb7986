/** Collects many aggregate expressions into one SELECT so that a pass over the table computes them all. */
import type { DuckDBSession, JsonRow } from '../engine/duckdb-session.js';

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
