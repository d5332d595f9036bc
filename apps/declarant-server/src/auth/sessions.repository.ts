import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DeclarantDatabase, SessionsTable } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
/** A session row as stored. */
export type SessionRow = Selectable<SessionsTable>;

/** Stores a new session. */
export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session whose token hashes to `idHash`, if any. */
export function findSession(db: Db, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/** Records activity on a session (for the idle timeout). */
export async function touchSession(db: Db, idHash: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('id_hash', '=', idHash)
    .execute();
}

/** Deletes one session. */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Deletes every session of a user, except `keepIdHash` when given. */
export async function deleteUserSessions(db: Db, userId: string, keepIdHash?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash !== undefined) query = query.where('id_hash', '!=', keepIdHash);
  await query.execute();
}
