import type { Kysely } from 'kysely';
import type { PartnerDatabase } from '../db/schema';

type Db = Kysely<PartnerDatabase>;

/** The CRL with the highest number, if one was published. */
export function findLatestCrl(db: Db) {
  return db.selectFrom('crls').selectAll().orderBy('crl_number', 'desc').executeTakeFirst();
}

/** Stores a CRL under its number; the key refuses a number another instance took first. */
export async function insertCrl(
  db: Db,
  crl: { crlNumber: number; der: Buffer; thisUpdate: Date; nextUpdate: Date },
): Promise<void> {
  await db
    .insertInto('crls')
    .values({
      crl_number: crl.crlNumber,
      der_base64: crl.der.toString('base64'),
      this_update: crl.thisUpdate.toISOString(),
      next_update: crl.nextUpdate.toISOString(),
    })
    .onConflict((oc) => oc.column('crl_number').doNothing())
    .execute();
}
