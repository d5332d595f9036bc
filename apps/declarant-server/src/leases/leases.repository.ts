import { sql, type Kysely } from 'kysely';
import type { DeclarantDatabase } from '../db/schema';

/**
 * Takes the lease `name` for `holder` until `expiresAt` if nobody holds it or its holder's
 * lease ended, in one atomic statement (an upsert whose update only applies to an expired
 * lease): of N simultaneous callers, on one instance or several, one gets it.
 */
export async function tryTakeLease(
  db: Kysely<DeclarantDatabase>,
  lease: { name: string; holder: string; expiresAt: string },
  now: string,
): Promise<boolean> {
  const row = await db
    .insertInto('leases')
    .values({ name: lease.name, holder: lease.holder, expires_at: lease.expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder: lease.holder, expires_at: lease.expiresAt })
        .where(sql<boolean>`leases.expires_at <= ${now}`),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === lease.holder;
}

/** Gives the lease back, if `holder` still holds it. */
export async function releaseLease(
  db: Kysely<DeclarantDatabase>,
  name: string,
  holder: string,
): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/** Moves the lease's end to `expiresAt`, if `holder` still holds it (a holder's heartbeat). */
export async function renewLease(
  db: Kysely<DeclarantDatabase>,
  lease: { name: string; holder: string; expiresAt: string },
): Promise<void> {
  await db
    .updateTable('leases')
    .set({ expires_at: lease.expiresAt })
    .where('name', '=', lease.name)
    .where('holder', '=', lease.holder)
    .execute();
}
