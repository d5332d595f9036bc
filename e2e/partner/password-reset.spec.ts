import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
import { ADMIN } from '../support/people';
import { createE2eDatabase, testDialects, type E2eDatabase } from '../support/postgres-database';
import { registerClientAccount } from '../support/steps/client-account';
import { signInToPortal } from '../support/steps/portal';

const RESET_PASSWORD = 'horloge cerise manteau tranquille';
const CHANGED_PASSWORD = 'tambour violette grenier paisible';

describe.each(await testDialects())(
  'partner password reset and change, in the browser, with the local inbox (%s)',
  (dialect) => {
    let database: E2eDatabase | undefined;
    let servers: PartnerProcesses;
    const browser = useBrowser();

    beforeAll(async () => {
      database = dialect === 'postgres' ? await createE2eDatabase('partner') : undefined;
      servers = await startPartnerWithInbox(database ? { DATABASE_URL: database.url } : {});
      // The confirmed client account, seeded through API v1 and the inbox (not under test here).
      await registerClientAccount(servers, ADMIN);
    });
    afterAll(async () => {
      await servers?.stop();
      await database?.drop();
    });

    const signIn = (page: Page, password: string) =>
      signInToPortal(page, servers.partnerUrl, { email: ADMIN.email, password });

    it('"Mot de passe oublié ?" → link read in the inbox → new password → signed in; then "Changer le mot de passe"', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${servers.partnerUrl}/portail/connexion`);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByLabel('Adresse email').fill(ADMIN.email);
      await page.getByRole('button', { name: 'Envoyer le lien' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Si un compte client existe avec l’adresse ${ADMIN.email}` })
        .waitFor();

      // The link, opened from the local inbox's page.
      const inbox = await context.newPage();
      await inbox.goto(servers.inboxUrl);
      await inbox.getByRole('link', { name: /Choisir un nouveau mot de passe/ }).click();
      await inbox.getByRole('link', { name: /nouveau-mot-de-passe/ }).click();
      await inbox.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
      const resetUrl = inbox.url();
      await inbox.getByLabel('Nouveau mot de passe', { exact: true }).fill(RESET_PASSWORD);
      await inbox.getByLabel('Confirmation du nouveau mot de passe').fill(RESET_PASSWORD);
      await inbox.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await inbox
        .getByRole('status')
        .filter({ hasText: 'Mot de passe changé : connectez-vous avec le nouveau mot de passe.' })
        .waitFor();
      // The link served once.
      await inbox.goto(resetUrl);
      await inbox.getByRole('heading', { name: 'Lien invalide' }).waitFor();
      await inbox.close();

      await signIn(page, ADMIN.password);
      await page
        .getByRole('alert')
        .filter({ hasText: 'Adresse email ou mot de passe incorrect' })
        .waitFor();
      await signIn(page, RESET_PASSWORD);
      await page.getByRole('heading', { name: 'Espace client — Cabinet Exemple' }).waitFor();

      await page.getByRole('link', { name: 'Changer le mot de passe' }).click();
      await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(CHANGED_PASSWORD);
      await page.getByLabel('Confirmation du nouveau mot de passe').fill(CHANGED_PASSWORD);
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByRole('alert').filter({ hasText: 'Mot de passe actuel incorrect.' }).waitFor();
      await page.getByLabel('Mot de passe actuel').fill(RESET_PASSWORD);
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(CHANGED_PASSWORD);
      await page.getByLabel('Confirmation du nouveau mot de passe').fill(CHANGED_PASSWORD);
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByRole('status').filter({ hasText: 'Mot de passe changé.' }).waitFor();

      // Each change was told to the owner by email.
      const notices = await context.newPage();
      await notices.goto(servers.inboxUrl);
      await notices
        .getByRole('link', { name: /Mot de passe changé/ })
        .nth(1)
        .waitFor();
      await notices.close();
    });
  },
);
