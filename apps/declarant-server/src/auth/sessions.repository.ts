import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  DeclarantDatabase,
  SessionEndReason,
  SessionEndingsTable,
  SessionsTable,
} from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
/** A session row as stored. */
export type SessionRow = Selectable<SessionsTable>;
/** Why a session was ended by someone else, as stored. */
export type SessionEndingRow = Selectable<SessionEndingsTable>;

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

/**
 * Deletes the sessions that can no longer be used: past their absolute end, or idle since
 * before `idleCutoff`. Called at each sign-in, so abandoned sessions (never signed out) do not
 * pile up.
 */
export async function deleteDeadSessions(db: Db, at: string, idleCutoff: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', at), eb('last_seen_at', '<=', idleCutoff)]))
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

/**
 * Ends every session of a user (except `keepIdHash`) for `reason`: each is deleted and leaves a
 * session ending, which tells its cookie's next request why, once. Endings past their session's
 * absolute end are purged first, so the table only ever holds endings of the last hours.
 */
export async function endUserSessions(
  db: Db,
  userId: string,
  reason: SessionEndReason,
  at: string,
  keepIdHash?: string,
): Promise<void> {
  await db.deleteFrom('session_endings').where('expires_at', '<=', at).execute();
  let query = db
    .selectFrom('sessions')
    .select(['id_hash', 'expires_at'])
    .where('user_id', '=', userId);
  if (keepIdHash !== undefined) query = query.where('id_hash', '!=', keepIdHash);
  const sessions = await query.execute();
  if (sessions.length > 0) {
    await db
      .insertInto('session_endings')
      .values(
        sessions.map((session) => ({
          id_hash: session.id_hash,
          user_id: userId,
          reason,
          ended_at: at,
          expires_at: session.expires_at,
        })),
      )
      .execute();
  }
  await deleteUserSessions(db, userId, keepIdHash);
}

/** Removes and returns the ending of the session `idHash`, if any: it is told once. */
export function takeSessionEnding(db: Db, idHash: string): Promise<SessionEndingRow | undefined> {
  return db
    .deleteFrom('session_endings')
    .where('id_hash', '=', idHash)
    .returningAll()
    .executeTakeFirst();
}
