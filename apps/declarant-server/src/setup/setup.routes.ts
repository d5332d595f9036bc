import type { FastifyInstance } from 'fastify';
import { setupRequest, type SessionResponse, type SetupStatus } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import { setSessionCookie } from '../auth/session-cookie';
import type { AppContext } from '../context';
import { toCurrentUser } from '../users/current-user';
import { completeSetup, isSetupNeeded } from './setup.service';

/** The first start: is it still needed, and completing it with the printed one-time link. */
export function registerSetupRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/setup', async (): Promise<SetupStatus> => ({ needed: await isSetupNeeded(ctx) }));

  app.post('/api/setup', async (request, reply) => {
    const input = parseInput(setupRequest, request.body);
    const { user, token } = await completeSetup(ctx, input, request.ip);
    setSessionCookie(reply, ctx.config, token);
    const body: SessionResponse = { user: await toCurrentUser(ctx, user) };
    return reply.code(201).send(body);
  });
}
