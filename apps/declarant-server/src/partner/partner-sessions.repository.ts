import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ClientSpaceConnectionsTable, DeclarantDatabase } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
/** A stored client-space connection (its tokens only sealed). */
export type ConnectionRow = Selectable<ClientSpaceConnectionsTable>;

/** The tokens of a partner session, sealed, as the partner last issued them. */
export interface SealedTokens {
  refreshToken: string;
  accessToken: string;
  accessTokenExpiresAt: string;
}

/** The user's connection, if any. */
export function findConnection(db: Db, userId: string): Promise<ConnectionRow | undefined> {
  return db
    .selectFrom('client_space_connections')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Stores (or replaces) the user's connection with a new session's tokens. */
export async function saveConnection(
  db: Db,
  connection: { userId: string; email: string; at: string },
  tokens: SealedTokens,
): Promise<void> {
  const row = {
    portal_email: connection.email,
    refresh_token_sealed: tokens.refreshToken,
    access_token_sealed: tokens.accessToken,
    access_token_expires_at: tokens.accessTokenExpiresAt,
    connected_at: connection.at,
    lost_reason: null,
    updated_at: connection.at,
  };
  await db
    .insertInto('client_space_connections')
    .values({ user_id: connection.userId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
}

/** Replaces both tokens after a rotation. */
export async function updateTokens(
  db: Db,
  userId: string,
  tokens: SealedTokens,
  at: string,
): Promise<void> {
  await db
    .updateTable('client_space_connections')
    .set({
      refresh_token_sealed: tokens.refreshToken,
      access_token_sealed: tokens.accessToken,
      access_token_expires_at: tokens.accessTokenExpiresAt,
      updated_at: at,
    })
    .where('user_id', '=', userId)
    .execute();
}

/** Re-seals the stored tokens under another key (master-key rotation). */
export async function resealTokens(
  db: Db,
  userId: string,
  sealed: { refreshToken: string; accessToken: string | null },
  at: string,
): Promise<void> {
  await db
    .updateTable('client_space_connections')
    .set({
      refresh_token_sealed: sealed.refreshToken,
      access_token_sealed: sealed.accessToken,
      updated_at: at,
    })
    .where('user_id', '=', userId)
    .execute();
}

/** Forgets the access token the partner refused, unless another request already replaced it. */
export async function dropAccessToken(db: Db, userId: string, sealed: string): Promise<void> {
  await db
    .updateTable('client_space_connections')
    .set({ access_token_sealed: null, access_token_expires_at: null })
    .where('user_id', '=', userId)
    .where('access_token_sealed', '=', sealed)
    .execute();
}

/** Marks the connection lost: the stored tokens are dropped, the reason kept for the tag. */
export async function markLost(db: Db, userId: string, reason: 'session_revoked', at: string) {
  await db
    .updateTable('client_space_connections')
    .set({
      refresh_token_sealed: '',
      access_token_sealed: null,
      access_token_expires_at: null,
      lost_reason: reason,
      updated_at: at,
    })
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
