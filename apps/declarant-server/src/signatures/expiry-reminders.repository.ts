import type { Kysely } from 'kysely';
import type { DeclarantDatabase } from '../db/schema';

type Db = Kysely<DeclarantDatabase>;

/** Usable signatures of active users that expire in (now, until]. */
export function findExpiringSignatures(db: Db, now: string, until: string) {
  return db
    .selectFrom('signatures as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.serial', 's.holder_email', 's.not_after'])
    .where('s.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .where('s.not_after', '>', now)
    .where('s.not_after', '<=', until)
    .execute();
}

/** Whether the user holds another unrevoked signature still valid after `validAfter` (renewed). */
export async function hasRenewedSignature(
  db: Db,
  userId: string,
  signatureId: string,
  validAfter: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('signatures')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '!=', signatureId)
    .where('revoked_at', 'is', null)
    .where('not_after', '>', validAfter)
    .executeTakeFirst();
  return row !== undefined;
}

/** Claims the (signature, days) reminder; false when it was claimed already (by any instance). */
export async function claimReminder(
  db: Db,
  signatureId: string,
  daysBefore: number,
  at: string,
): Promise<boolean> {
  const claim = await db
    .insertInto('signature_reminders')
    .values({ signature_id: signatureId, days_before: daysBefore, claimed_at: at })
    .onConflict((oc) => oc.columns(['signature_id', 'days_before']).doNothing())
    .executeTakeFirst();
  return Number(claim.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Gives a claim back (its email could not be sent) for the next run. */
export async function releaseReminder(
  db: Db,
  signatureId: string,
  daysBefore: number,
): Promise<void> {
  await db
    .deleteFrom('signature_reminders')
    .where('signature_id', '=', signatureId)
    .where('days_before', '=', daysBefore)
    .execute();
}

export async function markReminderSent(
  db: Db,
  signatureId: string,
  daysBefore: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('signature_reminders')
    .set({ sent_at: at })
    .where('signature_id', '=', signatureId)
    .where('days_before', '=', daysBefore)
    .execute();
}
