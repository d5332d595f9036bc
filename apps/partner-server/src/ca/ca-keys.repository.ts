import type { Kysely } from 'kysely';
import type { PartnerDatabase } from '../db/schema';

type Db = Kysely<PartnerDatabase>;

/** A stored key pair: the certificate and its private key sealed under the master key. */
export interface CaKey {
  certificatePem: string;
  privateKeySealed: string;
}

/** The `ca_keys` row of this id (`current`: the CA; `receipts`: the receipt signer). */
export function findCaKey(db: Db, id: string) {
  return db.selectFrom('ca_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Stores the first key of this id; does nothing when another instance stored one first. */
export async function insertCaKeyIfAbsent(db: Db, id: string, key: CaKey, at: Date) {
  await db
    .insertInto('ca_keys')
    .values({
      id,
      certificate_pem: key.certificatePem,
      private_key_sealed: key.privateKeySealed,
      created_at: at.toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Replaces the key of this id only if it still holds `previousPem` (one renewal wins). */
export async function replaceCaKey(
  db: Db,
  id: string,
  previousPem: string,
  key: CaKey,
  at: Date,
): Promise<void> {
  await db
    .updateTable('ca_keys')
    .set({
      certificate_pem: key.certificatePem,
      private_key_sealed: key.privateKeySealed,
      created_at: at.toISOString(),
    })
    .where('id', '=', id)
    .where('certificate_pem', '=', previousPem)
    .execute();
}
