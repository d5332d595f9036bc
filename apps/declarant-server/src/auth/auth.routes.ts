import type { FastifyInstance } from 'fastify';
import { declarantApi } from '@passerelle/contracts';
import { routeRegistrar } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { changeOwnPassword } from '../users/passwords.service';
import { toCurrentUser } from '../users/current-user';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import type { SessionGuard } from './session-guard';
import { deleteSession } from './sessions.repository';
import { signIn } from './sign-in.service';

const api = declarantApi.auth;

/** Sign-in, the current session, sign-out, and changing one's own password. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  const route = routeRegistrar(app, guard.authorize);
  route(api.signIn, async ({ body, request, reply }) => {
    const { user, token } = await signIn(ctx, body, request.ip);
    setSessionCookie(reply, ctx.config, token);
    return { user: await toCurrentUser(ctx, user) };
  });

  route(api.session, async ({ caller }) => ({ user: await toCurrentUser(ctx, caller.user) }));

  route(api.signOut, async ({ caller, request, reply }) => {
    await deleteSession(ctx.db, caller.sessionIdHash);
    await appendAuditEvent(
      ctx.db,
      { action: 'auth.sign_out', actorUserId: caller.user.id, ip: request.ip },
      ctx.now(),
    );
    clearSessionCookie(reply, ctx.config);
    return undefined;
  });

  route(api.changePassword, async ({ caller, body, request }) => {
    await changeOwnPassword(ctx, caller, body, request.ip);
    return undefined;
  });
}
