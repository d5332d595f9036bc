import type { FastifyInstance } from 'fastify';
import { AppError } from '../app-error';

/**
 * This machine's own names: a browser resolves `localhost` itself and an address literal is
 * not resolved at all, so no DNS answer can make a foreign page send one of them.
 */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `Host` → its name, lower-cased, without the port (`[::1]:3000` → `[::1]`); '' if malformed. */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(:\d{1,5})?$/.exec(value);
  return match?.[1] ?? '';
}

/** The names a server answers to: its public URL's, the configured extra ones, and loopback. */
export function allowedHostNames(publicUrl: string, extra: readonly string[] = []): Set<string> {
  return new Set([
    new URL(publicUrl).hostname.toLowerCase(),
    ...extra.map(hostName).filter(Boolean),
    ...LOOPBACK_NAMES,
  ]);
}

/**
 * DNS-rebinding defence: a page of evil.example whose name is made to resolve to this server
 * reaches it with `Host: evil.example`, and is same-origin with it in the browser's eyes (so
 * the CSRF guard lets its requests through). Every request whose `Host` (or `X-Forwarded-Host`
 * behind a trusted proxy, as Fastify's `request.host` reads it) names none of the allowed hosts
 * is refused with 421 Misdirected Request before any route runs. Names are compared, not
 * ports: a rebinding chooses the name, while proxies may drop or rewrite the port.
 */
export function installHostGuard(app: FastifyInstance, allowed: ReadonlySet<string>): void {
  app.addHook('onRequest', async (request) => {
    const name = hostName(request.host);
    if (name !== '' && allowed.has(name)) return;
    request.log.warn({ host: request.host }, 'request refused: host not allowed');
    const shown = request.host.length > 100 ? `${request.host.slice(0, 100)}…` : request.host;
    throw new AppError('HOST_NOT_ALLOWED', `Ce serveur ne répond pas à l’adresse « ${shown} ».`);
  });
}
