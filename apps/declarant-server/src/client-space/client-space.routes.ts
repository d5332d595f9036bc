import type { FastifyInstance } from 'fastify';
import { declarantApi } from '@passerelle/contracts';
import { routeRegistrar } from '@passerelle/server-kit';
import type { SessionGuard } from '../auth/session-guard';
import type { AppContext } from '../context';
import {
  connectClientSpace,
  disconnectClientSpace,
  getClientSpaceStatus,
} from './client-space.service';

const api = declarantApi.clientSpace;

/** The signed-in user's client-space connection ("Espace client" on "Compte utilisateur"). */
export function registerClientSpaceRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guard: SessionGuard,
) {
  const route = routeRegistrar(app, guard.authorize);
  route(api.status, async ({ caller }) => getClientSpaceStatus(ctx, caller.user.id));
  route(api.connect, async ({ caller, body, request }) =>
    connectClientSpace(ctx, caller, body, request.ip),
  );
  route(api.disconnect, async ({ caller, request }) =>
    disconnectClientSpace(ctx, caller, request.ip),
  );
}
