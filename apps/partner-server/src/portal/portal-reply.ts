import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import { layout, type Html } from './html';
import { errorPage } from './pages/error-page';

/** Sends one portal page as HTML; the title gets "Erreur : " on a refusal, as screen readers say it first. */
export function sendPage(
  ctx: PartnerContext,
  reply: FastifyReply,
  title: string,
  body: Html,
  status = 200,
): FastifyReply {
  const fullTitle = status >= 400 ? `Erreur : ${title}` : title;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(layout(ctx.config.partnerName, fullTitle, body));
}

/** Page titles of the refusals that reach the error handler (no form to show them on). */
const TITLES: Partial<Record<AppError['code'], string>> = {
  NOT_FOUND: 'Introuvable',
  CSRF_REJECTED: 'Requête refusée',
  HOST_NOT_ALLOWED: 'Adresse non reconnue',
  RATE_LIMITED: 'Trop de tentatives',
  INTERNAL: 'Action impossible',
};

/**
 * Errors of the portal's routes become French pages, never JSON: an `AppError` shows its
 * message with its status (the CSRF guard's refusal included), a malformed request a 400 page.
 * Anything else is rethrown to the app's handler, which logs it and answers a bare 500.
 */
export function installPortalErrorHandler(app: FastifyInstance, ctx: PartnerContext) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'portal request failed');
      const title = TITLES[error.code] ?? 'Action refusée';
      reply.headers(error.headers);
      return sendPage(ctx, reply, title, errorPage(title, error.message), error.status);
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      const message = 'Requête invalide : rechargez la page et recommencez.';
      return sendPage(ctx, reply, 'Requête invalide', errorPage('Requête invalide', message), 400);
    }
    throw error;
  });
}
