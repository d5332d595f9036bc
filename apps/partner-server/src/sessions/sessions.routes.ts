import type { FastifyInstance } from 'fastify';
import {
  createSessionRequest,
  refreshSessionRequest,
  type SessionTokens,
} from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import { toAccountView } from '../accounts/accounts.service';
import type { PartnerContext } from '../context';
import { toSessionUser } from '../portal-users/portal-user-view';
import { requireBearer } from './bearer';
import {
  authenticateAccount,
  closeTokenSession,
  openTokenSession,
  refreshTokenSession,
} from './sessions.service';

/** API v1 sessions: sign in for tokens, rotate the refresh token, sign out. */
export function registerSessionsRoutes(app: FastifyInstance, ctx: PartnerContext) {
  app.post('/api/v1/sessions', async (request, reply) => {
    const input = parseInput(createSessionRequest, request.body);
    const principal = await authenticateAccount(ctx, input, request.ip);
    const tokens = await openTokenSession(ctx, principal, 'api');
    const body: SessionTokens = {
      ...tokens,
      account: await toAccountView(ctx, principal.account),
      user: toSessionUser(principal.user),
    };
    return reply.code(201).send(body);
  });

  app.post('/api/v1/sessions/refresh', async (request): Promise<SessionTokens> => {
    const { refreshToken } = parseInput(refreshSessionRequest, request.body);
    const { account, user, tokens } = await refreshTokenSession(ctx, refreshToken);
    return { ...tokens, account: await toAccountView(ctx, account), user: toSessionUser(user) };
  });

  app.delete('/api/v1/sessions/current', async (request, reply) => {
    const caller = await requireBearer(ctx, request);
    await closeTokenSession(ctx, caller.familyId, 'signed_out');
    return reply.code(204).send();
  });
}
