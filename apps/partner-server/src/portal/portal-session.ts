import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { resolveAccessToken, type PartnerCaller } from '../sessions/sessions.service';

/**
 * The portal's session cookie: a portal session's access token, without refresh; it ends after
 * 30 minutes without a request or 12 hours after sign-in (PORTAL_SESSION_*).
 */
const COOKIE = 'partner_portal';

const cookieOptions = (ctx: PartnerContext) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: ctx.config.secureCookies,
  path: '/portail',
});

/** Sets the portal cookie to a portal session's access token. */
export function setPortalCookie(ctx: PartnerContext, reply: FastifyReply, token: string) {
  reply.setCookie(COOKIE, token, cookieOptions(ctx));
}

/** Forgets the portal cookie. */
export function clearPortalCookie(ctx: PartnerContext, reply: FastifyReply) {
  reply.clearCookie(COOKIE, cookieOptions(ctx));
}

/** Whether the request carries a portal cookie at all (valid or not). */
export function hasPortalCookie(request: FastifyRequest): boolean {
  return Boolean(request.cookies[COOKIE]);
}

/** The signed-in portal caller, or undefined (no cookie, or an unknown, expired or revoked session). */
export async function findPortalCaller(
  ctx: PartnerContext,
  request: FastifyRequest,
): Promise<PartnerCaller | undefined> {
  const token = request.cookies[COOKIE];
  if (!token) return undefined;
  try {
    return await resolveAccessToken(ctx, token, 'portal');
  } catch (error) {
    // A refused token means "not signed in"; a database failure is not that and must surface.
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

/**
 * The signed-in caller; otherwise the cookie is cleared, the reply redirected to the sign-in
 * page, and undefined returned (the route then returns the reply).
 */
export async function requirePortalCaller(
  ctx: PartnerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<PartnerCaller | undefined> {
  const caller = await findPortalCaller(ctx, request);
  if (caller) return caller;
  const expired = hasPortalCookie(request);
  if (expired) clearPortalCookie(ctx, reply);
  reply.redirect(
    expired ? '/portail/connexion?message=session-expiree' : '/portail/connexion',
    303,
  );
  return undefined;
}
