import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { findFirstDepositOfInterchange, insertDepositOnce } from '../deposits/deposits.repository';
import { partnerMigrations } from './migrations';
import type { PartnerDatabase } from './schema';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A deposit row as version 0002 stored it (no content digest, no duplicate mark). */
function legacyDeposit(
  accountId: string,
  minute: number,
  content: string,
  reference: string | null,
) {
  const at = new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
  return {
    id: randomUUID(),
    account_id: accountId,
    idempotency_key: randomUUID(),
    status: 'received' as const,
    received_at: at,
    updated_at: at,
    body_sha256: sha256(`signé ${content} ${minute}`),
    body_size: 10,
    signer_serial: 'ab',
    signing_time: at,
    interchange_reference: reference,
    siren: null,
    test_indicator: 0,
    history: '[]',
    errors: '[]',
    contrl: null,
    cr: null,
    locked_by: null,
    locked_until: null,
    receipt: Buffer.from('r'),
    content: Buffer.from(content),
    body: Buffer.from(`signé ${content} ${minute}`),
  };
}

/** The database as migration 0002 left it. */
type LegacyDatabase = Kysely<{ deposits: ReturnType<typeof legacyDeposit> }>;

describe.each(await testDialects())(
  'migration 0003: one deposit per interchange (%s)',
  (dialect) => {
    let scratch: ScratchDatabase;
    let database: Database<PartnerDatabase>;
    afterEach(async () => {
      await database.close();
      await scratch.drop();
    });

    it('keeps the copies accepted before the rule, marks them, and refuses any further one', async () => {
      scratch = await createScratchDatabase(dialect);
      database = openDatabase<PartnerDatabase>(scratch.target);
      const {
        '0003-deposit-uniqueness': _added,
        '0004-session-lifetimes': _later,
        ...before
      } = partnerMigrations;
      await migrateToLatest(database.db as never, dialect, before, database.schema);
      const accountId = randomUUID();
      await database.db
        .insertInto('accounts')
        .values({
          id: accountId,
          firm_name: 'Cabinet Exemple',
          siret: '73282932000074',
          admin_first_name: 'Alice',
          admin_last_name: 'Durand',
          admin_email: 'alice@cabinet.fr',
          password_hash: 'x',
          email_verified_at: null,
          created_at: '2026-03-01T00:00:00.000Z',
        })
        .execute();
      const first = legacyDeposit(accountId, 0, 'UNB X', 'R1');
      const copy = legacyDeposit(accountId, 1, 'UNB X', 'R1');
      const sameReference = legacyDeposit(accountId, 2, 'UNB Y', 'R1');
      const unreadableA = legacyDeposit(accountId, 3, 'illisible A', null);
      const unreadableB = legacyDeposit(accountId, 4, 'illisible B', null);
      // Inserted out of order: the first by reception time is the one kept as first.
      for (const row of [copy, unreadableB, first, sameReference, unreadableA]) {
        await (database.db as never as LegacyDatabase).insertInto('deposits').values(row).execute();
      }

      await migrateToLatest(database.db as never, dialect, partnerMigrations, database.schema);
      const rows = await database.db
        .selectFrom('deposits')
        .select(['id', 'content_sha256', 'duplicate_of'])
        .execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(first.id)).toEqual({
        id: first.id,
        content_sha256: sha256('UNB X'),
        duplicate_of: null,
      });
      expect(byId.get(copy.id)?.duplicate_of).toBe(first.id);
      expect(byId.get(sameReference.id)?.duplicate_of).toBe(first.id);
      expect(byId.get(unreadableA.id)?.duplicate_of).toBeNull();
      expect(byId.get(unreadableB.id)?.duplicate_of).toBeNull();

      // From now on the indexes hold: a third copy is not inserted, and the first is named.
      const third = {
        ...legacyDeposit(accountId, 5, 'UNB X', 'R9'),
        content_sha256: sha256('UNB X'),
      };
      expect(await insertDepositOnce(database.db, { ...third, duplicate_of: null })).toBe(false);
      expect(
        await findFirstDepositOfInterchange(database.db, accountId, sha256('UNB X'), 'R9'),
      ).toMatchObject({ id: first.id, match: 'content' });
      const reused = {
        ...legacyDeposit(accountId, 6, 'UNB Z', 'R1'),
        content_sha256: sha256('UNB Z'),
      };
      expect(await insertDepositOnce(database.db, { ...reused, duplicate_of: null })).toBe(false);
      const fresh = {
        ...legacyDeposit(accountId, 7, 'UNB Z', null),
        content_sha256: sha256('UNB Z'),
      };
      expect(await insertDepositOnce(database.db, { ...fresh, duplicate_of: null })).toBe(true);
    });
  },
);
