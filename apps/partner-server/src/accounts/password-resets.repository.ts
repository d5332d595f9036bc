import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PartnerDatabase, PasswordResetsTable } from '../db/schema';
import { insertAccountLink } from './account-links.repository';

type Db = Kysely<PartnerDatabase> | Transaction<PartnerDatabase>;
/** A password reset link as stored (its token only as a hash). */
export type PasswordResetRow = Selectable<PasswordResetsTable>;

/** Voids the account's unused reset links (a newer link or a password change supersedes them). */
export async function voidPasswordResets(db: Db, accountId: string, at: string): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .execute();
}

/** Stores a reset link after voiding the account's earlier ones: only the newest works. */
export async function replacePasswordReset(db: Db, row: Omit<PasswordResetRow, 'used_at'>) {
  await voidPasswordResets(db, row.account_id, row.created_at);
  await insertAccountLink(db, 'password_resets', row);
}
