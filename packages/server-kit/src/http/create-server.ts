import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { installCsrfGuard } from './csrf-guard';
import { installErrorHandler } from './error-handler';
import { allowedHostNames, installHostGuard } from './host-guard';
import { installNoStore } from './no-store';
import { installUnreadBodyClose } from './unread-body';

/** What differs between the servers' HTTP set-ups. */
export interface ServerOptions {
  logger: Logger;
  publicUrl: string;
  /** Further host names the server answers to besides PUBLIC_URL's (ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  trustProxy: boolean;
  bodyLimit: number;
  /** Whether pages may load scripts from the same origin (the declarant's React UI) or none. */
  scripts: 'self' | 'none';
}

/**
 * A Fastify instance with what every Passerelle server shares: the one error handler, the host
 * guard (DNS rebinding), the CSRF guard, `Cache-Control: no-store` on what holds data, JSON
 * bodies only (the text parser removed), replies before the end of an upload closing the
 * connection (`unread-body.ts`), cookies, and helmet with a strict CSP (HSTS and
 * upgrade-insecure-requests only when the public URL is https).
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const secure = options.publicUrl.startsWith('https://');
  const app: FastifyInstance = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only drops pino-specific generics.
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    bodyLimit: options.bodyLimit,
    // Request ids in logs; never derived from client input.
    requestIdHeader: false,
  });
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  // Before the CSRF guard: that one trusts the request's own origin, which the Host names.
  installHostGuard(app, allowedHostNames(options.publicUrl, options.allowedHosts));
  installCsrfGuard(app, options.publicUrl);
  installUnreadBodyClose(app);
  installNoStore(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [options.scripts === 'self' ? "'self'" : "'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure,
    // Same-origin requests keep their Referer and a real Origin; other sites get nothing.
    referrerPolicy: { policy: 'same-origin' },
  });
  return app;
}
