import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import type { DeclarantConfig } from '../config';

/**
 * Name of the session cookie. Over TLS it takes the `__Host-` prefix, which browsers only accept
 * with `Secure`, `Path=/` and no `Domain`: no sibling subdomain can plant or overwrite it.
 */
export function sessionCookieName(config: DeclarantConfig): string {
  return config.secureCookies ? '__Host-passerelle_session' : 'passerelle_session';
}

/** The session token the browser sent, if any. */
export function readSessionCookie(request: FastifyRequest, config: DeclarantConfig) {
  return request.cookies[sessionCookieName(config)];
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over TLS, no Max-Age (ends with the browser). */
export function setSessionCookie(reply: FastifyReply, config: DeclarantConfig, token: string) {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: DeclarantConfig) {
  reply.clearCookie(sessionCookieName(config), {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
  });
}

/** Refusals that mean the browser's session is over. */
const SESSION_OVER: ReadonlySet<ErrorCode> = new Set(['SESSION_EXPIRED', 'ACCOUNT_INACTIVE']);

/**
 * Every refusal saying the session is over also clears the cookie that was sent, so a browser
 * does not keep presenting a dead token (onError hooks may add headers to the error's answer).
 */
export function installSessionOverCookieClearing(app: FastifyInstance, config: DeclarantConfig) {
  app.addHook('onError', async (request, reply, error) => {
    if (!(error instanceof AppError) || !SESSION_OVER.has(error.code)) return;
    if (readSessionCookie(request, config) !== undefined) clearSessionCookie(reply, config);
  });
}
