import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { countOf, keysetPage, type KeysetOrder, type KeysetPage } from '@passerelle/server-kit';
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

/** Newest first (indexes `signatures_user_issued` and `signatures_issued` of migration 0008). */
const NEWEST_FIRST: KeysetOrder<SignatureRow> = {
  list: 'signatures',
  columns: [
    { column: 'issued_at', type: 'text', value: (row) => row.issued_at },
    { column: 'id', type: 'text', value: (row) => row.id },
  ],
  direction: 'desc',
};

function ofHolder(db: Db, userId: string | undefined) {
  const query = db.selectFrom('signatures');
  return userId === undefined ? query : query.where('user_id', '=', userId);
}

/** One page of a user's signatures (every signature of the firm when `userId` is undefined). */
export function pageSignatures(
  db: Db,
  userId: string | undefined,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<SignatureRow>> {
  return keysetPage(ofHolder(db, userId).selectAll(), NEWEST_FIRST, page);
}

/** How many signatures a user has (the firm when `userId` is undefined). */
export async function countSignatures(db: Db, userId: string | undefined): Promise<number> {
  const row = await ofHolder(db, userId)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return countOf(row);
}

/**
 * The default signature of each of `userIds`: their newest usable one at `now` (not revoked,
 * inside its validity; a temporary lock does not matter).
 */
export async function findDefaultSignatureIds(
  db: Db,
  userIds: readonly string[],
  now: string,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('signatures')
    .select(['id', 'user_id'])
    .where('user_id', 'in', [...userIds])
    .where('revoked_at', 'is', null)
    .where('not_before', '<=', now)
    .where('not_after', '>', now)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const holders = new Set<string>();
  const defaults = new Set<string>();
  for (const row of rows) {
    if (holders.has(row.user_id)) continue;
    holders.add(row.user_id);
    defaults.add(row.id);
  }
  return defaults;
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

/** The CA chain (PEM) pinned when the signature's certificate was issued. */
export async function findSignatureChain(db: Db, id: string): Promise<string> {
  const row = await db
    .selectFrom('signatures')
    .select('chain_pem')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.chain_pem;
}
