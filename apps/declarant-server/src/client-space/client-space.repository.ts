import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ClientSpaceConnectionsTable, DeclarantDatabase } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
/** A stored client-space connection (its refresh token only sealed). */
export type ConnectionRow = Selectable<ClientSpaceConnectionsTable>;

/** The user's connection, if any. */
export function findConnection(db: Db, userId: string): Promise<ConnectionRow | undefined> {
  return db
    .selectFrom('client_space_connections')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Stores (or replaces) the user's connection. */
export async function saveConnection(db: Db, row: ConnectionRow): Promise<void> {
  await db
    .insertInto('client_space_connections')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        portal_email: row.portal_email,
        refresh_token_sealed: row.refresh_token_sealed,
        connected_at: row.connected_at,
        lost_reason: row.lost_reason,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Replaces the sealed refresh token after a rotation. */
export async function updateSealedToken(db: Db, userId: string, sealed: string, at: string) {
  await db
    .updateTable('client_space_connections')
    .set({ refresh_token_sealed: sealed, updated_at: at })
    .where('user_id', '=', userId)
    .execute();
}

/** Marks the connection lost: the stored token is dropped, the reason kept for the tag. */
export async function markLost(db: Db, userId: string, reason: 'session_revoked', at: string) {
  await db
    .updateTable('client_space_connections')
    .set({ refresh_token_sealed: '', lost_reason: reason, updated_at: at })
    .where('user_id', '=', userId)
    .execute();
}

/** Forgets the user's connection. */
export async function deleteConnection(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('client_space_connections').where('user_id', '=', userId).execute();
}

/** Every connection (for the master-key rotation). */
export function listConnections(db: Db): Promise<ConnectionRow[]> {
  return db.selectFrom('client_space_connections').selectAll().execute();
}
