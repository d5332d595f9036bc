import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { partnerMigrations } from './migrations';
import type { PartnerDatabase } from './schema';

describe.each(await testDialects())('migration 0004: session lifetimes (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<PartnerDatabase>;
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  it('gives the sessions opened before it their default end, counted from their sign-in', async () => {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase<PartnerDatabase>(scratch.target);
    const {
      '0004-session-lifetimes': _,
      '0005-password-resets': _later,
      ...before
    } = partnerMigrations;
    await migrateToLatest(database.db as never, dialect, before, database.schema);
    await database.db
      .insertInto('accounts')
      .values({
        id: 'a1',
        firm_name: 'Cabinet Exemple',
        siret: '73282932000074',
        admin_first_name: 'Alice',
        admin_last_name: 'Durand',
        admin_email: 'alice@cabinet-exemple.fr',
        password_hash: 'x',
        email_verified_at: '2025-01-01T00:00:00.000Z',
        created_at: '2025-01-01T00:00:00.000Z',
      })
      .execute();
    // Rows as the earlier schema wrote them: no end at all.
    const families = database.db as unknown as Kysely<{
      session_families: Omit<PartnerDatabase['session_families'], 'expires_at'>;
    }>;
    for (const [id, kind] of [
      ['api-1', 'api'],
      ['portal-1', 'portal'],
    ] as const) {
      await families
        .insertInto('session_families')
        .values({
          id,
          kind,
          account_id: 'a1',
          created_at: '2025-01-10T08:00:00.000Z',
          revoked_at: null,
          revoked_reason: null,
        })
        .execute();
    }
    await migrateToLatest(database.db as never, dialect, partnerMigrations, database.schema);
    const rows = await database.db
      .selectFrom('session_families')
      .select(['id', 'expires_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'api-1', expires_at: '2025-04-10T08:00:00.000Z' },
      { id: 'portal-1', expires_at: '2025-01-10T20:00:00.000Z' },
    ]);
  });
});
