import type { FastifyInstance, RouteOptions } from 'fastify';
import { createServer, routeRegistrar } from '@passerelle/server-kit';
import { registerAuditRoutes } from './audit/audit.routes';
import { registerAuthRoutes } from './auth/auth.routes';
import { installSessionOverCookieClearing } from './auth/session-cookie';
import { SessionGuard } from './auth/session-guard';
import { registerClientSpaceRoutes } from './client-space/client-space.routes';
import { registerDeclarationFormsRoutes } from './declarations/declaration-forms.routes';
import { registerCampaignsRoutes } from './campaigns/campaigns.routes';
import { registerDeclarationsRoutes } from './declarations/declarations.routes';
import { registerDossiersRoutes } from './dossiers/dossiers.routes';
import { registerFirmSettingsRoutes } from './firm/firm-settings.routes';
import type { AppContext } from './context';
import type { DeclarantRoutes } from './http/feature-routes';
import { installWebUi } from './http/web-ui';
import { registerOpenApiRoutes } from './openapi/openapi.routes';
import { registerSendingRoutes } from './sending/sending.routes';
import { registerSetupRoutes } from './setup/setup.routes';
import { registerSignaturesRoutes } from './signatures/signatures.routes';
import { registerUsersRoutes } from './users/users.routes';

/** Each feature's routes, in the order they are registered. */
const FEATURES: ((routes: DeclarantRoutes) => void)[] = [
  registerSetupRoutes,
  registerAuthRoutes,
  registerUsersRoutes,
  registerAuditRoutes,
  registerClientSpaceRoutes,
  registerSignaturesRoutes,
  registerDossiersRoutes,
  registerFirmSettingsRoutes,
  registerDeclarationsRoutes,
  registerDeclarationFormsRoutes,
  registerSendingRoutes,
  registerCampaignsRoutes,
  registerOpenApiRoutes,
];

/** What a caller of {@link buildApp} may watch: `onRoute` sees each route as it is added. */
export interface BuildHooks {
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the declarant HTTP server (not listening yet): shared set-up, routes, web UI. */
export async function buildApp(ctx: AppContext, hooks: BuildHooks = {}): Promise<FastifyInstance> {
  const app = await createServer({
    logger: ctx.logger,
    publicUrl: ctx.config.publicUrl,
    allowedHosts: ctx.config.allowedHosts,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    scripts: 'self',
  });
  if (hooks.onRoute) app.addHook('onRoute', hooks.onRoute);
  installSessionOverCookieClearing(app, ctx.config);
  const guard = new SessionGuard(ctx);
  const routes: DeclarantRoutes = { app, ctx, guard, route: routeRegistrar(app, guard.authorize) };
  for (const registerFeature of FEATURES) registerFeature(routes);
  await installWebUi(app, ctx.config.webDistDir);
  return app;
}
