import type { Kysely, Transaction } from 'kysely';
import type { PartnerDatabase } from '../db/schema';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;

/** The account's current confidential code (keyed hash, address, date), if subscribed. */
export function findCurrentCode(db: Db, accountId: string) {
  return db
    .selectFrom('confidential_codes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('replaced_at', 'is', null)
    .executeTakeFirst();
}

/** Replaces the account's code: the previous one stops working in the same transaction. */
export async function replaceCode(
  db: Db,
  row: { id: string; account_id: string; code_hmac: string; sent_to: string; created_at: string },
): Promise<void> {
  await db
    .updateTable('confidential_codes')
    .set({ replaced_at: row.created_at })
    .where('account_id', '=', row.account_id)
    .where('replaced_at', 'is', null)
    .execute();
  await db
    .insertInto('confidential_codes')
    .values({ ...row, replaced_at: null })
    .execute();
}
