import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { partnerMigrations } from '.';

/** The index names of a table, on either engine. */
async function indexesOf(db: Kysely<unknown>, dialect: string, table: string): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = ${table}`.execute(db)
      : await sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = ${table} and schemaname = current_schema()`.execute(
          db,
        );
  return rows.map((row) => row.name);
}

describe.each(await testDialects())('partner migration 0006, list indexes (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<unknown>;
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  it('creates the index of each paged list', async () => {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase(scratch.target);
    await migrateToLatest(database.db, dialect, partnerMigrations, database.schema);
    expect(await indexesOf(database.db, dialect, 'deposits')).toEqual(
      expect.arrayContaining(['deposits_account_updated', 'deposits_account_received']),
    );
    expect(await indexesOf(database.db, dialect, 'signatures')).toContain(
      'signatures_account_issued',
    );
    expect(await indexesOf(database.db, dialect, 'session_families')).toContain(
      'session_families_account',
    );
  });
});
