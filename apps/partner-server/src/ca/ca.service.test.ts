import { afterEach, describe, expect, it } from 'vitest';
import { addKey, openSecret } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { openDatabase, type Database } from '@passerelle/server-kit';
import { migrateToLatest } from '@passerelle/server-kit';
import { partnerMigrations } from '../db/migrations';
import type { PartnerDatabase } from '../db/schema';
import { loadOrCreateCa } from './ca.service';

describe.each(await testDialects())('partner CA storage (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<PartnerDatabase>;
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  it('creates the CA once, stores its key only sealed, and loads the same CA at the next start', async () => {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase<PartnerDatabase>(scratch.target);
    await migrateToLatest(database.db as never, dialect, partnerMigrations, database.schema);
    const keyring = addKey(undefined);
    const now = new Date('2026-03-02T09:00:00Z');
    const first = await loadOrCreateCa(database.db, keyring, 'Partenaire EDI de référence', now);
    const again = await loadOrCreateCa(database.db, keyring, 'Partenaire EDI de référence', now);
    expect(again.certificatePem).toBe(first.certificatePem);
    const rows = await database.db.selectFrom('ca_keys').selectAll().execute();
    expect(rows).toHaveLength(1);
    const sealed = rows[0]!.private_key_sealed;
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain('PRIVATE KEY');
    // The sealed key opens only in its own context, and only with the master key.
    expect(openSecret(keyring, sealed, 'ca-key:current').length).toBeGreaterThan(100);
    await expect(loadOrCreateCa(database.db, addKey(undefined), 'x', now)).rejects.toThrow();
  });
});
