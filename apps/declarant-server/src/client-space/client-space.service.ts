import type { ClientSpaceStatus } from '@passerelle/contracts';
import { AppError, openSecret, sealSecret } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  deleteConnection,
  findConnection,
  markLost,
  saveConnection,
  updateSealedToken,
} from './client-space.repository';
import { PartnerUnavailableError } from './partner-client';

/** Access tokens live in memory only, per user; a restart simply refreshes. */
const accessTokens = new WeakMap<AppContext, Map<string, { token: string; expiresAt: number }>>();
/** One partner exchange per user at a time: a double click, or two probes, never race a rotation. */
const inFlight = new WeakMap<AppContext, Map<string, Promise<unknown>>>();

function memory(ctx: AppContext) {
  let tokens = accessTokens.get(ctx);
  if (!tokens) accessTokens.set(ctx, (tokens = new Map()));
  let locks = inFlight.get(ctx);
  if (!locks) inFlight.set(ctx, (locks = new Map()));
  return { tokens, locks };
}

async function serialized<T>(ctx: AppContext, userId: string, work: () => Promise<T>): Promise<T> {
  const { locks } = memory(ctx);
  const previous = locks.get(userId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  locks.set(userId, next);
  try {
    return await next;
  } finally {
    if (locks.get(userId) === next) locks.delete(userId);
  }
}

/** The sealing context binds a ciphertext to its user and purpose (AES-GCM associated data). */
export const refreshTokenContext = (userId: string) => `client-space-refresh-token:${userId}`;

/**
 * Connects the user to the partner's client space: the password is exchanged at once for the
 * partner's tokens and forgotten; only the refresh token is stored, sealed.
 */
export async function connectClientSpace(
  ctx: AppContext,
  caller: Caller,
  input: { email: string; password: string },
  ip: string,
): Promise<ClientSpaceStatus> {
  return serialized(ctx, caller.user.id, async () => {
    // A second click while the first was being served finds the connection made: keep it.
    const existing = await findConnection(ctx.db, caller.user.id);
    if (
      existing &&
      !existing.lost_reason &&
      existing.portal_email === input.email &&
      memory(ctx).tokens.has(caller.user.id)
    ) {
      return {
        connected: true,
        email: existing.portal_email,
        connectedAt: existing.connected_at,
        reason: null,
        portalUrl: ctx.partner.portalUrl,
      };
    }
    let tokens;
    try {
      tokens = await ctx.partner.createSession(input.email, input.password);
    } catch (error) {
      const reason = error instanceof AppError ? error.code : 'unexpected';
      await appendAuditEvent(
        ctx.db,
        {
          action: 'client_space.connect_failed',
          actorUserId: caller.user.id,
          ip,
          details: { email: input.email, reason },
        },
        ctx.now(),
      );
      throw error;
    }
    const at = ctx.now().toISOString();
    await saveConnection(ctx.db, {
      user_id: caller.user.id,
      portal_email: input.email,
      refresh_token_sealed: sealSecret(
        ctx.keyring,
        Buffer.from(tokens.refreshToken),
        refreshTokenContext(caller.user.id),
      ),
      connected_at: at,
      lost_reason: null,
      updated_at: at,
    });
    memory(ctx).tokens.set(caller.user.id, {
      token: tokens.accessToken,
      expiresAt: Date.parse(tokens.accessTokenExpiresAt),
    });
    await appendAuditEvent(
      ctx.db,
      {
        action: 'client_space.connected',
        actorUserId: caller.user.id,
        ip,
        details: { email: input.email },
      },
      ctx.now(),
    );
    return {
      connected: true,
      email: input.email,
      connectedAt: at,
      reason: null,
      portalUrl: ctx.partner.portalUrl,
    };
  });
}

/**
 * The status probe: is this user connected and is the partner reachable? A working access
 * token is checked with the partner; otherwise the refresh token is rotated. A refusal means
 * the session was revoked or expired on the portal: the connection is marked lost.
 */
export async function getClientSpaceStatus(
  ctx: AppContext,
  userId: string,
): Promise<ClientSpaceStatus> {
  return serialized(ctx, userId, async () => {
    const base = { portalUrl: ctx.partner.portalUrl };
    const row = await findConnection(ctx.db, userId);
    if (!row)
      return { ...base, connected: false, email: null, connectedAt: null, reason: 'not_connected' };
    const known = { ...base, email: row.portal_email, connectedAt: row.connected_at };
    if (row.lost_reason) return { ...known, connected: false, reason: row.lost_reason };
    try {
      await currentAccessToken(ctx, userId, row.refresh_token_sealed);
      return { ...known, connected: true, reason: null };
    } catch (error) {
      if (error instanceof PartnerUnavailableError)
        return { ...known, connected: false, reason: 'partner_unreachable' };
      if (error instanceof AppError && error.code === 'REFRESH_TOKEN_INVALID') {
        await markSessionLost(ctx, userId);
        return { ...known, connected: false, reason: 'session_revoked' };
      }
      throw error;
    }
  });
}

/** The portal refused the refresh token (revoked or expired there): the connection is lost. */
async function markSessionLost(ctx: AppContext, userId: string): Promise<void> {
  await markLost(ctx.db, userId, 'session_revoked', ctx.now().toISOString());
  memory(ctx).tokens.delete(userId);
  await appendAuditEvent(
    ctx.db,
    { action: 'client_space.session_lost', actorUserId: userId },
    ctx.now(),
  );
}

const notConnected = (message: string) => new AppError('CLIENT_SPACE_NOT_CONNECTED', message);

/**
 * Runs `work` with a working access token of the user's client-space session (the door every
 * later partner exchange goes through). No connection, or one the portal revoked, is
 * `CLIENT_SPACE_NOT_CONNECTED`; an unreachable partner stays `PARTNER_UNAVAILABLE`.
 */
export async function withPartnerAccess<T>(
  ctx: AppContext,
  userId: string,
  work: (accessToken: string) => Promise<T>,
): Promise<T> {
  return serialized(ctx, userId, async () => {
    const token = await accessTokenOf(ctx, userId, { probe: true });
    try {
      return await work(token);
    } catch (error) {
      // The token was good a moment ago: a 401 now means it was revoked meanwhile.
      if (error instanceof AppError && error.status === 401) {
        memory(ctx).tokens.delete(userId);
        throw notConnected(LOST);
      }
      throw error;
    }
  });
}

/**
 * Like {@link withPartnerAccess} for background work (delivery, status polling): only getting
 * the token is serialised, so many deliveries of one user run side by side, and a cached token is
 * used without probing it first; a 401 drops it and the work is tried once more with a fresh one.
 */
export async function withPartnerToken<T>(
  ctx: AppContext,
  userId: string,
  work: (accessToken: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const token = await serialized(ctx, userId, () => accessTokenOf(ctx, userId, { probe: false }));
    try {
      return await work(token);
    } catch (error) {
      if (!(error instanceof AppError && error.status === 401)) throw error;
      const { tokens } = memory(ctx);
      if (tokens.get(userId)?.token === token) tokens.delete(userId);
      if (attempt === 2) throw notConnected(LOST);
    }
  }
}

const LOST = 'La connexion à l’espace client a expiré ou a été révoquée : reconnectez-vous.';

/** A working access token of the user's stored connection (called while serialised). */
async function accessTokenOf(
  ctx: AppContext,
  userId: string,
  options: { probe: boolean },
): Promise<string> {
  const row = await findConnection(ctx.db, userId);
  if (!row || row.lost_reason) {
    throw notConnected(row ? LOST : 'Non connecté : connectez-vous d’abord à l’espace client.');
  }
  try {
    return await currentAccessToken(ctx, userId, row.refresh_token_sealed, options.probe);
  } catch (error) {
    if (error instanceof AppError && error.code === 'REFRESH_TOKEN_INVALID') {
      await markSessionLost(ctx, userId);
      throw notConnected(LOST);
    }
    throw error;
  }
}

async function currentAccessToken(
  ctx: AppContext,
  userId: string,
  sealed: string,
  probe = true,
): Promise<string> {
  const { tokens } = memory(ctx);
  const cached = tokens.get(userId);
  if (
    cached &&
    cached.expiresAt - 30_000 > ctx.now().getTime() &&
    (!probe || (await ctx.partner.checkAccess(cached.token)))
  ) {
    return cached.token;
  }
  tokens.delete(userId);
  const refreshToken = openSecret(ctx.keyring, sealed, refreshTokenContext(userId)).toString(
    'utf8',
  );
  const next = await ctx.partner.refreshSession(refreshToken);
  const at = ctx.now().toISOString();
  await updateSealedToken(
    ctx.db,
    userId,
    sealSecret(ctx.keyring, Buffer.from(next.refreshToken), refreshTokenContext(userId)),
    at,
  );
  tokens.set(userId, { token: next.accessToken, expiresAt: Date.parse(next.accessTokenExpiresAt) });
  return next.accessToken;
}

/** "Se déconnecter": revokes the partner session (when reachable) and deletes the stored token. */
export async function disconnectClientSpace(
  ctx: AppContext,
  caller: Caller,
  ip: string,
): Promise<ClientSpaceStatus> {
  return serialized(ctx, caller.user.id, async () => {
    const row = await findConnection(ctx.db, caller.user.id);
    if (row && !row.lost_reason) {
      try {
        const token = await currentAccessToken(ctx, caller.user.id, row.refresh_token_sealed);
        await ctx.partner.revokeSession(token);
      } catch (error) {
        // Unreachable partner or already revoked session: the local token is deleted anyway.
        ctx.logger.warn({ err: error }, 'client-space session not revoked on the partner');
      }
    }
    await deleteConnection(ctx.db, caller.user.id);
    memory(ctx).tokens.delete(caller.user.id);
    await appendAuditEvent(
      ctx.db,
      { action: 'client_space.disconnected', actorUserId: caller.user.id, ip },
      ctx.now(),
    );
    return {
      connected: false,
      email: null,
      connectedAt: null,
      reason: 'not_connected',
      portalUrl: ctx.partner.portalUrl,
    };
  });
}
