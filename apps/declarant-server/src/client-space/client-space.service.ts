import type { ClientSpaceStatus } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';

/**
 * Connects the user to the partner's client space: the password is exchanged at once for the
 * partner's tokens and forgotten; only the tokens are stored, sealed (by the partner gateway).
 */
export async function connectClientSpace(
  ctx: AppContext,
  caller: Caller,
  input: { email: string; password: string },
  ip: string,
): Promise<ClientSpaceStatus> {
  const actorUserId = caller.user.id;
  let connected;
  try {
    connected = await ctx.partner.connect(actorUserId, input);
  } catch (error) {
    const reason = error instanceof AppError ? error.code : 'unexpected';
    await appendAuditEvent(
      ctx.db,
      {
        action: 'client_space.connect_failed',
        actorUserId,
        ip,
        details: { email: input.email, reason },
      },
      ctx.now(),
    );
    throw error;
  }
  if (!connected.reused) {
    await appendAuditEvent(
      ctx.db,
      { action: 'client_space.connected', actorUserId, ip, details: { email: input.email } },
      ctx.now(),
    );
  }
  return {
    connected: true,
    email: input.email,
    connectedAt: connected.connectedAt,
    reason: null,
    portalUrl: ctx.partner.portalUrl,
  };
}

/**
 * The status probe: is this user connected and is the partner reachable? A refusal means the
 * session was revoked or expired on the portal: the connection is marked lost.
 */
export function getClientSpaceStatus(ctx: AppContext, userId: string): Promise<ClientSpaceStatus> {
  return ctx.partner.status(userId);
}

/** "Se déconnecter": revokes the partner session (when reachable) and deletes the stored token. */
export async function disconnectClientSpace(
  ctx: AppContext,
  caller: Caller,
  ip: string,
): Promise<ClientSpaceStatus> {
  await ctx.partner.disconnect(caller.user.id);
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
}
