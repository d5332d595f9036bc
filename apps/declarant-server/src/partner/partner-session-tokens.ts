import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AppError, type Keyring } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { DeclarantDatabase } from '../db/schema';
import type { PartnerApi } from './partner-api';
import {
  dropAccessToken,
  findConnection,
  markLost,
  updateTokens,
  type ConnectionRow,
} from './partner-sessions.repository';
import { openToken, sealTokens } from './sealed-tokens';

/** What the gateway works with; `keyring` and `api` can be swapped (key rotation, tests). */
export interface GatewayDeps {
  db: Kysely<DeclarantDatabase>;
  keyring: Keyring;
  logger: Logger;
  now: () => Date;
  api: PartnerApi;
  /** How long an exchange waits for the user's other one (default 120 s; tests shorten it). */
  sessionWaitMs?: number;
}

/** A working access token, with its sealed form as stored (to drop it if refused later). */
export interface AccessToken {
  token: string;
  sealed: string;
}

export const LOST = 'La connexion à l’espace client a expiré ou a été révoquée : reconnectez-vous.';
export const notConnected = (message: string) =>
  new AppError('CLIENT_SPACE_NOT_CONNECTED', message);

/**
 * The stored access token while it lives (checked with the partner when `probe`), else a new one
 * from a rotation of the refresh token; both are stored sealed, for every instance. Called while
 * holding the user's session lease: two rotations of one refresh token never race.
 */
export async function currentAccessToken(
  deps: GatewayDeps,
  row: ConnectionRow,
  probe: boolean,
): Promise<AccessToken> {
  const userId = row.user_id;
  const { access_token_sealed: sealed, access_token_expires_at: expiresAt } = row;
  if (sealed && expiresAt && Date.parse(expiresAt) - 30_000 > deps.now().getTime()) {
    const token = openToken(deps.keyring, userId, 'access', sealed);
    if (!probe || (await deps.api.checkAccess(token))) return { token, sealed };
  }
  const refreshToken = openToken(deps.keyring, userId, 'refresh', row.refresh_token_sealed);
  const next = await deps.api.refreshSession(refreshToken);
  const tokens = sealTokens(deps.keyring, userId, next);
  await updateTokens(deps.db, userId, tokens, deps.now().toISOString());
  return { token: next.accessToken, sealed: tokens.accessToken };
}

/** The portal refused the refresh token (revoked or expired there): the connection is lost. */
export async function markSessionLost(deps: GatewayDeps, userId: string): Promise<void> {
  await markLost(deps.db, userId, 'session_revoked', deps.now().toISOString());
  await appendAuditEvent(
    deps.db,
    { action: 'client_space.session_lost', actorUserId: userId },
    deps.now(),
  );
}

/** A working access token of the user's stored connection (called while holding the lease). */
export async function accessTokenOf(
  deps: GatewayDeps,
  userId: string,
  options: { probe: boolean },
): Promise<AccessToken> {
  const row = await findConnection(deps.db, userId);
  if (!row || row.lost_reason) {
    throw notConnected(row ? LOST : 'Non connecté : connectez-vous d’abord à l’espace client.');
  }
  try {
    return await currentAccessToken(deps, row, options.probe);
  } catch (error) {
    if (error instanceof AppError && error.code === 'REFRESH_TOKEN_INVALID') {
      await markSessionLost(deps, userId);
      throw notConnected(LOST);
    }
    throw error;
  }
}

/** Forgets an access token the partner refused (a 401: revoked meanwhile). */
export function forgetAccessToken(deps: GatewayDeps, userId: string, refused: AccessToken) {
  return dropAccessToken(deps.db, userId, refused.sealed);
}
