import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PartnerDatabase, SignaturesTable } from '../db/schema';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;
/** An issued certificate row. */
export type SignatureRow = Selectable<SignaturesTable>;

/** Records an issued certificate. */
export async function insertSignature(db: Db, row: SignatureRow): Promise<void> {
  await db.insertInto('signatures').values(row).execute();
}

/** The account's certificates, newest first. */
export function listSignatures(db: Db, accountId: string): Promise<SignatureRow[]> {
  return db
    .selectFrom('signatures')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('issued_at', 'desc')
    .execute();
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
