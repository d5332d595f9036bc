import type { FastifyInstance } from 'fastify';
import { connectClientSpaceRequest, type ClientSpaceStatus } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  connectClientSpace,
  disconnectClientSpace,
  getClientSpaceStatus,
} from './client-space.service';

/** The signed-in user's client-space connection ("Espace client" on "Compte utilisateur"). */
export function registerClientSpaceRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  app.get('/api/me/client-space', async (request): Promise<ClientSpaceStatus> => {
    const caller = await guard.requireUser(request);
    return getClientSpaceStatus(ctx, caller.user.id);
  });

  app.post('/api/me/client-space', async (request): Promise<ClientSpaceStatus> => {
    const caller = await guard.requireUser(request);
    const input = parseInput(connectClientSpaceRequest, request.body);
    return connectClientSpace(ctx, caller, input, request.ip);
  });

  app.delete('/api/me/client-space', async (request): Promise<ClientSpaceStatus> => {
    const caller = await guard.requireUser(request);
    return disconnectClientSpace(ctx, caller, request.ip);
  });
}
