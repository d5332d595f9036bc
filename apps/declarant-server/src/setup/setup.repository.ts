import type { Kysely } from 'kysely';
import type { DeclarantDatabase } from '../db/schema';

type Db = Kysely<DeclarantDatabase>;

/** Replaces any earlier setup token with this one (only the last printed link works). */
export async function replaceSetupToken(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('setup_tokens').execute();
    await tx.insertInto('setup_tokens').values({ token_hash: tokenHash, created_at: at }).execute();
  });
}

/**
 * Deletes the setup token: that is the claim, of two concurrent setups only one deletes the row.
 * False when no such token exists (wrong, or used already).
 */
export async function claimSetupToken(db: Db, tokenHash: string): Promise<boolean> {
  const claimed = await db
    .deleteFrom('setup_tokens')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return claimed.numDeletedRows === 1n;
}

/** The firm of the installation, made at setup. */
export async function insertFirm(
  db: Db,
  firm: { id: string; name: string; at: string },
): Promise<void> {
  await db
    .insertInto('firms')
    .values({ id: firm.id, name: firm.name, created_at: firm.at })
    .execute();
}
