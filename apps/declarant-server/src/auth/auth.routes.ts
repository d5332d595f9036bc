import type { FastifyInstance } from 'fastify';
import { changePasswordRequest, signInRequest, type SessionResponse } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { changeOwnPassword } from '../users/passwords.service';
import { toCurrentUser } from '../users/current-user';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import type { SessionGuard } from './session-guard';
import { deleteSession } from './sessions.repository';
import { signIn } from './sign-in.service';

/** Sign-in, the current session, sign-out, and changing one's own password. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, guard: SessionGuard) {
  app.post('/api/session', async (request, reply): Promise<SessionResponse> => {
    const input = parseInput(signInRequest, request.body);
    const { user, token } = await signIn(ctx, input, request.ip);
    setSessionCookie(reply, ctx.config, token);
    return { user: await toCurrentUser(ctx, user) };
  });

  app.get('/api/session', async (request): Promise<SessionResponse> => {
    const caller = await guard.requireUser(request);
    return { user: await toCurrentUser(ctx, caller.user) };
  });

  app.delete('/api/session', async (request, reply) => {
    const caller = await guard.requireUser(request);
    await deleteSession(ctx.db, caller.sessionIdHash);
    await appendAuditEvent(
      ctx.db,
      { action: 'auth.sign_out', actorUserId: caller.user.id, ip: request.ip },
      ctx.now(),
    );
    clearSessionCookie(reply, ctx.config);
    return reply.code(204).send();
  });

  app.post('/api/me/password', async (request, reply) => {
    const caller = await guard.requireUser(request);
    const input = parseInput(changePasswordRequest, request.body);
    await changeOwnPassword(ctx, caller, input, request.ip);
    return reply.code(204).send();
  });
}
