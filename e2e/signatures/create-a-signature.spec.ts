import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import { confidentialCodeIn } from '../support/mail';
import { ADMIN, BRUNO, CHLOE, PORTAL, SIGNATURE_PASSWORD } from '../support/people';
import { testDialects } from '../support/postgres-database';
import { seedFirmUsers } from '../support/seed-declarant';
import { startServers, type Servers } from '../support/servers';
import {
  connectClientSpace,
  connectedStatus,
  openClientSpacePanel,
  submitClientSpaceCredentials,
} from '../support/steps/client-space';
import { createClientAccountFromPanel, readMailInInbox } from '../support/steps/portal';
import { addSignaturePanel, fillSignatureForm, signatureRow } from '../support/steps/signature';
import { signInToPasserelle } from '../support/sign-in';

describe.each(await testDialects())(
  'sections 1–4 of the help page, from a fresh firm, in the browser (%s)',
  (dialect) => {
    let servers: Servers;
    let adminCookie: string;
    const browser = useBrowser();

    beforeAll(async () => {
      servers = await startServers({ dialect });
      adminCookie = await seedFirmUsers(servers.declarant, [BRUNO, CHLOE]);
    });
    afterAll(async () => {
      await servers?.stop();
    });

    const signIn = (page: Page, user: { email: string; password: string }) =>
      signInToPasserelle(page, servers.declarant.url, user);

    it('connection → the administrator reads the code in the inbox → "Ajouter une signature" → Valide', async () => {
      const app = await browser.newPage();
      await signIn(app, BRUNO);

      // 1. Not connected yet: the button is disabled and says why.
      const add = app.getByRole('button', { name: 'Ajouter une signature' });
      await app.getByText('Non connecté : connectez-vous d’abord à l’espace client.').waitFor();
      expect(await add.isDisabled()).toBe(true);

      // 3. The client account is created on the portal, its address confirmed from the inbox.
      const panel = await openClientSpacePanel(app);
      const portal = await createClientAccountFromPanel(panel, servers.partner.inboxUrl, {
        firstName: 'Alice',
        lastName: 'Durand',
        ...PORTAL,
      });

      // The administrator reads the confidential EDI-TDFC code in the local inbox.
      const code = confidentialCodeIn(
        await readMailInInbox(portal, servers.partner.inboxUrl, /Votre code confidentiel EDI-TDFC/),
      );
      expect(code).toBeDefined();

      await app.bringToFront();
      await submitClientSpaceCredentials(panel, PORTAL);
      await connectedStatus(app).waitFor();

      // 4. "Ajouter une signature": a wrong code first, then the right one.
      await add.click();
      const form = addSignaturePanel(app);
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

      const row = signatureRow(app, 'Bruno Martin');
      await row.getByText('Valide', { exact: true }).waitFor();
      const text = await row.innerText();
      const today = new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
      expect(text).toContain(today);
      const inTwoYears = new Date();
      inTwoYears.setFullYear(inTwoYears.getFullYear() + 2);
      expect(text).toContain(String(inTwoYears.getFullYear()));
    });

    it('an inactive user cannot create a signature', async () => {
      const app = await browser.newPage();
      await signIn(app, CHLOE);
      await connectClientSpace(app, PORTAL);
      await app.getByRole('button', { name: 'Ajouter une signature' }).click();
      const form = addSignaturePanel(app);
      await fillSignatureForm(form, {
        code: 'AAAA-BBBB-CCCC-DDDD-EEEE',
        password: SIGNATURE_PASSWORD,
      });

      // Meanwhile the administrator deactivates Chloé.
      const adminContext = await browser.newContext();
      try {
        const adminPage = await adminContext.newPage();
        await signIn(adminPage, ADMIN);
        await adminPage.goto(`${servers.declarant.url}/utilisateurs`);
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
      const firm = await fetch(`${servers.declarant.url}/api/signatures`, {
        headers: { cookie: adminCookie },
      });
      const { items } = (await firm.json()) as { items: { holder: { email: string } }[] };
      expect(items.filter((s) => s.holder.email === CHLOE.email)).toEqual([]);
    });
  },
);
