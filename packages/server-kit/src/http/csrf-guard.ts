import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the request was addressed to, as the browser would write it. */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Cross-site request forgery defence for every state-changing request, on top of the
 * `SameSite=Lax` cookies: `Sec-Fetch-Site` must say same-origin when the browser sends it;
 * otherwise a browser's `Origin` must be the app's own. Requests with neither header do not
 * come from a browser page (CLI, scripts, the declarant calling the partner) and carry no
 * ambient browser credentials worth forging.
 */
export function installCsrfGuard(app: FastifyInstance, publicUrl: string): void {
  const allowed = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    // Browsers set Sec-Fetch-Site themselves (a page cannot forge it): when present it decides.
    // Origin may then be "null" (a form post under a no-referrer policy) and is not needed.
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined) {
      if (site === 'same-origin' || site === 'none') return;
      throw rejected();
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== allowed && origin !== ownOrigin(request))
      throw rejected();
  });
}

function rejected() {
  return new AppError('CSRF_REJECTED', 'Requête refusée : elle ne vient pas de ce site.');
}
