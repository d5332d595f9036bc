import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AccountsTable, PartnerDatabase } from '../db/schema';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;
/** A client account row as stored. */
export type AccountRow = Selectable<AccountsTable>;

/** The account with this id, if any. */
export function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The account whose administrator email is this (lower-cased) address, if any. */
export function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('admin_email', '=', email).executeTakeFirst();
}

/** Inserts an account. */
export async function insertAccount(db: Db, row: AccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

/** Stores a verification link (hash only). */
export async function insertEmailVerification(
  db: Db,
  row: { token_hash: string; account_id: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('email_verifications')
    .values({ ...row, used_at: null })
    .execute();
}

/** Uses a verification link once; the account id when it was valid and unused. */
export async function consumeEmailVerification(db: Db, tokenHash: string, at: string) {
  const row = await db
    .selectFrom('email_verifications')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= at) return undefined;
  const claimed = await db
    .updateTable('email_verifications')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return claimed.numUpdatedRows === 1n ? row.account_id : undefined;
}

/** Marks the administrator email verified. */
export async function markEmailVerified(db: Db, accountId: string, at: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ email_verified_at: at })
    .where('id', '=', accountId)
    .execute();
}
