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

/**
 * Deletes the account of this address if its address is still unconfirmed (its link and
 * everything else of it go by cascade); a confirmed account is never touched.
 */
export async function deleteUnverifiedAccount(db: Db, email: string): Promise<void> {
  await db
    .deleteFrom('accounts')
    .where('admin_email', '=', email)
    .where('email_verified_at', 'is', null)
    .execute();
}

/** Deletes the accounts created at or before `createdBefore` whose address was never confirmed. */
export async function purgeUnverifiedAccounts(db: Db, createdBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('accounts')
    .where('email_verified_at', 'is', null)
    .where('created_at', '<=', createdBefore)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Marks the administrator email verified; false when it already was (or the account is gone). */
export async function markEmailVerified(db: Db, accountId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ email_verified_at: at })
    .where('id', '=', accountId)
    .where('email_verified_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Replaces the account's password hash (Argon2id). */
export async function updatePasswordHash(db: Db, accountId: string, hash: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash })
    .where('id', '=', accountId)
    .execute();
}
