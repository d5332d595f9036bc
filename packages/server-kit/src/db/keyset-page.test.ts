import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_SIZE_MAX } from '@passerelle/contracts';
import { AppError } from '../app-error';
import { openDatabase, type Database } from './database';
import { decodeCursor, encodeCursor, keysetPage, type KeysetOrder } from './keyset-page';
import { createScratchDatabase, testDialects, type ScratchDatabase } from '../testing';

interface ItemsTable {
  id: string;
  at: string;
  rank: number;
}
interface TestDb {
  items: ItemsTable;
}

const order = (direction: 'asc' | 'desc'): KeysetOrder<ItemsTable> => ({
  list: 'items',
  columns: [
    { column: 'at', type: 'text', value: (row) => row.at },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction,
});

/** Row i: its time repeats every 4 rows (an import's rows share one time), ids in random order. */
const row = (i: number): ItemsTable => ({
  id: `${((i * 7919) % 1000).toString().padStart(3, '0')}-${i}`,
  at: `2026-01-01T00:00:${String(Math.floor(i / 4)).padStart(2, '0')}.000Z`,
  rank: i,
});

describe.each(await testDialects())('keyset pages (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<TestDb>;
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  async function open(): Promise<Kysely<TestDb>> {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase<TestDb>(scratch.target);
    await sql`create table items (id text primary key, at text not null, rank integer not null)`.execute(
      database.db,
    );
    await sql`create index items_at on items (at, id)`.execute(database.db);
    return database.db;
  }

  for (const direction of ['asc', 'desc'] as const) {
    it(`visits every row once, in order (${direction}), while rows are inserted between pages`, async () => {
      const db = await open();
      const rows = Array.from({ length: 30 }, (_, i) => row(i));
      await db.insertInto('items').values(rows).execute();
      const seen: ItemsTable[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await keysetPage(db.selectFrom('items').selectAll(), order(direction), {
          limit: 7,
          cursor,
        });
        expect(page.rows.length).toBeLessThanOrEqual(7);
        seen.push(...page.rows);
        cursor = page.nextCursor ?? undefined;
        pages += 1;
        // New rows meanwhile: one at the far end still to read, one among those already read.
        const [far, near] = direction === 'asc' ? ['2100', '2000'] : ['2000', '2100'];
        const late = { ...row(100 + pages), at: `${far}-01-01` };
        const early = { ...row(200 + pages), at: `${near}-01-01` };
        await db.insertInto('items').values([late, early]).execute();
      } while (cursor !== undefined);

      const ids = seen.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length); // never twice
      for (const original of rows) expect(ids).toContain(original.id); // never missed
      // The ones inserted at the far end are read too; those behind the cursor are not.
      expect(seen.some((r) => r.rank >= 200)).toBe(false);
      expect(seen.filter((r) => r.rank >= 100).length).toBeGreaterThan(0);
      // Byte order, as both engines compare these ASCII texts.
      const key = (r: ItemsTable) => `${r.at}|${r.id}`;
      const sorted = [...seen].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      expect(ids).toEqual((direction === 'asc' ? sorted : sorted.reverse()).map((r) => r.id));
    });
  }

  it('answers no cursor on the last page, and an empty page for an empty list', async () => {
    const db = await open();
    const empty = await keysetPage(db.selectFrom('items').selectAll(), order('asc'), {
      limit: 5,
    });
    expect(empty).toEqual({ rows: [], nextCursor: null });
    await db
      .insertInto('items')
      .values(Array.from({ length: 5 }, (_, i) => row(i)))
      .execute();
    const exact = await keysetPage(db.selectFrom('items').selectAll(), order('asc'), {
      limit: 5,
    });
    expect(exact.rows).toHaveLength(5);
    expect(exact.nextCursor).toBeNull();
  });

  it('refuses a forged cursor before any query, as a 400 on the cursor field', async () => {
    const db = await open();
    const valid = encodeCursor(order('asc'), ['2026-01-01T00:00:00.000Z', 'x']);
    const forged = [
      'pas-un-curseur!',
      'AAAA',
      Buffer.from('{"a":1}').toString('base64url'),
      encodeCursor({ ...order('asc'), list: 'signatures' }, ['2026', 'x']),
      encodeCursor(order('asc'), ['2026']),
      encodeCursor(order('asc'), [12, 'x']),
      encodeCursor(order('asc'), ['x'.repeat(301), 'x']),
      valid.slice(0, -3),
    ];
    for (const cursor of forged) {
      const attempt = keysetPage(db.selectFrom('items').selectAll(), order('asc'), {
        limit: PAGE_SIZE_MAX,
        cursor,
      });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'cursor' });
    }
    expect(decodeCursor(order('asc'), valid)).toEqual(['2026-01-01T00:00:00.000Z', 'x']);
  });
});

describe('integer sort keys', () => {
  it('round-trip and refuse non-integers', () => {
    const bySeq: KeysetOrder<{ seq: number }> = {
      list: 'audit',
      columns: [{ column: 'seq', type: 'integer', value: (r) => r.seq }],
      direction: 'desc',
    };
    expect(decodeCursor(bySeq, encodeCursor(bySeq, [42]))).toEqual([42]);
    expect(() => decodeCursor(bySeq, encodeCursor(bySeq, [4.5]))).toThrow(AppError);
    expect(() => decodeCursor(bySeq, encodeCursor(bySeq, ['42']))).toThrow(AppError);
  });
});
