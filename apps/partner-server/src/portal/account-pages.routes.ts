import type { FastifyInstance } from 'fastify';
import { createAccountRequest, createSessionRequest } from '@passerelle/contracts';
import { AppError, parseInput } from '@passerelle/server-kit';
import { createAccount, verifyEmail } from '../accounts/accounts.service';
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

const SIGN_IN = "Connexion à l'espace client";
const CREATE_ACCOUNT = 'Créer un compte client';
const INVALID_LINK = "Ce lien de confirmation n'est plus valide.";

/** The pages reached before signing in: sign-in, account creation, email confirmation. */
export function registerAccountPages(app: FastifyInstance, ctx: PartnerContext) {
  app.get('/portail/connexion', async (request, reply) =>
    sendPage(ctx, reply, SIGN_IN, signInPage({ notice: signInNotice(request.query) })),
  );

  app.post('/portail/connexion', async (request, reply) => {
    const form = readForm(request.body);
    try {
      const input = parseInput(createSessionRequest, form);
      const account = await authenticateAccount(ctx, input, request.ip);
      const { accessToken } = await openTokenSession(ctx, account, 'portal');
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
      const account = await createAccount(ctx, parseInput(createAccountRequest, form));
      const page = accountCreatedPage(account.admin_email);
      return sendPage(ctx, reply, 'Vérifiez votre adresse email', page, 201);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
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
    const { jeton } = readForm(request.query);
    if (!jeton || jeton.length > 200) {
      return sendPage(ctx, reply, 'Lien invalide', errorPage('Lien invalide', INVALID_LINK), 400);
    }
    return sendPage(ctx, reply, 'Confirmer votre adresse email', confirmEmailPage(jeton));
  });

  app.post('/portail/verifier-email', async (request, reply) => {
    const { jeton } = readForm(request.body);
    try {
      const account = await verifyEmail(ctx, jeton ?? '');
      return sendPage(
        ctx,
        reply,
        'Adresse email confirmée',
        emailConfirmedPage(account.admin_email),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'LINK_INVALID') throw error;
      const page = errorPage('Lien invalide', INVALID_LINK);
      return sendPage(ctx, reply, 'Lien invalide', page, error.status);
    }
  });
}
