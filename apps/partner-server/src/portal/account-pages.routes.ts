import type { FastifyInstance } from 'fastify';
import {
  createAccountRequest,
  createSessionRequest,
  verifyEmailRequest,
} from '@passerelle/contracts';
import { AppError, parseInput } from '@passerelle/server-kit';
import { registerAccount } from '../accounts/registration.service';
import { findAccountToVerify, verifyEmail } from '../accounts/verification.service';
import type { PartnerContext } from '../context';
import { authenticateAccount, openTokenSession } from '../sessions/sessions.service';
import { signInNotice } from './notices';
import { accountCreatedPage, createAccountPage } from './pages/create-account-page';
import { errorPage } from './pages/error-page';
import { signInPage } from './pages/sign-in-page';
import { confirmEmailPage, emailConfirmedPage } from './pages/verify-email-page';
import { readForm } from './portal-form';
import { sendPage } from './portal-reply';
import { setPortalCookie } from './portal-session';

const SIGN_IN = 'Connexion à l’espace client';
const CREATE_ACCOUNT = 'Créer un compte client';
const CONFIRM = 'Confirmer votre adresse email';
const INVALID_LINK = 'Lien invalide';

/** The pages reached before signing in: sign-in, account creation, email confirmation. */
export function registerAccountPages(app: FastifyInstance, ctx: PartnerContext) {
  app.get('/portail/connexion', async (request, reply) =>
    sendPage(ctx, reply, SIGN_IN, signInPage({ notice: signInNotice(request.query) })),
  );

  app.post('/portail/connexion', async (request, reply) => {
    const form = readForm(request.body);
    try {
      const input = parseInput(createSessionRequest, form);
      const principal = await authenticateAccount(ctx, input, request.ip);
      const { accessToken } = await openTokenSession(ctx, principal, 'portal');
      setPortalCookie(ctx, reply, accessToken);
      return reply.redirect('/portail', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      reply.headers(error.headers); // Retry-After when rate limited
      const page = signInPage({ email: form.email, error });
      return sendPage(ctx, reply, SIGN_IN, page, error.status);
    }
  });

  app.get('/portail/creer-un-compte', async (_request, reply) =>
    sendPage(ctx, reply, CREATE_ACCOUNT, createAccountPage()),
  );

  app.post('/portail/creer-un-compte', async (request, reply) => {
    const form = readForm(request.body);
    try {
      const { sentTo } = await registerAccount(
        ctx,
        parseInput(createAccountRequest, form),
        request.ip,
      );
      const page = accountCreatedPage(sentTo, ctx.config.accounts.unverifiedMs / 3_600_000);
      return sendPage(ctx, reply, 'Vérifiez votre adresse email', page, 202);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      reply.headers(error.headers); // Retry-After when rate limited
      // What was typed comes back (escaped by the page), except the passwords.
      const { firmName, siret, adminFirstName, adminLastName, adminEmail } = form;
      const values = { firmName, siret, adminFirstName, adminLastName, adminEmail };
      const page = createAccountPage({
        values,
        error: { message: error.message, field: error.field },
      });
      return sendPage(ctx, reply, CREATE_ACCOUNT, page, error.status);
    }
  });

  // The emailed link: showing the page never consumes the token (see confirmEmailPage).
  app.get('/portail/verifier-email', async (request, reply) => {
    const { jeton = '' } = readForm(request.query);
    try {
      const { account } = await findAccountToVerify(ctx, jeton);
      const page = confirmEmailPage({ token: jeton, email: account.admin_email });
      return sendPage(ctx, reply, CONFIRM, page);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'LINK_INVALID') throw error;
      const page = errorPage(INVALID_LINK, error.message);
      return sendPage(ctx, reply, INVALID_LINK, page, error.status);
    }
  });

  app.post('/portail/verifier-email', async (request, reply) => {
    const form = readForm(request.body);
    const token = form.jeton ?? '';
    try {
      const input = parseInput(verifyEmailRequest, { token, password: form.password });
      const account = await verifyEmail(ctx, input, request.ip);
      const page = emailConfirmedPage(account.admin_email);
      return sendPage(ctx, reply, 'Adresse email confirmée', page);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      if (error.code === 'LINK_INVALID' || error.field === 'token') {
        const page = errorPage(INVALID_LINK, error.message);
        return sendPage(ctx, reply, INVALID_LINK, page, error.status);
      }
      // A wrong or missing password, or too many tries: the form again, the link still usable.
      reply.headers(error.headers);
      const { account } = await findAccountToVerify(ctx, token);
      const page = confirmEmailPage({
        token,
        email: account.admin_email,
        error: { message: error.message, field: error.field },
      });
      return sendPage(ctx, reply, CONFIRM, page, error.status);
    }
  });
}
