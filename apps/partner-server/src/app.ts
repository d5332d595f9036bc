import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ErrorBody } from '@passerelle/contracts';
import { createServer, routeRegistrar } from '@passerelle/server-kit';
import { registerAccountsRoutes } from './accounts/accounts.routes';
import type { PartnerRoutes } from './api-routes';
import type { PartnerContext } from './context';
import { registerDepositsRoutes } from './deposits/deposits.routes';
import { registerServiceRoutes } from './openapi/openapi.routes';
import { registerPortalRoutes } from './portal/portal.routes';
import { registerPortalUsersRoutes } from './portal-users/portal-users.routes';
import { authorizeApiCaller } from './sessions/api-authorize';
import { registerSessionsRoutes } from './sessions/sessions.routes';
import { registerSignaturesRoutes } from './signatures/signatures.routes';

/**
 * Builds the partner HTTP server (not listening yet): API v1 (deposits included), its docs, and
 * the portal pages.
 */
export async function buildPartnerApp(
  ctx: PartnerContext,
  hooks: { onRoute?: (route: RouteOptions) => void } = {},
): Promise<FastifyInstance> {
  const app = await createServer({
    logger: ctx.logger,
    publicUrl: ctx.config.publicUrl,
    allowedHosts: ctx.config.allowedHosts,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 64 * 1024,
    // The portal is plain server-rendered HTML: no script at all.
    scripts: 'none',
  });
  if (hooks.onRoute) app.addHook('onRoute', hooks.onRoute);
  // The portal's HTML forms post urlencoded bodies; the API takes JSON.
  await app.register(fastifyFormbody, { bodyLimit: 16 * 1024 });

  const routes: PartnerRoutes = { app, ctx, route: routeRegistrar(app, authorizeApiCaller(ctx)) };
  registerServiceRoutes(routes);
  registerAccountsRoutes(routes);
  registerSessionsRoutes(routes);
  registerPortalUsersRoutes(routes);
  registerSignaturesRoutes(routes);
  await registerDepositsRoutes(routes);
  registerPortalRoutes(routes);
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.redirect('/portail');
    const body: ErrorBody = { code: 'NOT_FOUND', message: 'Ressource introuvable.' };
    return reply.code(404).send(body);
  });
  return app;
}
