import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the request was addressed to, as the browser would write it. */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Cross-site request forgery defence for every state-changing request, on top of the
 * `SameSite=Lax` cookie and the JSON-only body parser (a plain HTML form cannot send JSON):
 * a browser's `Origin` must be the app's own, and `Sec-Fetch-Site` must not say cross-site.
 * Requests with neither header do not come from a browser page (CLI, scripts) and carry no
 * ambient browser credentials worth forging.
 */
export function installCsrfGuard(app: FastifyInstance, publicUrl: string): void {
  const allowed = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new AppError('CSRF_REJECTED', 'Requête refusée : elle ne vient pas de ce site.');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== allowed && origin !== ownOrigin(request)) {
      throw new AppError('CSRF_REJECTED', 'Requête refusée : elle ne vient pas de ce site.');
    }
  });
}
