import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerAuditRoutes } from './audit/audit.routes';
import { registerAuthRoutes } from './auth/auth.routes';
import { SessionGuard } from './auth/session-guard';
import type { AppContext } from './context';
import { installCsrfGuard } from './http/csrf';
import { installErrorHandler } from './http/error-handler';
import { installWebUi } from './http/web-ui';
import { registerSetupRoutes } from './setup/setup.routes';
import { registerUsersRoutes } from './users/users.routes';

/** Builds the declarant HTTP server (not listening yet): plugins, guards, routes, web UI. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only drops pino-specific generics.
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Request ids in logs; never derived from client input.
    requestIdHeader: false,
  });
  // JSON only: HTML forms cannot send it cross-site, and text bodies have no use here.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  installCsrfGuard(app, ctx.config.publicUrl);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    hsts: ctx.config.secureCookies,
  });

  const guard = new SessionGuard(ctx);
  app.get('/api/health', async () => ({ status: 'ok' }));
  registerSetupRoutes(app, ctx);
  registerAuthRoutes(app, ctx, guard);
  registerUsersRoutes(app, ctx, guard);
  registerAuditRoutes(app, ctx, guard);
  await installWebUi(app, ctx.config.webDistDir);
  return app;
}
