import { sql, type SelectQueryBuilder } from 'kysely';
import { INVALID_CURSOR_MESSAGE } from '@passerelle/contracts';
import { AppError } from '../app-error';

// Keyset paging, shared by every repository that lists (issue #12). A page is
// `WHERE (k1, …, id) > (cursor) ORDER BY k1, …, id LIMIT n + 1`: with an index on those columns
// it reads n + 1 index entries wherever the page starts, and rows inserted while a client pages
// land before or after its cursor without shifting what it has still to read. Row-value
// comparisons are understood by both engines' planners as an index range (SQLite ≥ 3.15).

/** A sort key value as a cursor carries it. */
export type CursorValue = string | number;

/** One column of a list's order: how the query names it and how to read it from a row. */
export interface SortColumn<Row> {
  /** The column reference in the query, e.g. `d.created_at`. */
  column: string;
  type: 'text' | 'integer';
  value(row: Row): CursorValue;
}

/** How a list is ordered and named in its cursors. */
export interface KeysetOrder<Row> {
  /** Written in the cursor: a cursor of another list is refused. */
  list: string;
  /** The sort key; the last column must be unique (the id), so that the order is total. */
  columns: readonly SortColumn<Row>[];
  /** One direction for every column, so one composite index serves the whole order. */
  direction: 'asc' | 'desc';
}

/** Longest text value a cursor may carry (sort keys are names, ISO times and ids). */
const MAX_TEXT = 300;

const invalidCursor = () =>
  new AppError('VALIDATION_ERROR', INVALID_CURSOR_MESSAGE, { field: 'cursor' });

/** The opaque cursor of a position in `order` (base64url of the list's name and the key). */
export function encodeCursor<Row>(order: KeysetOrder<Row>, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([order.list, ...values]), 'utf8').toString('base64url');
}

/**
 * The key a cursor carries, checked against the list's columns: anything that no page of this
 * list could have given (garbage, a cut or edited cursor, another list's) is a 400
 * `VALIDATION_ERROR` on `cursor`, never a query.
 */
export function decodeCursor<Row>(order: KeysetOrder<Row>, cursor: string): CursorValue[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== order.columns.length + 1) throw invalidCursor();
  const [list, ...values] = decoded as unknown[];
  if (list !== order.list) throw invalidCursor();
  return values.map((value, index) => {
    const type = order.columns[index]?.type;
    if (type === 'integer' && Number.isSafeInteger(value)) return value as number;
    if (type === 'text' && typeof value === 'string' && value.length <= MAX_TEXT) return value;
    throw invalidCursor();
  });
}

/** One page of rows and the cursor of the next one (null after the last row). */
export interface KeysetPage<Row> {
  rows: Row[];
  nextCursor: string | null;
}

/**
 * Runs `query` (its filters already applied, no ORDER BY or LIMIT) as one page of `order`:
 * the rows after `cursor` (from the start when undefined), at most `limit` of them.
 */
export async function keysetPage<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  // The rows' type comes from the query; an order may read fewer columns than it selects.
  order: KeysetOrder<NoInfer<Row>>,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<Row>> {
  let paged = query;
  if (page.cursor !== undefined) {
    const after = decodeCursor(order, page.cursor);
    const columns = sql.join(order.columns.map((c) => sql.ref(c.column)));
    const operator = sql.raw(order.direction === 'asc' ? '>' : '<');
    paged = paged.where(sql<boolean>`(${columns}) ${operator} (${sql.join(after)})`);
  }
  for (const column of order.columns)
    paged = paged.orderBy(sql.ref(column.column), order.direction);
  // One row more than asked says whether another page follows, without a count.
  const rows = await paged.limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > page.limit && last !== undefined
      ? encodeCursor(
          order,
          order.columns.map((column) => column.value(last)),
        )
      : null;
  return { rows: items, nextCursor };
}

/** The number in a `count(*)` row: PostgreSQL answers bigint counts as text. */
export function countOf(row: { n: string | number | bigint } | undefined): number {
  return Number(row?.n ?? 0);
}
