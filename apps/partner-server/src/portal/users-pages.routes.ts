import type { FastifyInstance, FastifyReply } from 'fastify';
import { partnerApi, portalUserParams } from '@passerelle/contracts';
import { AppError, parseInput } from '@passerelle/server-kit';
import type { PartnerContext } from '../context';
import {
  acceptPortalInvitation,
  assertAccountAdministrator,
  findInvitedUser,
  invitePortalUser,
  revokePortalUser,
} from '../portal-users/portal-users.service';
import { errorPage } from './pages/error-page';
import { acceptInvitationPage, inviteUserPage } from './pages/invitation-pages';
import { readForm } from './portal-form';
import { sendPage } from './portal-reply';
import { requirePortalCaller } from './portal-session';

const INVITE = 'Inviter un utilisateur';
const ACCEPT = 'Choisir votre mot de passe';
const INVALID_LINK = 'Lien invalide';

/** A refusal that belongs on the form (anything but a server failure), or rethrows. */
function formError(error: unknown, reply: FastifyReply) {
  if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
  reply.headers(error.headers); // Retry-After when rate limited
  return { message: error.message, field: error.field, status: error.status };
}

/**
 * The portal's personal users: the administrator's invitation form and "Révoquer" (the list is
 * a dashboard section), and the page the emailed invitation link opens.
 */
export function registerUsersPages(app: FastifyInstance, ctx: PartnerContext) {
  app.get('/portail/utilisateurs/inviter', async (request, reply) => {
    const caller = await requirePortalCaller(ctx, request, reply);
    if (!caller) return reply;
    assertAccountAdministrator(caller);
    return sendPage(ctx, reply, INVITE, inviteUserPage());
  });

  app.post('/portail/utilisateurs', async (request, reply) => {
    const caller = await requirePortalCaller(ctx, request, reply);
    if (!caller) return reply;
    assertAccountAdministrator(caller);
    const form = readForm(request.body);
    try {
      await invitePortalUser(ctx, caller, parseInput(partnerApi.portalUsers.invite.body, form));
      return reply.redirect('/portail?message=invitation-envoyee#titre-utilisateurs', 303);
    } catch (error) {
      const { status, ...refusal } = formError(error, reply);
      const values = { email: form.email, firstName: form.firstName, lastName: form.lastName };
      return sendPage(ctx, reply, INVITE, inviteUserPage({ values, error: refusal }), status);
    }
  });

  // NOT_FOUND and ALREADY_REVOKED become French pages through the portal's error handler.
  app.post('/portail/utilisateurs/:id/revocation', async (request, reply) => {
    const caller = await requirePortalCaller(ctx, request, reply);
    if (!caller) return reply;
    const { id } = parseInput(portalUserParams, request.params);
    await revokePortalUser(ctx, caller, id);
    return reply.redirect('/portail?message=utilisateur-revoque#titre-utilisateurs', 303);
  });

  // The emailed link: showing the page never uses it (mail scanners fetch links first).
  app.get('/portail/invitation', async (request, reply) => {
    const { jeton = '' } = readForm(request.query);
    try {
      const { user } = await findInvitedUser(ctx, jeton);
      return sendPage(
        ctx,
        reply,
        ACCEPT,
        acceptInvitationPage({ token: jeton, email: user.email }),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'LINK_INVALID') throw error;
      return sendPage(ctx, reply, INVALID_LINK, errorPage(INVALID_LINK, error.message), 410);
    }
  });

  app.post('/portail/invitation', async (request, reply) => {
    const form = readForm(request.body);
    const token = form.jeton ?? '';
    try {
      const input = parseInput(partnerApi.portalUsers.accept.body, { ...form, token });
      await acceptPortalInvitation(ctx, input);
      return reply.redirect('/portail/connexion?message=invitation-acceptee', 303);
    } catch (error) {
      const { status, ...refusal } = formError(error, reply);
      if (
        refusal.field === 'token' ||
        (error instanceof AppError && error.code === 'LINK_INVALID')
      ) {
        return sendPage(ctx, reply, INVALID_LINK, errorPage(INVALID_LINK, refusal.message), status);
      }
      const { user } = await findInvitedUser(ctx, token);
      const page = acceptInvitationPage({ token, email: user.email, error: refusal });
      return sendPage(ctx, reply, ACCEPT, page, status);
    }
  });
}
