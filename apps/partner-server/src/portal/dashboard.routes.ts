import type { FastifyInstance } from 'fastify';
import { portalDashboardQuery } from '@passerelle/contracts';
import { parseInput } from '@passerelle/server-kit';
import { toAccountView } from '../accounts/accounts.service';
import { encodeText } from '@passerelle/edifact';
import type { PartnerContext } from '../context';
import { depositReturn, depositsForPortal, PORTAL_PAGE_SIZE } from '../deposits/deposits.service';
import { closeTokenSession, liveConnectionPage } from '../sessions/sessions.service';
import { findLiveFamily } from '../sessions/tokens.repository';
import { revokeSignature, signaturePage } from '../signatures/signatures.service';
import { nextCodeReissueAt, reissueConfidentialCode } from '../subscription/subscription.service';
import { toSessionUser } from '../portal-users/portal-user-view';
import { assertAccountAdministrator, portalUserPage } from '../portal-users/portal-users.service';
import { dashboardNotice } from './notices';
import { dashboardPage } from './pages/dashboard-page';
import { errorPage } from './pages/error-page';
import { sendPage } from './portal-reply';
import { clearPortalCookie, findPortalCaller, requirePortalCaller } from './portal-session';

/**
 * The signed-in client space: the dashboard and its buttons. Each button posts a plain form and
 * is answered with a 303 back to the dashboard and a message key (post/redirect/get).
 */
export function registerDashboardRoutes(app: FastifyInstance, ctx: PartnerContext) {
  app.get('/portail', async (request, reply) => {
    const caller = await requirePortalCaller(ctx, request, reply);
    if (!caller) return reply;
    // A bad cursor in a link becomes the portal's French error page (400).
    const query = parseInput(portalDashboardQuery, request.query);
    const account = await toAccountView(ctx, caller.account);
    const signatures = await signaturePage(ctx, caller.account, {
      limit: PORTAL_PAGE_SIZE,
      cursor: query.signatures,
    });
    const connections = await liveConnectionPage(ctx, caller, {
      limit: PORTAL_PAGE_SIZE,
      cursor: query.connexions,
    });
    const { deposits, refusals } = await depositsForPortal(ctx, caller.account, query.depots);
    const notice = dashboardNotice(query, account);
    const codeReissueAt = await nextCodeReissueAt(ctx, caller.account.id);
    // The "Utilisateurs" section is the administrator's only.
    const users = caller.user
      ? undefined
      : await portalUserPage(ctx, caller, { limit: PORTAL_PAGE_SIZE, cursor: query.utilisateurs });
    const page = dashboardPage({
      account,
      user: caller.user ? toSessionUser(caller.user) : null,
      users,
      query,
      signatures,
      connections,
      deposits,
      refusals,
      notice,
      codeReissueAt,
    });
    return sendPage(ctx, reply, `Espace client — ${account.firmName}`, page);
  });

  // The DGFiP's returns as files: EDIFACT in the interchange's own repertoire (UNOL, ISO-8859-15).
  app.get<{ Params: { id: string; kind: string } }>(
    '/portail/depots/:id/:kind',
    async (request, reply) => {
      const caller = await requirePortalCaller(ctx, request, reply);
      if (!caller) return reply;
      const { id, kind } = request.params;
      if (kind !== 'contrl' && kind !== 'cr') {
        const page = errorPage('Introuvable', 'Ce fichier est introuvable.');
        return sendPage(ctx, reply, 'Introuvable', page, 404);
      }
      const { text, filename } = await depositReturn(ctx, caller.account, id, kind);
      return reply
        .type('application/edifact; charset=iso-8859-15')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(encodeText(text, 'UNOL')));
    },
  );

  app.post('/portail/nouveau-code', async (request, reply) => {
    const caller = await requirePortalCaller(ctx, request, reply);
    if (!caller) return reply;
    assertAccountAdministrator(caller);
    await reissueConfidentialCode(ctx, caller.account);
    return reply.redirect('/portail?message=code-envoye', 303);
  });

  // Unknown serial or another account's: NOT_FOUND; already revoked: ALREADY_REVOKED. Both
  // become French pages through the portal's error handler.
  app.post<{ Params: { serial: string } }>(
    '/portail/signatures/:serial/revocation',
    async (request, reply) => {
      const caller = await requirePortalCaller(ctx, request, reply);
      if (!caller) return reply;
      await revokeSignature(ctx, caller, request.params.serial, { reason: 'unspecified' });
      return reply.redirect('/portail?message=signature-revoquee', 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/portail/connexions/:id/revocation',
    async (request, reply) => {
      const caller = await requirePortalCaller(ctx, request, reply);
      if (!caller) return reply;
      // Only one of this account's own live API sessions; any other id is "not found".
      const now = ctx.now().toISOString();
      const scope = { accountId: caller.account.id, portalUserId: caller.user?.id };
      if (!(await findLiveFamily(ctx.db, scope, 'api', now, request.params.id))) {
        const page = errorPage(
          'Connexion introuvable',
          'Cette connexion est introuvable ou déjà révoquée.',
        );
        return sendPage(ctx, reply, 'Connexion introuvable', page, 404);
      }
      await closeTokenSession(ctx, request.params.id, 'revoked_on_portal');
      return reply.redirect('/portail?message=connexion-revoquee', 303);
    },
  );

  app.post('/portail/deconnexion', async (request, reply) => {
    const caller = await findPortalCaller(ctx, request);
    if (caller) await closeTokenSession(ctx, caller.familyId, 'signed_out');
    clearPortalCookie(ctx, reply);
    return reply.redirect('/portail/connexion?message=deconnecte', 303);
  });
}
