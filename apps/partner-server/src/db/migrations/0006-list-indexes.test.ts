import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  indexesOf,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { partnerMigrations } from '.';

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
