import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DeclarantDatabase, SignaturesTable } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
/** A stored signature: certificate, wrapped key, counters. */
export type SignatureRow = Selectable<SignaturesTable>;

export async function insertSignature(db: Db, row: Insertable<SignaturesTable>): Promise<void> {
  await db.insertInto('signatures').values(row).execute();
}

export function findSignatureById(db: Db, id: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('signatures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One user's signatures, newest first. */
export function listUserSignatures(db: Db, userId: string): Promise<SignatureRow[]> {
  return db
    .selectFrom('signatures')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('issued_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Every signature of the installation (one firm), newest first. */
export function listAllSignatures(db: Db): Promise<SignatureRow[]> {
  return db
    .selectFrom('signatures')
    .selectAll()
    .orderBy('issued_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Counts one wrong password atomically and returns the new count. */
export async function countFailure(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('signatures')
    .set({ failed_attempts: sql<number>`failed_attempts + 1` })
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  return Number(row.failed_attempts);
}

/** Locks the signature until `until` and restarts the count (the next lock needs N more). */
export async function lockSignature(db: Db, id: string, until: string): Promise<void> {
  await db
    .updateTable('signatures')
    .set({ locked_until: until, failed_attempts: 0 })
    .where('id', '=', id)
    .execute();
}

/** A right password ends the count of consecutive failures. */
export async function resetFailures(db: Db, id: string): Promise<void> {
  await db
    .updateTable('signatures')
    .set({ failed_attempts: 0 })
    .where('id', '=', id)
    .where('failed_attempts', '>', 0)
    .execute();
}

/**
 * Replaces the wrapped key, only if it is still the one that was unwrapped: two concurrent
 * password changes cannot both win (the loser's update matches no row).
 */
export async function replaceWrappedKey(
  db: Db,
  id: string,
  previous: string,
  next: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('signatures')
    .set({ wrapped_key: next, password_changed_at: at })
    .where('id', '=', id)
    .where('wrapped_key', '=', previous)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markSignatureRevoked(
  db: Db,
  id: string,
  at: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('signatures')
    .set({ revoked_at: at, revocation_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
