import type { Kysely, Selectable, Transaction } from 'kysely';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
import type { PartnerDatabase, SignaturesTable } from '../db/schema';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;
/** An issued certificate row. */
export type SignatureRow = Selectable<SignaturesTable>;

/** Records an issued certificate. */
export async function insertSignature(db: Db, row: SignatureRow): Promise<void> {
  await db.insertInto('signatures').values(row).execute();
}

/** Newest first (index `signatures_account_issued` of migration 0006). */
const NEWEST_FIRST: KeysetOrder<SignatureRow> = {
  list: 'signatures',
  columns: [
    { column: 'issued_at', type: 'text', value: (row) => row.issued_at },
    { column: 'serial', type: 'text', value: (row) => row.serial },
  ],
  direction: 'desc',
};

/** One page of the account's certificates, newest first. */
export function pageSignatures(
  db: Db,
  accountId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<SignatureRow>> {
  const query = db.selectFrom('signatures').selectAll().where('account_id', '=', accountId);
  return keysetPage(query, NEWEST_FIRST, page);
}

/** How many certificates the account was issued. */
export async function countSignatures(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('signatures')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return countOf(row);
}

/** One certificate by serial, if any. */
export function findSignature(db: Db, serial: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('signatures').selectAll().where('serial', '=', serial).executeTakeFirst();
}

/** Marks a certificate revoked; false when it already was. */
export async function markRevoked(db: Db, serial: string, at: string, reason: string) {
  const result = await db
    .updateTable('signatures')
    .set({ revoked_at: at, revocation_reason: reason })
    .where('serial', '=', serial)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Every revoked certificate still worth listing in the CRL (not expired long ago). */
export function listRevoked(db: Db) {
  return db
    .selectFrom('signatures')
    .select(['serial', 'revoked_at', 'revocation_reason'])
    .where('revoked_at', 'is not', null)
    .orderBy('revoked_at')
    .execute();
}
