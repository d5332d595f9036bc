import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInToPasserelle } from '../support/sign-in';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from '../support/browser';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
import { serverDatabases, testDialects } from '../support/postgres-database';
import { seedAdministrator, seedUser } from '../support/seed-declarant';

const ADMIN = {
  email: 'alice.durand@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};
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
/** The firm's client account on the partner portal: its administrator receives the code. */
const PORTAL = { email: 'alice.portail@cabinet-exemple.fr', password: 'tortue orange sur le toit' };
const SIGNATURE_PASSWORD = 'parapluie mandarine escalier volcan';

describe.each(await testDialects())(
  'sections 1–4 of the help page, from a fresh firm, in the browser (%s)',
  (dialect) => {
    let partner: PartnerProcesses;
    let declarant: DeclarantProcess;
    let browser: Browser;
    let context: BrowserContext;
    let adminCookie: string;
    let databases: Awaited<ReturnType<typeof serverDatabases>> | undefined;

    beforeAll(async () => {
      databases = await serverDatabases(dialect);
      partner = await startPartnerWithInbox(databases.partnerEnv);
      declarant = await startDeclarant({
        PARTNER_URL: partner.partnerUrl,
        SMTP_URL: partner.smtpUrl,
        ...databases.declarantEnv,
      });
      adminCookie = await seedAdministrator(declarant.url, declarant.setupLink, ADMIN);
      await seedUser(declarant.url, adminCookie, BRUNO);
      await seedUser(declarant.url, adminCookie, CHLOE);
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

    const signIn = (page: Page, user: { email: string; password: string }) =>
      signInToPasserelle(page, declarant.url, user);

    async function connectClientSpace(page: Page) {
      await page
        .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
        .click();
      const panel = page.getByRole('dialog', { name: 'Connexion à l’espace client' });
      await panel.getByLabel('Adresse email').fill(PORTAL.email);
      await panel.getByLabel('Mot de passe').fill(PORTAL.password);
      await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connecté$/ })
        .waitFor();
    }

    it('connection → the administrator reads the code in the inbox → "Ajouter une signature" → Valide', async () => {
      context = await newTracedContext(browser);
      const app = await context.newPage();
      await signIn(app, BRUNO);

      // 1. Not connected yet: the button is disabled and says why.
      const add = app.getByRole('button', { name: 'Ajouter une signature' });
      await app.getByText('Non connecté : connectez-vous d’abord à l’espace client.').waitFor();
      expect(await add.isDisabled()).toBe(true);

      // 3. The client account is created on the portal, its address confirmed from the inbox.
      await app
        .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
        .click();
      const panel = app.getByRole('dialog', { name: 'Connexion à l’espace client' });
      const [portal] = await Promise.all([
        context.waitForEvent('page'),
        panel.getByRole('link', { name: 'Accéder à l’espace client' }).click(),
      ]);
      await portal.getByRole('link', { name: 'Créer un compte client' }).click();
      await portal.getByLabel('Raison sociale').fill('Cabinet Exemple');
      await portal.getByLabel('SIRET').fill('73282932000074');
      await portal.getByLabel('Prénom de l’administrateur').fill('Alice');
      await portal.getByLabel('Nom de l’administrateur', { exact: true }).fill('Durand');
      await portal.getByLabel('Adresse email de l’administrateur').fill(PORTAL.email);
      await portal.getByLabel('Mot de passe', { exact: true }).fill(PORTAL.password);
      await portal.getByLabel('Confirmation du mot de passe').fill(PORTAL.password);
      await portal.getByRole('button', { name: 'Créer' }).click();
      await portal.getByRole('heading', { name: 'Vérifiez votre adresse email' }).waitFor();
      await portal.goto(partner.inboxUrl);
      await portal.getByRole('link', { name: /Confirmez votre adresse email/ }).click();
      await portal.getByRole('link', { name: /verifier-email/ }).click();
      // The address is confirmed with the password chosen on the form, typed again.
      await portal.getByLabel('Mot de passe').fill(PORTAL.password);
      await portal.getByRole('button', { name: 'Confirmer mon adresse email' }).click();
      await portal.getByRole('heading', { name: 'Adresse email confirmée' }).waitFor();

      // The administrator reads the confidential EDI-TDFC code in the local inbox.
      await portal.goto(partner.inboxUrl);
      await portal.getByRole('link', { name: /Votre code confidentiel EDI-TDFC/ }).click();
      const mailText = await portal.locator('pre').first().innerText();
      const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(mailText)?.[0];
      expect(code).toBeDefined();

      await app.bringToFront();
      await panel.getByLabel('Adresse email').fill(PORTAL.email);
      await panel.getByLabel('Mot de passe').fill(PORTAL.password);
      await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await app
        .getByRole('status')
        .filter({ hasText: /^Connecté$/ })
        .waitFor();

      // 4. "Ajouter une signature": a wrong code first, then the right one.
      await add.click();
      const form = app.getByRole('dialog', { name: 'Ajouter une signature' });
      await form.getByText('Ce mot de passe vous sera demandé à chaque envoi').waitFor();
      await form.getByLabel('Code confidentiel EDI-TDFC').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
      const validity = form.getByLabel('Durée de validité');
      expect(await validity.locator('option').allInnerTexts()).toEqual([
        '12 mois',
        '24 mois',
        '36 mois',
      ]);
      await validity.selectOption({ label: '24 mois' });
      await form.getByLabel('Mot de passe', { exact: true }).fill(SIGNATURE_PASSWORD);
      await form.getByLabel('Confirmation du mot de passe').fill(`${SIGNATURE_PASSWORD}x`);
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await form.getByText('La confirmation ne correspond pas au mot de passe.').waitFor();
      await form.getByLabel('Confirmation du mot de passe').fill(SIGNATURE_PASSWORD);
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await form.getByText('encore 4 essais avant un blocage de 15 minutes').waitFor();
      await form.getByLabel('Code confidentiel EDI-TDFC').fill(code ?? '');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await form.waitFor({ state: 'detached' });

      const table = app.getByRole('table').filter({ hasText: 'Numéro de série' });
      const row = table.getByRole('row').filter({ hasText: 'Bruno Martin' });
      await row.getByText('Valide', { exact: true }).waitFor();
      const text = await row.innerText();
      const today = new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
      expect(text).toContain(today);
      const inTwoYears = new Date();
      inTwoYears.setFullYear(inTwoYears.getFullYear() + 2);
      expect(text).toContain(String(inTwoYears.getFullYear()));
    });

    it('an inactive user cannot create a signature', async () => {
      context = await newTracedContext(browser);
      const app = await context.newPage();
      await signIn(app, CHLOE);
      await connectClientSpace(app);
      await app.getByRole('button', { name: 'Ajouter une signature' }).click();
      const form = app.getByRole('dialog', { name: 'Ajouter une signature' });
      await form.getByLabel('Code confidentiel EDI-TDFC').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
      await form.getByLabel('Mot de passe', { exact: true }).fill(SIGNATURE_PASSWORD);
      await form.getByLabel('Confirmation du mot de passe').fill(SIGNATURE_PASSWORD);

      // Meanwhile the administrator deactivates Chloé.
      const adminContext = await newTracedContext(browser);
      try {
        const adminPage = await adminContext.newPage();
        await signIn(adminPage, ADMIN);
        await adminPage.goto(`${declarant.url}/utilisateurs`);
        await adminPage
          .getByRole('row')
          .filter({ hasText: CHLOE.email })
          .getByRole('button', { name: /Désactiver/ })
          .click();
        await adminPage
          .getByRole('alertdialog', { name: 'Désactivation du compte' })
          .getByRole('button', { name: 'Désactiver le compte' })
          .click();
        await adminPage
          .getByRole('row')
          .filter({ hasText: CHLOE.email })
          .getByText('Inactif')
          .waitFor();
      } finally {
        await adminContext.close();
      }

      // Deactivation ended her session: the request is refused and the app asks to sign in,
      // where the account is said to be inactive.
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await app.getByRole('heading', { name: 'Connexion' }).waitFor();
      await app.getByLabel('Adresse email').fill(CHLOE.email);
      await app.getByLabel('Mot de passe', { exact: true }).fill(CHLOE.password);
      await app.getByRole('button', { name: 'Se connecter à Passerelle' }).click();
      await app.getByText('Votre compte est inactif').first().waitFor();
      const firm = await fetch(`${declarant.url}/api/signatures`, {
        headers: { cookie: adminCookie },
      });
      const { items } = (await firm.json()) as { items: { holder: { email: string } }[] };
      expect(items.filter((s) => s.holder.email === CHLOE.email)).toEqual([]);
    });
  },
);
