import type { FastifyInstance } from 'fastify';
import { createServer } from '@passerelle/server-kit';
import { registerAuditRoutes } from './audit/audit.routes';
import { registerAuthRoutes } from './auth/auth.routes';
import { installSessionOverCookieClearing } from './auth/session-cookie';
import { SessionGuard } from './auth/session-guard';
import { registerClientSpaceRoutes } from './client-space/client-space.routes';
import { registerDeclarationsRoutes } from './declarations/declarations.routes';
import { registerDossiersRoutes } from './dossiers/dossiers.routes';
import { registerFirmSettingsRoutes } from './firm/firm-settings.routes';
import type { AppContext } from './context';
import { installWebUi } from './http/web-ui';
import { registerSendingRoutes } from './sending/sending.routes';
import { registerSetupRoutes } from './setup/setup.routes';
import { registerSignaturesRoutes } from './signatures/signatures.routes';
import { registerUsersRoutes } from './users/users.routes';

/** Builds the declarant HTTP server (not listening yet): shared set-up, routes, web UI. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = await createServer({
    logger: ctx.logger,
    publicUrl: ctx.config.publicUrl,
    allowedHosts: ctx.config.allowedHosts,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    scripts: 'self',
  });
  installSessionOverCookieClearing(app, ctx.config);
  const guard = new SessionGuard(ctx);
  app.get('/api/health', async () => ({ status: 'ok' }));
  registerSetupRoutes(app, ctx);
  registerAuthRoutes(app, ctx, guard);
  registerUsersRoutes(app, ctx, guard);
  registerAuditRoutes(app, ctx, guard);
  registerClientSpaceRoutes(app, ctx, guard);
  registerSignaturesRoutes(app, ctx, guard);
  registerDossiersRoutes(app, ctx, guard);
  registerFirmSettingsRoutes(app, ctx, guard);
  registerDeclarationsRoutes(app, ctx, guard);
  registerSendingRoutes(app, ctx, guard);
  await installWebUi(app, ctx.config.webDistDir);
  return app;
}
