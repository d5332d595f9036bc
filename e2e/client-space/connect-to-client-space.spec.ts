import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { signInToPasserelle } from '../support/sign-in';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from '../support/browser';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
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
const PORTAL = { email: 'bruno.portail@cabinet-exemple.fr', password: 'tortue orange sur le toit' };
const NEW_PORTAL_PASSWORD = 'hibou discret dans le grenier';

describe('section 3 of the help page: connecting to the client space, in the browser', () => {
  let partner: PartnerProcesses;
  let declarant: DeclarantProcess;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    partner = await startPartnerWithInbox();
    declarant = await startDeclarant({ PARTNER_URL: partner.partnerUrl });
    const admin = await seedAdministrator(declarant.url, declarant.setupLink, ADMIN);
    await seedUser(declarant.url, admin, BRUNO);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await declarant?.stop();
    await partner?.stop();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await saveFailureArtifacts(task.name, context, context.pages());
    await context.close();
  });

  const signIn = (page: Page) => signInToPasserelle(page, declarant.url, BRUNO);

  it('Non connecté → client account created on the portal → Se connecter → Connecté → revoked on the portal; a portal password change ends it too', async () => {
    context = await newTracedContext(browser);
    const app = await context.newPage();
    await signIn(app);
    await app.getByRole('status').filter({ hasText: 'Non connecté' }).waitFor();
    await app
      .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
      .click();
    const panel = app.getByRole('dialog', { name: 'Connexion à l’espace client' });

    // "Accéder à l'espace client" opens the portal in a new tab, where the account is created.
    const [portal] = await Promise.all([
      context.waitForEvent('page'),
      panel.getByRole('link', { name: 'Accéder à l’espace client' }).click(),
    ]);
    await portal.getByRole('link', { name: 'Créer un compte client' }).click();
    await portal.getByLabel('Raison sociale').fill('Cabinet Exemple');
    await portal.getByLabel('SIRET').fill('73282932000074');
    await portal.getByLabel('Prénom de l’administrateur').fill('Bruno');
    await portal.getByLabel('Nom de l’administrateur', { exact: true }).fill('Martin');
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

    // Back in Passerelle: a wrong password first, then the right one.
    await app.bringToFront();
    await panel.getByLabel('Adresse email').fill(PORTAL.email);
    await panel.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await panel
      .getByRole('alert')
      .filter({ hasText: 'Adresse email ou mot de passe incorrect' })
      .waitFor();
    await panel.getByLabel('Mot de passe').fill(PORTAL.password);
    await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await app
      .getByRole('status')
      .filter({ hasText: /^Connecté$/ })
      .waitFor();
    await app.getByText(`avec ${PORTAL.email}`).waitFor();
    await panel.waitFor({ state: 'detached' });

    // Signing out of Passerelle and back in keeps the connection.
    await app.getByRole('button', { name: 'Se déconnecter de Passerelle' }).click();
    await app.getByRole('heading', { name: 'Connexion' }).waitFor();
    await signIn(app);
    await app
      .getByRole('status')
      .filter({ hasText: /^Connecté$/ })
      .waitFor();

    // Revoking the software connection on the portal brings the tag back to "Non connecté".
    await portal.goto(`${partner.partnerUrl}/portail/connexion`);
    await portal.getByLabel('Adresse email').fill(PORTAL.email);
    await portal.getByLabel('Mot de passe').fill(PORTAL.password);
    await portal.getByRole('button', { name: 'Se connecter' }).click();
    await portal
      .getByRole('button', { name: /Révoquer la connexion du/ })
      .first()
      .click();
    await portal.getByRole('status').filter({ hasText: 'Connexion révoquée.' }).waitFor();
    await app.reload();
    await app.getByRole('status').filter({ hasText: 'Non connecté' }).waitFor();
    await app.getByText('La connexion a été révoquée ou a expiré').waitFor();

    // Reconnected, then the portal password changes: the software's connection ends with it.
    await app
      .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
      .click();
    await panel.getByLabel('Adresse email').fill(PORTAL.email);
    await panel.getByLabel('Mot de passe').fill(PORTAL.password);
    await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await app
      .getByRole('status')
      .filter({ hasText: /^Connecté$/ })
      .waitFor();
    await portal.getByRole('link', { name: 'Changer le mot de passe' }).click();
    await portal.getByLabel('Mot de passe actuel').fill(PORTAL.password);
    await portal.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PORTAL_PASSWORD);
    await portal.getByLabel('Confirmation du nouveau mot de passe').fill(NEW_PORTAL_PASSWORD);
    await portal.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await portal.getByRole('status').filter({ hasText: 'Mot de passe changé.' }).waitFor();
    await app.reload();
    await app.getByRole('status').filter({ hasText: 'Non connecté' }).waitFor();
    await app.getByText('La connexion a été révoquée ou a expiré').waitFor();
  });
});
