/**
 * The single full read of the file: every column is parsed once into a temporary table, so later passes never
 * re-parse text. Per-cell string work is what dominates the cost, so the table keeps as little as possible:
 *   typed columns (numbers, dates, booleans…)
 *     v{i}  the typed value when the text parses
 *     b{i}  the raw text when present but not parsing (rare): null tokens and genuinely bad values, told apart
 *           later on these few rows only
 *   text columns
 *     t{i}  the null token matched (1-based index into the column's ColumnPlan.nullTokens; 1 = empty/absent), else NULL
 *     v{i}  the raw text when it is not a null token
 * Whether a text value matches the column's semantic type or unit is not stored: pass 1 counts it, from the
 * distinct values alone for low-cardinality columns (column-pass.ts), which spares a regex per row of the load.
 * An empty field (SQL NULL from the reader) is missing in both layouts. DuckDB spills the table to the temp
 * directory when it outgrows the memory limit.
 *
 * Wide files (PACKED_MIN_COLUMNS columns or more) keep the same fields packed into list columns instead
 * (withTableLayout): each list holds up to PACKED_LIST_WIDTH fields of one type, and a field is read as
 * `l{list}[{position}]`. DuckDB gives every table column its own blocks (a 256 KB block for the data and one for
 * the validity of each column of each row group being written, pinned while rows are appended): 2,500 table columns
 * for a 1,000-column file needed 1.3 GB before a row was stored, and the load failed at the 1 GB memory limit, or,
 * with more memory, took 105 s for 100,000 rows. Each query also binds every column of the table it names, once
 * per reference: a UNION ALL of 2,000 per-column branches over that table took 10 s to plan. Lists keep the table
 * at a few dozen columns. The unparsed text of typed columns (b{i}, nearly always NULL) is stored as a NULL list
 * when none of the list's fields has any.
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { stringListLiteral } from '../engine/sql.js';
import type { CellStorage, ColumnPlan, StorageSlot } from '../inference/column-plan.js';
import { typedValueSql } from '../inference/value-parsers.js';
import type { ValueType } from '../distribution-schema.js';
import type { SourceRelation } from '../reader/source-relation.js';
import { translateReadError } from '../reader/source-relation.js';

export const PROFILED_TABLE = 'profiled';
/** From this many columns on, the typed table is packed into lists (see above). */
export const PACKED_MIN_COLUMNS = 65;
/**
 * Fields per list. A query that reads one field scans its whole list, so lists are not made wider than needed to
 * keep the table narrow: 1,000 columns give about 80 lists.
 */
export const PACKED_LIST_WIDTH = 32;

const slotSql = (slot: StorageSlot) => `l${slot.list}[${slot.position}]`;

export const valueColumn = (plan: ColumnPlan) => (plan.storage ? slotSql(plan.storage.value) : `v${plan.index}`);
export const tokenColumn = (plan: ColumnPlan) => (plan.storage?.token ? slotSql(plan.storage.token) : `t${plan.index}`);
export const badColumn = (plan: ColumnPlan) => (plan.storage?.bad ? slotSql(plan.storage.bad) : `b${plan.index}`);

/** The SQL type of a column's typed values (v{i}), as typedValueSql produces them. */
export function valueSqlType(valueType: ValueType): string {
  switch (valueType) {
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return 'DOUBLE';
    case 'date':
      return 'DATE';
    case 'datetime':
      return 'TIMESTAMP';
    case 'time':
      return 'TIME';
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
      return 'VARCHAR';
  }
}

export function isTextColumn(plan: ColumnPlan): boolean {
  return plan.rule.valueType === 'string';
}

/**
 * SQL expressions that together hold every cell of a row (for row hashing): each column's value and token or
 * unparsed text, or, packed, the lists themselves (a row's lists are equal exactly when its cells are: an all-NULL
 * list of unparsed text is always stored as NULL).
 */
export function rowCellsSql(plans: readonly ColumnPlan[]): string[] {
  if (plans.some((plan) => plan.storage)) {
    const lists = new Set<number>();
    for (const plan of plans) {
      const { value, token, bad } = plan.storage!;
      for (const slot of [value, token, bad]) if (slot) lists.add(slot.list);
    }
    return [...lists].sort((a, b) => a - b).map((list) => `l${list}`);
  }
  return plans.flatMap((plan) => (isTextColumn(plan) ? [tokenColumn(plan), valueColumn(plan)] : [valueColumn(plan), badColumn(plan)]));
}

/** Kinds of packed field: they share lists only with fields of the same kind and type. */
type FieldKind = 'value' | 'token' | 'bad';

/**
 * The plans with their storage: unchanged below PACKED_MIN_COLUMNS columns, otherwise each field given a slot in a
 * list of its kind and type, in file order. DATAINSIGHT_TABLE_LAYOUT=packed or =columns forces a layout (to compare
 * the two on the same file: every figure of a profile is the same either way).
 */
export function withTableLayout(plans: readonly ColumnPlan[]): ColumnPlan[] {
  const forced = process.env['DATAINSIGHT_TABLE_LAYOUT'];
  const packed = forced === 'packed' || (forced !== 'columns' && plans.length >= PACKED_MIN_COLUMNS);
  if (!packed) return [...plans];
  let lists = 0;
  const open = new Map<string, StorageSlot>();
  const place = (kind: FieldKind, type: string): StorageSlot => {
    const key = `${kind}:${type}`;
    const last = open.get(key);
    const slot =
      last && last.position < PACKED_LIST_WIDTH ? { list: last.list, position: last.position + 1 } : { list: lists++, position: 1 };
    open.set(key, slot);
    return slot;
  };
  return plans.map((plan) => {
    const text = isTextColumn(plan);
    const storage: CellStorage = {
      value: place('value', valueSqlType(plan.rule.valueType)),
      token: text ? place('token', 'UTINYINT') : null,
      bad: text ? null : place('bad', 'VARCHAR'),
    };
    return { ...plan, storage };
  });
}

/** The list columns of a packed table: for each, its fields' column names in the unpacked select, in order. */
function packedLists(plans: readonly ColumnPlan[]): { fields: string[]; sparse: boolean }[] {
  const lists: { fields: string[]; sparse: boolean }[] = [];
  const put = (slot: StorageSlot | null, field: string, sparse: boolean) => {
    if (!slot) return;
    const list = (lists[slot.list] ??= { fields: [], sparse });
    list.fields[slot.position - 1] = field;
  };
  for (const plan of plans) {
    const { index } = plan;
    const { value, token, bad } = plan.storage!;
    put(value, `v${index}`, false);
    put(token, `t${index}`, false);
    put(bad, `b${index}`, true);
  }
  return lists;
}

/** SQL: 1-based index of `text` in the null-token list, NULL when it is not a token. */
export function nullTokenIndexSql(text: string, nullTokens: readonly string[]): string {
  // Only short cells can be tokens: the O(1) byte-length test spares a trim and a list search on most cells.
  const tokenBytes = Math.max(...nullTokens.map((t) => Buffer.byteLength(t)));
  const longest = tokenBytes + 16;
  // trim() copies the string; it can only change a cell that starts or ends with a space (the one ASCII
  // character trim() strips) or holds non-ASCII characters (Unicode spaces), so other cells longer than every
  // token are no token, without trimming. Same result as trimming every cell, for a fraction of the cost.
  const mayBeToken = `(strlen(${text}) <= ${tokenBytes} OR prefix(${text}, ' ') OR suffix(${text}, ' ') OR strlen(${text}) <> length(${text}))`;
  return `CASE WHEN ${text} IS NULL THEN 1 WHEN strlen(${text}) <= ${longest} AND ${mayBeToken} THEN list_position(${stringListLiteral(nullTokens)}, trim(${text})) END`;
}

export async function loadTypedTable(
  session: DuckDBSession,
  source: SourceRelation,
  filePath: string,
  plans: readonly ColumnPlan[],
  onProgress: (percent: number) => void,
  /** Only the first rows of the file (null: all). */
  rowLimit: number | null = null,
): Promise<number> {
  // The fields by their unpacked names (v{i}, b{i}…), whatever the layout: a packed table lists them afterwards.
  const inner = plans.map((plan) => {
    const { index } = plan;
    const raw = source.rawColumn(index);
    if (isTextColumn(plan)) return `CAST(${nullTokenIndexSql(raw, plan.nullTokens)} AS UTINYINT) AS t${index}, ${raw} AS r${index}`;
    // A token that parses (`-999` among numbers) stays unparsed text, b{i}, which then reads as that token.
    const typed =
      plan.typedNullTokens.length === 0
        ? typedValueSql(plan.rule, raw)
        : `CASE WHEN list_contains(${stringListLiteral(plan.typedNullTokens)}, trim(${raw})) THEN NULL ELSE ${typedValueSql(plan.rule, raw)} END`;
    return `${typed} AS v${index}, ${raw} AS r${index}`;
  });
  const outer = plans.map((plan) => {
    const { index } = plan;
    if (!isTextColumn(plan)) return `v${index}, CASE WHEN v${index} IS NULL THEN r${index} END AS b${index}`;
    const text = `CASE WHEN t${index} IS NULL THEN r${index} END`;
    return `t${index}, ${text} AS v${index}`;
  });
  const limit = rowLimit === null ? '' : ' LIMIT $2';
  let select = `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${source.fromSql}${limit})`;
  if (plans.some((plan) => plan.storage)) {
    const lists = packedLists(plans).map(({ fields, sparse }, list) => {
      const values = `[${fields.join(', ')}]`;
      return sparse
        ? `CASE WHEN ${fields.map((f) => `${f} IS NULL`).join(' AND ')} THEN NULL ELSE ${values} END AS l${list}`
        : `${values} AS l${list}`;
    });
    select = `SELECT ${lists.join(', ')} FROM (${select})`;
  }
  const sql = `CREATE OR REPLACE TEMP TABLE ${PROFILED_TABLE} AS ${select}`;
  try {
    // CREATE TABLE … AS reports the rows it wrote.
    const created = await session.one(sql, rowLimit === null ? [filePath] : [filePath, rowLimit], onProgress);
    return Number(created['Count']);
  } catch (error) {
    throw translateReadError(error);
  }
}
