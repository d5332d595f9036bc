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

/**
 * Reserves one password attempt on the signature, in one atomic UPDATE, before the password is
 * tried: refused (`undefined`) while the signature is locked. The attempt counts as a failure
 * from now on; the one that reaches `max` sets the lock at once (`lockUntil`), so that
 * simultaneous attempts, on any instance, never get more than `max` tried. A lock that has
 * ended restarts the count. Returns the attempt's rank (1 to `max`).
 */
export async function reserveSignatureAttempt(
  db: Db,
  id: string,
  attempt: { max: number; now: string; lockUntil: string },
): Promise<number | undefined> {
  // Failures before this attempt: none after an ended lock.
  const before = sql<number>`(case when locked_until is null then failed_attempts else 0 end)`;
  const row = await db
    .updateTable('signatures')
    .set({
      failed_attempts: sql<number>`${before} + 1`,
      locked_until: sql<
        string | null
      >`case when ${before} + 1 >= ${attempt.max} then ${attempt.lockUntil} else null end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', attempt.now)]))
    .returning('failed_attempts')
    .executeTakeFirst();
  return row && Number(row.failed_attempts);
}

/** Locks the signature until `until` and restarts the count (the next lock needs N more). */
export async function lockSignature(db: Db, id: string, until: string): Promise<void> {
  await db
    .updateTable('signatures')
    .set({ locked_until: until, failed_attempts: 0 })
    .where('id', '=', id)
    .execute();
}

/**
 * A right password ends the count of consecutive failures, and lifts the lock its own attempt
 * set (`lockUntil`, when it was the last one allowed); a lock set by another attempt stays.
 */
export async function resetFailures(db: Db, id: string, lockUntil?: string): Promise<void> {
  await db
    .updateTable('signatures')
    .set({
      failed_attempts: 0,
      ...(lockUntil === undefined
        ? {}
        : {
            locked_until: sql<
              string | null
            >`case when locked_until = ${lockUntil} then null else locked_until end`,
          }),
    })
    .where('id', '=', id)
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
