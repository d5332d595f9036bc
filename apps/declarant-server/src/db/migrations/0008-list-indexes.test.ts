import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  indexesOf,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { declarantMigrations } from '.';

const BEFORE_0008 = Object.fromEntries(
  Object.entries(declarantMigrations).filter(([name]) => name < '0008'),
);
/** Up to 0008 included: later migrations are not this test's subject. */
const UP_TO_0008 = Object.fromEntries(
  Object.entries(declarantMigrations).filter(([name]) => name < '0009'),
);

describe.each(await testDialects())('migration 0008, list indexes (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<unknown>;
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  it('fills the search column of existing dossiers and creates every list index', async () => {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase(scratch.target);
    const { db } = database;
    await migrateToLatest(db, dialect, BEFORE_0008, database.schema);
    await sql`insert into dossiers (id, siren, name, postcode, city, category, regime, taxation, rof, created_at, updated_at)
      values ('d1', '732829320', 'SOCIÉTÉ  Générale', '75002', 'Paris', 'BI', 'RS', 'IS', 'IS1', '2026-01-01', '2026-01-01')`.execute(
      db,
    );

    expect(await migrateToLatest(db, dialect, UP_TO_0008, database.schema)).toEqual([
      '0008-list-indexes',
    ]);
    const { rows } = await sql<{ name_search: string }>`select name_search from dossiers`.execute(
      db,
    );
    expect(rows).toEqual([{ name_search: 'societe generale' }]);
    expect(await indexesOf(db, dialect, 'declarations')).toEqual(
      expect.arrayContaining([
        'declarations_created',
        'declarations_unsent_status',
        'declarations_sent_status',
        'declarations_dossier_created',
      ]),
    );
    expect(await indexesOf(db, dialect, 'dossiers')).toContain('dossiers_name');
    expect(await indexesOf(db, dialect, 'users')).toContain('users_firm_name');
    expect(await indexesOf(db, dialect, 'signatures')).toEqual(
      expect.arrayContaining(['signatures_user_issued', 'signatures_issued']),
    );
  });
});
