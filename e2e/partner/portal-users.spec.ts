import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import { postJson } from '../support/http';
import { waitForMail } from '../support/mail';
import { BRUNO, CHLOE, PORTAL as PORTAL_ADMIN, SIGNATURE_PASSWORD } from '../support/people';
import { testDialects } from '../support/postgres-database';
import { seedFirmUsers } from '../support/seed-declarant';
import { startServers, type Servers } from '../support/servers';
import {
  emailedConfidentialCode,
  partnerAccessToken,
  registerClientAccount,
} from '../support/steps/client-account';
import {
  connectClientSpace as connectWith,
  connectedStatus,
  notConnectedStatus,
  openClientSpacePanel,
  submitClientSpaceCredentials,
} from '../support/steps/client-space';
import { signInToPortal } from '../support/steps/portal';
import { addSignature, signatureRow } from '../support/steps/signature';
import { signInToPasserelle } from '../support/sign-in';

/** The passwords each chooses on the portal's invitation page. */
const BRUNO_PORTAL_PASSWORD = 'kayak citron sous la neige';
const CHLOE_PORTAL_PASSWORD = 'pinceau ambre dans le verger';

/** The token of the invitation emailed to `email`, read from the inbox's JSON API. */
async function invitationToken(inboxUrl: string, email: string): Promise<string> {
  const mail = await waitForMail(inboxUrl, { subject: /Invitation/, to: email });
  const token = /jeton=([\w.-]+)/.exec(mail.text)?.[1];
  if (token === undefined) throw new Error(`no invitation link in:\n${mail.text}`);
  return token;
}

describe.each(await testDialects())(
  'personal portal users: invited on the portal, each connects Passerelle and signs (%s)',
  (dialect) => {
    let servers: Servers;
    const browser = useBrowser();

    beforeAll(async () => {
      servers = await startServers({ dialect });
      await seedFirmUsers(servers.declarant, [BRUNO, CHLOE]);
      // The confirmed client account, seeded through API v1 and the inbox (not under test here).
      await registerClientAccount(servers.partner, PORTAL_ADMIN);
    });
    afterAll(async () => {
      await servers?.stop();
    });

    /** Connects Passerelle's side panel with a personal portal user's own credentials. */
    async function connectClientSpace(page: Page, email: string, password: string) {
      await connectWith(page, { email, password });
      await page.getByText(`avec ${email}`).waitFor();
    }

    it('the administrator invites Bruno, who sets his password from the email, connects Passerelle and adds a signature; revoked, only he loses access', async () => {
      const context = await browser.newContext();
      const portal = await context.newPage();
      const { partnerUrl, inboxUrl } = servers.partner;

      // The client account's administrator invites Bruno from the portal's "Utilisateurs".
      await signInToPortal(portal, partnerUrl, PORTAL_ADMIN);
      await portal.getByRole('heading', { name: 'Utilisateurs' }).waitFor();
      await portal.getByRole('link', { name: 'Inviter un utilisateur' }).click();
      await portal.getByLabel('Adresse email').fill(BRUNO.email);
      await portal.getByLabel('Prénom').fill(BRUNO.firstName);
      await portal.getByLabel('Nom', { exact: true }).fill(BRUNO.lastName);
      await portal.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await portal.getByRole('status').filter({ hasText: 'Invitation envoyée' }).waitFor();
      const users = portal.getByRole('region', { name: 'Utilisateurs' });
      await users
        .getByRole('row')
        .filter({ hasText: BRUNO.email })
        .getByText(/^Invité/)
        .waitFor();

      // Bruno reads the invitation in the inbox and chooses his own password.
      const mailbox = await context.newPage();
      await mailbox.goto(inboxUrl);
      await mailbox.getByRole('link', { name: /Invitation à l’espace client/ }).click();
      await mailbox.getByRole('link', { name: /portail\/invitation/ }).click();
      await mailbox.getByRole('heading', { name: 'Choisir votre mot de passe' }).waitFor();
      await mailbox.getByLabel('Mot de passe', { exact: true }).fill(BRUNO_PORTAL_PASSWORD);
      await mailbox.getByLabel('Confirmation du mot de passe').fill(BRUNO_PORTAL_PASSWORD);
      await mailbox.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await mailbox.getByText(/Mot de passe enregistré.: connectez-vous/).waitFor();

      // Chloé is invited and accepts the same way (through the API here: not under test).
      const adminToken = await partnerAccessToken(partnerUrl, PORTAL_ADMIN);
      await postJson(
        `${partnerUrl}/api/v1/accounts/current/users`,
        { email: CHLOE.email, firstName: CHLOE.firstName, lastName: CHLOE.lastName },
        201,
        { authorization: `Bearer ${adminToken}` },
      );
      await postJson(
        `${partnerUrl}/api/v1/portal-invitations/use`,
        {
          token: await invitationToken(inboxUrl, CHLOE.email),
          password: CHLOE_PORTAL_PASSWORD,
          passwordConfirmation: CHLOE_PORTAL_PASSWORD,
        },
        201,
      );

      // The help page's flow, unchanged, with Bruno's own portal credentials.
      const app = await context.newPage();
      await signInToPasserelle(app, servers.declarant.url, BRUNO);
      await connectClientSpace(app, BRUNO.email, BRUNO_PORTAL_PASSWORD);
      const code = await emailedConfidentialCode(inboxUrl, PORTAL_ADMIN.email);
      await addSignature(app, { code, validity: '12 mois', password: SIGNATURE_PASSWORD });
      await signatureRow(app, 'Bruno Martin').getByText('Valide', { exact: true }).waitFor();

      // Chloé connects her own Passerelle session with her own portal credentials.
      const chloeContext = await browser.newContext();
      try {
        const chloeApp = await chloeContext.newPage();
        await signInToPasserelle(chloeApp, servers.declarant.url, CHLOE);
        await connectClientSpace(chloeApp, CHLOE.email, CHLOE_PORTAL_PASSWORD);

        // The administrator revokes Bruno on the portal; the signature is listed for him.
        await portal.bringToFront();
        await portal.reload();
        const brunoRow = users.getByRole('row').filter({ hasText: BRUNO.email });
        const brunoSignature = portal
          .getByRole('region', { name: 'Signatures' })
          .getByRole('row')
          .filter({ hasText: 'Bruno Martin' });
        await brunoRow.getByText('Actif', { exact: true }).waitFor();
        await brunoSignature.getByText('Valide', { exact: true }).waitFor();
        await brunoRow.getByRole('button', { name: 'Révoquer l’accès de Bruno Martin' }).click();
        await portal.getByRole('status').filter({ hasText: 'Utilisateur révoqué' }).waitFor();
        await brunoRow.getByText('Révoqué', { exact: true }).waitFor();
        // His certificate is revoked with him.
        await brunoSignature.getByText('Révoquée', { exact: true }).waitFor();

        // Bruno's Passerelle is no longer connected; his portal password no longer works.
        await app.bringToFront();
        await app.reload();
        await notConnectedStatus(app).waitFor();
        const panel = await openClientSpacePanel(app);
        await submitClientSpaceCredentials(panel, {
          email: BRUNO.email,
          password: BRUNO_PORTAL_PASSWORD,
        });
        await panel
          .getByRole('alert')
          .filter({ hasText: 'Adresse email ou mot de passe incorrect' })
          .waitFor();

        // Chloé still works: still connected, and she adds her own signature.
        await chloeApp.bringToFront();
        await chloeApp.reload();
        await connectedStatus(chloeApp).waitFor();
        await addSignature(chloeApp, { code, password: SIGNATURE_PASSWORD });
        await signatureRow(chloeApp, 'Chloé Petit').getByText('Valide', { exact: true }).waitFor();
      } finally {
        await chloeContext.close();
      }
    });
  },
);
