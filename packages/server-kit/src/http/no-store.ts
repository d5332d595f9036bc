import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Whether an answer may hold someone's data: every API answer (errors included), every HTML
 * page (portal pages, the inbox's messages, the web UI's entry page) and every download.
 * Stylesheets and the web UI's hashed scripts hold none and keep their own caching.
 */
function holdsData(path: string, reply: FastifyReply): boolean {
  if (path === '/api' || path.startsWith('/api/')) return true;
  if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return true;
  return /^\s*attachment/i.test(String(reply.getHeader('content-disposition') ?? ''));
}

/**
 * `Cache-Control: no-store` on every answer that may hold data, so that neither the browser
 * (its disk cache, the back button after sign-out) nor a proxy keeps a copy.
 */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (holdsData(request.url.split('?', 1)[0] ?? '', reply))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
