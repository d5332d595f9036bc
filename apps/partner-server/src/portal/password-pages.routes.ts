import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  changeAccountPasswordRequest,
  passwordResetRequest,
  resetPasswordRequest,
} from '@passerelle/contracts';
import { AppError, parseInput } from '@passerelle/server-kit';
import {
  changeAccountPassword,
  findAccountToReset,
  requestPasswordReset,
  resetPassword,
} from '../accounts/passwords.service';
import type { PartnerContext } from '../context';
import { assertAccountAdministrator } from '../portal-users/portal-users.service';
import { errorPage } from './pages/error-page';
import {
  changePasswordPage,
  forgotPasswordPage,
  newPasswordPage,
  resetLinkSentPage,
} from './pages/password-pages';
import { readForm } from './portal-form';
import { sendPage } from './portal-reply';
import { requirePortalCaller } from './portal-session';

const FORGOT = 'Mot de passe oublié';
const NEW_PASSWORD = 'Choisir un nouveau mot de passe';
const CHANGE = 'Changer le mot de passe';
const INVALID_LINK = 'Lien invalide';

/** A refusal that belongs on the form (anything but a server failure), or rethrows. */
function formError(error: unknown, reply: FastifyReply) {
  if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
  reply.headers(error.headers); // Retry-After when rate limited
  return { message: error.message, field: error.field, status: error.status };
}

/**
 * The password pages: "Mot de passe oublié ?" (a one-time link by email), the page that link
 * opens, and "Changer le mot de passe" for the signed-in account.
 */
export function registerPasswordPages(app: FastifyInstance, ctx: PartnerContext) {
  app.get('/portail/mot-de-passe-oublie', async (_request, reply) =>
    sendPage(ctx, reply, FORGOT, forgotPasswordPage()),
  );

  app.post('/portail/mot-de-passe-oublie', async (request, reply) => {
    const form = readForm(request.body);
    try {
      const { email } = parseInput(passwordResetRequest, form);
      const { sentTo } = await requestPasswordReset(ctx, email, request.ip);
      const minutes = ctx.config.accounts.resetLinkMs / 60_000;
      return sendPage(
        ctx,
        reply,
        'Vérifiez votre adresse email',
        resetLinkSentPage(sentTo, minutes),
      );
    } catch (error) {
      const { status, ...refusal } = formError(error, reply);
      const page = forgotPasswordPage({ email: form.email, error: refusal });
      return sendPage(ctx, reply, FORGOT, page, status);
    }
  });

  // The emailed link: showing the page never uses it (mail scanners fetch links first).
  app.get('/portail/nouveau-mot-de-passe', async (request, reply) => {
    const { jeton = '' } = readForm(request.query);
    try {
      const { account } = await findAccountToReset(ctx, jeton);
      const page = newPasswordPage({ token: jeton, email: account.admin_email });
      return sendPage(ctx, reply, NEW_PASSWORD, page);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'PASSWORD_TOKEN_INVALID') throw error;
      const page = errorPage(INVALID_LINK, error.message);
      return sendPage(ctx, reply, INVALID_LINK, page, error.status);
    }
  });

  app.post('/portail/nouveau-mot-de-passe', async (request, reply) => {
    const form = readForm(request.body);
    const token = form.jeton ?? '';
    try {
      await resetPassword(ctx, parseInput(resetPasswordRequest, { ...form, token }));
      return reply.redirect('/portail/connexion?message=mot-de-passe-change', 303);
    } catch (error) {
      const { status, ...refusal } = formError(error, reply);
      if (
        refusal.field === 'token' ||
        (error instanceof AppError && error.code === 'PASSWORD_TOKEN_INVALID')
      ) {
        return sendPage(ctx, reply, INVALID_LINK, errorPage(INVALID_LINK, refusal.message), status);
      }
      const { account } = await findAccountToReset(ctx, token);
      const page = newPasswordPage({ token, email: account.admin_email, error: refusal });
      return sendPage(ctx, reply, NEW_PASSWORD, page, status);
    }
  });

  app.get('/portail/mot-de-passe', async (request, reply) => {
    const caller = await requirePortalCaller(ctx, request, reply);
    if (!caller) return reply;
    assertAccountAdministrator(caller);
    return sendPage(ctx, reply, CHANGE, changePasswordPage({ email: caller.account.admin_email }));
  });

  app.post('/portail/mot-de-passe', async (request, reply) => {
    const caller = await requirePortalCaller(ctx, request, reply);
    if (!caller) return reply;
    assertAccountAdministrator(caller);
    const form = readForm(request.body);
    try {
      const input = parseInput(changeAccountPasswordRequest, form);
      await changeAccountPassword(ctx, caller, input, request.ip);
      return reply.redirect('/portail?message=mot-de-passe-change', 303);
    } catch (error) {
      const { status, ...refusal } = formError(error, reply);
      const page = changePasswordPage({ email: caller.account.admin_email, error: refusal });
      return sendPage(ctx, reply, CHANGE, page, status);
    }
  });
}
