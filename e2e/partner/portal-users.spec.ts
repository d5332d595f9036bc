import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from '../support/browser';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
import { serverDatabases, testDialects } from '../support/postgres-database';
import { seedAdministrator, seedUser } from '../support/seed-declarant';
import { mailText } from '../support/sending-firm';
import { signInToPasserelle } from '../support/sign-in';

/** Passerelle's administrator (the declarant side). */
const ADMIN = {
  email: 'alice.durand@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};
/** The firm's client account on the partner: its administrator receives the code and invites. */
const PORTAL_ADMIN = {
  email: 'alice.portail@cabinet-exemple.fr',
  password: 'tortue orange sur le toit',
};
/** Passerelle users who each get their own personal portal access. */
const BRUNO = {
  firstName: 'Bruno',
  lastName: 'Martin',
  email: 'bruno.martin@cabinet-exemple.fr',
  password: 'girafe lumineuse sous la pluie',
};
const CHLOE = {
  firstName: 'Chloé',
  lastName: 'Petit',
  email: 'chloe.petit@cabinet-exemple.fr',
  password: 'hibou violet dans la grange',
};
/** The passwords each chooses on the portal's invitation page. */
const BRUNO_PORTAL_PASSWORD = 'kayak citron sous la neige';
const CHLOE_PORTAL_PASSWORD = 'pinceau ambre dans le verger';
const SIGNATURE_PASSWORD = 'parapluie mandarine escalier volcan';

/** POSTs JSON; throws with the body on another status; returns the parsed answer. */
async function post(url: string, body: unknown, expected: number, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The token of the invitation emailed to `email`, read from the inbox's JSON API. */
async function invitationToken(inboxUrl: string, email: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const { messages } = (await (await fetch(`${inboxUrl}/api/messages`)).json()) as {
      messages: { id: string; subject: string; to: string[] }[];
    };
    const found = messages.find((m) => /Invitation/.test(m.subject) && m.to.includes(email));
    if (found) {
      const { message } = (await (await fetch(`${inboxUrl}/api/messages/${found.id}`)).json()) as {
        message: { text: string };
      };
      const token = /jeton=([\w.-]+)/.exec(message.text)?.[1];
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no invitation for ${email}`);
}

describe.each(await testDialects())(
  'personal portal users: invited on the portal, each connects Passerelle and signs (%s)',
  (dialect) => {
    let partner: PartnerProcesses;
    let declarant: DeclarantProcess;
    let browser: Browser;
    let context: BrowserContext;
    let databases: Awaited<ReturnType<typeof serverDatabases>> | undefined;

    beforeAll(async () => {
      databases = await serverDatabases(dialect);
      partner = await startPartnerWithInbox(databases.partnerEnv);
      declarant = await startDeclarant({
        PARTNER_URL: partner.partnerUrl,
        SMTP_URL: partner.smtpUrl,
        ...databases.declarantEnv,
      });
      const adminCookie = await seedAdministrator(declarant.url, declarant.setupLink, ADMIN);
      await seedUser(declarant.url, adminCookie, BRUNO);
      await seedUser(declarant.url, adminCookie, CHLOE);
      // The confirmed client account, seeded through API v1 and the inbox (not under test here).
      await post(
        `${partner.partnerUrl}/api/v1/accounts`,
        {
          firmName: 'Cabinet Exemple',
          siret: '73282932000074',
          adminFirstName: 'Alice',
          adminLastName: 'Durand',
          adminEmail: PORTAL_ADMIN.email,
          password: PORTAL_ADMIN.password,
          passwordConfirmation: PORTAL_ADMIN.password,
        },
        202,
      );
      const token = /jeton=([\w-]+)/.exec(await mailText(partner.inboxUrl, /Confirmez/))?.[1];
      await post(
        `${partner.partnerUrl}/api/v1/accounts/verification`,
        { token, password: PORTAL_ADMIN.password },
        200,
      );
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await declarant?.stop();
      await partner?.stop();
      await databases?.drop();
    });
    afterEach(async ({ task }) => {
      if (task.result?.state === 'fail')
        await saveFailureArtifacts(task.name, context, context.pages());
      await context.close();
    });

    /** Connects Passerelle's side panel with a personal portal user's own credentials. */
    async function connectClientSpace(page: Page, email: string, password: string) {
      await page
        .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
        .click();
      const panel = page.getByRole('dialog', { name: 'Connexion à l’espace client' });
      await panel.getByLabel('Adresse email').fill(email);
      await panel.getByLabel('Mot de passe').fill(password);
      await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connecté$/ })
        .waitFor();
      await page.getByText(`avec ${email}`).waitFor();
    }

    it('the administrator invites Bruno, who sets his password from the email, connects Passerelle and adds a signature; revoked, only he loses access', async () => {
      context = await newTracedContext(browser);
      const portal = await context.newPage();

      // The client account's administrator invites Bruno from the portal's "Utilisateurs".
      await portal.goto(`${partner.partnerUrl}/portail/connexion`);
      await portal.getByLabel('Adresse email').fill(PORTAL_ADMIN.email);
      await portal.getByLabel('Mot de passe').fill(PORTAL_ADMIN.password);
      await portal.getByRole('button', { name: 'Se connecter' }).click();
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
      await mailbox.goto(partner.inboxUrl);
      await mailbox.getByRole('link', { name: /Invitation à l’espace client/ }).click();
      await mailbox.getByRole('link', { name: /portail\/invitation/ }).click();
      await mailbox.getByRole('heading', { name: 'Choisir votre mot de passe' }).waitFor();
      await mailbox.getByLabel('Mot de passe', { exact: true }).fill(BRUNO_PORTAL_PASSWORD);
      await mailbox.getByLabel('Confirmation du mot de passe').fill(BRUNO_PORTAL_PASSWORD);
      await mailbox.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await mailbox.getByText(/Mot de passe enregistré.: connectez-vous/).waitFor();

      // Chloé is invited and accepts the same way (through the API here: not under test).
      const adminTokens = await post(`${partner.partnerUrl}/api/v1/sessions`, PORTAL_ADMIN, 201);
      await post(
        `${partner.partnerUrl}/api/v1/accounts/current/users`,
        { email: CHLOE.email, firstName: CHLOE.firstName, lastName: CHLOE.lastName },
        201,
        adminTokens.accessToken as string,
      );
      await post(
        `${partner.partnerUrl}/api/v1/portal-invitations/use`,
        {
          token: await invitationToken(partner.inboxUrl, CHLOE.email),
          password: CHLOE_PORTAL_PASSWORD,
          passwordConfirmation: CHLOE_PORTAL_PASSWORD,
        },
        201,
      );

      // The help page's flow, unchanged, with Bruno's own portal credentials.
      const app = await context.newPage();
      await signInToPasserelle(app, declarant.url, BRUNO);
      await connectClientSpace(app, BRUNO.email, BRUNO_PORTAL_PASSWORD);
      const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(
        await mailText(partner.inboxUrl, /Votre code confidentiel EDI-TDFC/),
      )?.[0];
      await app.getByRole('button', { name: 'Ajouter une signature' }).click();
      const form = app.getByRole('dialog', { name: 'Ajouter une signature' });
      await form.getByLabel('Code confidentiel EDI-TDFC').fill(code ?? '');
      await form.getByLabel('Durée de validité').selectOption({ label: '12 mois' });
      await form.getByLabel('Mot de passe', { exact: true }).fill(SIGNATURE_PASSWORD);
      await form.getByLabel('Confirmation du mot de passe').fill(SIGNATURE_PASSWORD);
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await form.waitFor({ state: 'detached' });
      const signatures = app.getByRole('table').filter({ hasText: 'Numéro de série' });
      await signatures
        .getByRole('row')
        .filter({ hasText: 'Bruno Martin' })
        .getByText('Valide', { exact: true })
        .waitFor();

      // Chloé connects her own Passerelle session with her own portal credentials.
      const chloeContext = await newTracedContext(browser);
      try {
        const chloeApp = await chloeContext.newPage();
        await signInToPasserelle(chloeApp, declarant.url, CHLOE);
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
        await app.getByRole('status').filter({ hasText: 'Non connecté' }).waitFor();
        await app
          .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
          .click();
        const panel = app.getByRole('dialog', { name: 'Connexion à l’espace client' });
        await panel.getByLabel('Adresse email').fill(BRUNO.email);
        await panel.getByLabel('Mot de passe').fill(BRUNO_PORTAL_PASSWORD);
        await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
        await panel
          .getByRole('alert')
          .filter({ hasText: 'Adresse email ou mot de passe incorrect' })
          .waitFor();

        // Chloé still works: still connected, and she adds her own signature.
        await chloeApp.bringToFront();
        await chloeApp.reload();
        await chloeApp
          .getByRole('status')
          .filter({ hasText: /^Connecté$/ })
          .waitFor();
        await chloeApp.getByRole('button', { name: 'Ajouter une signature' }).click();
        const chloeForm = chloeApp.getByRole('dialog', { name: 'Ajouter une signature' });
        await chloeForm.getByLabel('Code confidentiel EDI-TDFC').fill(code ?? '');
        await chloeForm.getByLabel('Mot de passe', { exact: true }).fill(SIGNATURE_PASSWORD);
        await chloeForm.getByLabel('Confirmation du mot de passe').fill(SIGNATURE_PASSWORD);
        await chloeForm.getByRole('button', { name: 'Enregistrer' }).click();
        await chloeForm.waitFor({ state: 'detached' });
        await chloeApp
          .getByRole('table')
          .filter({ hasText: 'Numéro de série' })
          .getByRole('row')
          .filter({ hasText: 'Chloé Petit' })
          .getByText('Valide', { exact: true })
          .waitFor();
      } finally {
        await chloeContext.close();
      }
    });
  },
);
