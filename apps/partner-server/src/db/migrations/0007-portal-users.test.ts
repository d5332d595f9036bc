import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { partnerMigrations } from '.';
import { migration0007 } from './0007-portal-users';

/** The column names of a table, on either engine. */
async function columnsOf(db: Kysely<unknown>, dialect: string, table: string): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      : await sql<{
          name: string;
        }>`select column_name as name from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(
          db,
        );
  return rows.map((row) => row.name);
}

describe.each(await testDialects())('partner migration 0007, portal users (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<unknown>;
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  it('adds the users, their audit events and the person of sessions and certificates; down removes them', async () => {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase(scratch.target);
    await migrateToLatest(database.db, dialect, partnerMigrations, database.schema);
    expect(await columnsOf(database.db, dialect, 'portal_users')).toEqual(
      expect.arrayContaining(['email', 'password_hash', 'status', 'invitation_token_hash']),
    );
    expect(await columnsOf(database.db, dialect, 'audit_events')).toContain('subject_user_id');
    expect(await columnsOf(database.db, dialect, 'session_families')).toContain('portal_user_id');
    expect(await columnsOf(database.db, dialect, 'signatures')).toContain('portal_user_id');

    await migration0007.down?.(database.db, dialect);
    expect(await columnsOf(database.db, dialect, 'portal_users')).toEqual([]);
    expect(await columnsOf(database.db, dialect, 'audit_events')).toEqual([]);
    expect(await columnsOf(database.db, dialect, 'session_families')).not.toContain(
      'portal_user_id',
    );
    expect(await columnsOf(database.db, dialect, 'signatures')).not.toContain('portal_user_id');
    // And up again on the downgraded schema.
    await migration0007.up(database.db, dialect);
    expect(await columnsOf(database.db, dialect, 'signatures')).toContain('portal_user_id');
  });
});
