import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DeclarantDatabase, PasswordTokensTable } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
/** A one-time password link as stored (its token only as a hash). */
export type PasswordTokenRow = Selectable<PasswordTokensTable>;

/** Stores a link, after voiding the user's earlier unused links of any purpose. */
export async function replacePasswordToken(db: Db, row: PasswordTokenRow): Promise<void> {
  await db
    .updateTable('password_tokens')
    .set({ used_at: row.created_at })
    .where('user_id', '=', row.user_id)
    .where('used_at', 'is', null)
    .execute();
  await db.insertInto('password_tokens').values(row).execute();
}

/** The link whose token hashes to `tokenHash`, if any. */
export function findPasswordToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('password_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the link used; false when it already was (a concurrent use lost the race). */
export async function consumePasswordToken(db: Db, tokenHash: string, at: string) {
  const result = await db
    .updateTable('password_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
