import type { PartnerRoutes } from '../api-routes';
import { registerAccountPages } from './account-pages.routes';
import { registerDashboardRoutes } from './dashboard.routes';
import { registerPasswordPages } from './password-pages.routes';
import { installPortalErrorHandler } from './portal-reply';
import { PORTAL_CSS } from './style';
import { registerUsersPages } from './users-pages.routes';

/**
 * The client space (`/portail`): French, server-rendered HTML pages with plain forms and no
 * script. Registered as an encapsulated plugin so that its error handler (French pages, never
 * JSON) applies to its routes only; the API keeps its JSON errors.
 */
export function registerPortalRoutes({ app, ctx }: PartnerRoutes) {
  // Loaded when the app gets ready (listen or inject); nothing to await here.
  void app.register(async (portal) => {
    installPortalErrorHandler(portal, ctx);
    portal.get('/portail/style.css', async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(PORTAL_CSS),
    );
    registerAccountPages(portal, ctx);
    registerPasswordPages(portal, ctx);
    registerDashboardRoutes(portal, ctx);
    registerUsersPages(portal, ctx);
  });
}
