import { declarantApi } from '@passerelle/contracts';
import { appendAuditEvent } from '../audit/audit.repository';
import type { DeclarantRoutes } from '../http/feature-routes';
import { changeOwnPassword } from '../users/passwords.service';
import { toCurrentUser } from '../users/current-user';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { deleteSession } from './sessions.repository';
import { signIn } from './sign-in.service';

const api = declarantApi.auth;

/** Sign-in, the current session, sign-out, and changing one's own password. */
export function registerAuthRoutes({ route, ctx }: DeclarantRoutes) {
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
