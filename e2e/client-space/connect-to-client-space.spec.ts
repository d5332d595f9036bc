import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import { BRUNO, PORTAL as FIRM_PORTAL } from '../support/people';
import { seedFirmUsers } from '../support/seed-declarant';
import { startServers, type Servers } from '../support/servers';
import {
  connectClientSpace,
  connectedStatus,
  notConnectedStatus,
  openClientSpacePanel,
  submitClientSpaceCredentials,
} from '../support/steps/client-space';
import { createClientAccountFromPanel, signInToPortal } from '../support/steps/portal';
import { signInToPasserelle } from '../support/sign-in';

/** Bruno's client account on the portal, made in the test. */
const PORTAL = { ...FIRM_PORTAL, email: 'bruno.portail@cabinet-exemple.fr' };
const NEW_PORTAL_PASSWORD = 'hibou discret dans le grenier';

describe('section 3 of the help page: connecting to the client space, in the browser', () => {
  let servers: Servers;
  const browser = useBrowser();

  beforeAll(async () => {
    servers = await startServers();
    await seedFirmUsers(servers.declarant, [BRUNO]);
  });
  afterAll(async () => {
    await servers?.stop();
  });

  const signIn = (page: Page) => signInToPasserelle(page, servers.declarant.url, BRUNO);

  it('Non connecté → client account created on the portal → Se connecter → Connecté → revoked on the portal; a portal password change ends it too', async () => {
    const app = await browser.newPage();
    await signIn(app);
    await notConnectedStatus(app).waitFor();
    const panel = await openClientSpacePanel(app);

    // "Accéder à l'espace client" opens the portal in a new tab, where the account is created.
    const portal = await createClientAccountFromPanel(panel, servers.partner.inboxUrl, {
      firstName: 'Bruno',
      lastName: 'Martin',
      ...PORTAL,
    });

    // Back in Passerelle: a wrong password first, then the right one.
    await app.bringToFront();
    await submitClientSpaceCredentials(panel, {
      email: PORTAL.email,
      password: 'pas le bon mot de passe',
    });
    await panel
      .getByRole('alert')
      .filter({ hasText: 'Adresse email ou mot de passe incorrect' })
      .waitFor();
    await panel.getByLabel('Mot de passe').fill(PORTAL.password);
    await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await connectedStatus(app).waitFor();
    await app.getByText(`avec ${PORTAL.email}`).waitFor();
    await panel.waitFor({ state: 'detached' });

    // Signing out of Passerelle and back in keeps the connection.
    await app.getByRole('button', { name: 'Se déconnecter de Passerelle' }).click();
    await app.getByRole('heading', { name: 'Connexion' }).waitFor();
    await signIn(app);
    await connectedStatus(app).waitFor();

    // Revoking the software connection on the portal brings the tag back to "Non connecté".
    await signInToPortal(portal, servers.partner.partnerUrl, PORTAL);
    await portal
      .getByRole('button', { name: /Révoquer la connexion du/ })
      .first()
      .click();
    await portal.getByRole('status').filter({ hasText: 'Connexion révoquée.' }).waitFor();
    await app.reload();
    await notConnectedStatus(app).waitFor();
    await app.getByText('La connexion a été révoquée ou a expiré').waitFor();

    // Reconnected, then the portal password changes: the software's connection ends with it.
    await connectClientSpace(app, PORTAL);
    await portal.getByRole('link', { name: 'Changer le mot de passe' }).click();
    await portal.getByLabel('Mot de passe actuel').fill(PORTAL.password);
    await portal.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PORTAL_PASSWORD);
    await portal.getByLabel('Confirmation du nouveau mot de passe').fill(NEW_PORTAL_PASSWORD);
    await portal.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await portal.getByRole('status').filter({ hasText: 'Mot de passe changé.' }).waitFor();
    await app.reload();
    await notConnectedStatus(app).waitFor();
    await app.getByText('La connexion a été révoquée ou a expiré').waitFor();
  });
});
