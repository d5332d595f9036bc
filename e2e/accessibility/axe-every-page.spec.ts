// Issue #14 item 7: axe-core (WCAG 2.1 AA) on every page of the declarant, the partner's portal
// and the local inbox, in the states the other browser tests reach: forms empty and with their
// errors shown, side panels and confirmations open, lists filled, a batch being sent and sent.
// One walk on SQLite: the pages are the same on PostgreSQL (the database never shapes markup).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDossier, testSiren } from '@passerelle/declarant-server/testing/factories';
import { axeViolations } from '../support/axe';
import { useBrowser } from '../support/browser-hooks';
import { ADMIN, BRUNO, CHLOE, SIGNATURE_PASSWORD } from '../support/people';
import { seedUser } from '../support/seed-declarant';
import { seedSendingFirm } from '../support/sending-firm';
import { startServers, type Servers } from '../support/servers';
import { openClientSpacePanel } from '../support/steps/client-space';
import { addSignaturePanel } from '../support/steps/signature';
import { signInToPortal } from '../support/steps/portal';
import { signInToPasserelle } from '../support/sign-in';

describe('0 axe-core violation (WCAG 2.1 AA) on every page and state', () => {
  let servers: Servers;
  const browser = useBrowser();
  /** Every violation found, "state — rule (impact): help — selectors — why". */
  const found: string[] = [];
  const audit = async (page: Page, state: string) => {
    found.push(...(await axeViolations(page, state)));
  };

  beforeAll(async () => {
    servers = await startServers({
      partnerEnv: { DGFIP_DELAY_MS: '300', DGFIP_POLL_MS: '100' },
      declarantEnv: { STATUS_POLL_INTERVAL_MS: '300', DELIVERY_INTERVAL_MS: '200' },
    });
  });
  afterAll(async () => {
    await servers?.stop();
  });
  afterEach(() => {
    // What was found before a step failed, so that one run lists every violation.
    if (found.length > 0) console.log(found.join('\n'));
  });

  it('the declarant: first start, sign-in, account, panels, lists, sending', async () => {
    found.length = 0;
    const { declarant, partner } = servers;
    const app = await browser.newPage();

    // First start, empty then with its errors.
    await app.goto(declarant.setupLink);
    await app.getByRole('heading', { name: 'Première configuration de Passerelle' }).waitFor();
    await audit(app, 'configuration');
    await app.getByRole('button', { name: 'Créer le cabinet' }).click();
    await app.getByRole('alert').first().waitFor();
    await audit(app, 'configuration, erreurs');

    const firm = await seedSendingFirm({
      declarantUrl: declarant.url,
      setupLink: declarant.setupLink,
      partnerUrl: partner.partnerUrl,
      inboxUrl: partner.inboxUrl,
      count: 2,
    });
    const draftDossierId = await firm.session.seedDossier(testDossier(testSiren(50), 'LES LILAS'), [
      { start: '2024-01-01', end: '2024-12-31' },
    ]);
    await seedUser(declarant.url, firm.session.cookie, BRUNO);
    const { link } = await firm.session.ok<{ link: { url: string } }>('POST', '/api/users', {
      firstName: CHLOE.firstName,
      lastName: CHLOE.lastName,
      email: CHLOE.email,
      role: 'collaborator',
    });

    // The invitation link's page.
    await app.goto(link.url);
    await app.getByRole('button', { name: 'Enregistrer le mot de passe' }).waitFor();
    await audit(app, 'définir le mot de passe');

    // Sign-in, and a refused one.
    await app.goto(`${declarant.url}/connexion`);
    await app.getByRole('heading', { name: 'Connexion' }).waitFor();
    await audit(app, 'connexion');
    await app.getByLabel('Adresse email').fill(BRUNO.email);
    await app.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
    await app.getByRole('button', { name: 'Se connecter à Passerelle' }).click();
    await app.getByRole('alert').first().waitFor();
    await audit(app, 'connexion refusée');

    // "Non connecté", the side panel, its errors.
    await signInToPasserelle(app, declarant.url, BRUNO);
    await app.getByText('Non connecté', { exact: true }).waitFor();
    await audit(app, 'compte, non connecté');
    const panel = await openClientSpacePanel(app);
    await panel.waitFor();
    await audit(app, 'volet espace client');
    await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await panel.getByRole('alert').first().waitFor();
    await audit(app, 'volet espace client, erreurs');
    await app.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await app.getByRole('button', { name: 'Se déconnecter de Passerelle' }).click();
    await app.getByRole('heading', { name: 'Connexion' }).waitFor();

    // The administrator: connected, a signature, its panels and confirmation.
    await signInToPasserelle(app, declarant.url, ADMIN);
    await app.getByText('Connecté', { exact: true }).waitFor();
    const row = app.getByRole('row').filter({ hasText: 'Alice Durand' }).first();
    await row.getByText('Valide', { exact: true }).waitFor();
    await audit(app, 'compte, connecté, signatures');
    await app.getByRole('button', { name: 'Ajouter une signature' }).click();
    const add = addSignaturePanel(app);
    await add.getByLabel('Durée de validité').waitFor();
    await audit(app, 'volet ajouter une signature');
    await add.getByRole('button', { name: 'Enregistrer' }).click();
    await add.getByRole('alert').first().waitFor();
    await audit(app, 'volet ajouter une signature, erreurs');
    await app.keyboard.press('Escape');
    await add.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Changer le mot de passe' }).click();
    const password = app.getByRole('dialog', { name: 'Changer le mot de passe de la signature' });
    await password.waitFor();
    await audit(app, 'volet mot de passe de la signature');
    await app.keyboard.press('Escape');
    await row.getByRole('button', { name: 'Exporter (.p12)' }).click();
    const exporting = app.getByRole('dialog', { name: 'Exporter la signature (.p12)' });
    await exporting.waitFor();
    await audit(app, 'volet export .p12');
    await app.keyboard.press('Escape');
    await row.getByRole('button', { name: 'Révoquer', exact: true }).click();
    const revoke = app.getByRole('alertdialog', { name: 'Révocation de la signature' });
    await revoke.waitFor();
    await audit(app, 'confirmation de révocation');
    await revoke.getByRole('button', { name: 'Annuler' }).click();
    await revoke.waitFor({ state: 'detached' });

    // The administrator's pages.
    for (const [path, heading] of [
      ['/utilisateurs', 'Utilisateurs'],
      ['/journal', 'Journal d’audit'],
      ['/signatures', 'Signatures du cabinet'],
      ['/cabinet', 'Paramètres du cabinet'],
      ['/mot-de-passe', 'Changer mon mot de passe'],
      ['/declarations/import', 'Importer des déclarations'],
      ['/nulle-part', 'Page introuvable'],
    ] as const) {
      await app.goto(`${declarant.url}${path}`);
      await app.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await audit(app, path);
    }
    await app.goto(`${declarant.url}/utilisateurs`);
    await app
      .getByRole('button', { name: `Désactiver ${BRUNO.firstName} ${BRUNO.lastName}` })
      .click();
    const deactivate = app.getByRole('alertdialog', { name: 'Désactivation du compte' });
    await deactivate.waitFor();
    await audit(app, 'confirmation de désactivation');
    await deactivate.getByRole('button', { name: 'Annuler' }).click();

    // Dossiers: list, creation panel with errors, a dossier and its exercise panel.
    await app.goto(`${declarant.url}/dossiers`);
    await app.getByRole('link', { name: 'SOCIETE 0' }).waitFor();
    await audit(app, 'dossiers');
    await app.getByRole('button', { name: 'Créer un dossier' }).click();
    const dossier = app.getByRole('dialog', { name: 'Créer un dossier' });
    await dossier.getByRole('button', { name: 'Créer', exact: true }).click();
    await dossier.getByRole('alert').first().waitFor();
    await audit(app, 'volet créer un dossier, erreurs');
    await app.keyboard.press('Escape');
    await app.getByRole('link', { name: 'SOCIETE 0' }).click();
    await app.getByRole('heading', { name: 'SOCIETE 0', level: 1 }).waitFor();
    await app.getByRole('table').getByText('Prête', { exact: true }).first().waitFor();
    await audit(app, 'dossier');
    await app.getByRole('button', { name: 'Ajouter un exercice' }).click();
    await app.getByRole('dialog', { name: 'Ajouter un exercice' }).waitFor();
    await audit(app, 'volet ajouter un exercice');
    await app.keyboard.press('Escape');

    // A new declaration in the editor: a draft with its anomalies.
    await app.goto(`${declarant.url}/dossiers/${draftDossierId}`);
    await app.getByRole('button', { name: 'Nouvelle déclaration' }).click();
    await app.getByRole('heading', { name: 'Erreurs (7)' }).waitFor();
    await audit(app, 'éditeur, brouillon et anomalies');
    await app.goto(`${declarant.url}/dossiers`);
    await app.getByRole('link', { name: 'SOCIETE 0' }).click();
    await app.getByRole('heading', { name: 'SOCIETE 0', level: 1 }).waitFor();

    // A declaration before sending, its table.
    await app
      .getByRole('link', { name: /^du \d/ })
      .first()
      .click();
    await app.getByRole('button', { name: 'Télécharger le fichier EDI' }).waitFor();
    await audit(app, 'déclaration prête');
    await app.getByRole('link', { name: 'Voir le tableau' }).click();
    await app.getByRole('table').first().waitFor();
    await audit(app, 'déclaration, tableau');

    // "Déclarations": selection, the send dialog with a refusal, the progress, the end.
    await app.goto(`${declarant.url}/declarations`);
    await app.getByRole('heading', { name: 'Déclarations', level: 1 }).waitFor();
    await app.getByRole('table').getByText('Prête', { exact: true }).first().waitFor();
    await audit(app, 'déclarations');
    await app.getByLabel('Tout sélectionner les prêtes').check();
    await app.getByRole('button', { name: 'Envoyer', exact: true }).click();
    const send = app.getByRole('dialog', { name: 'Envoyer 2 déclarations' });
    await send.waitFor();
    await audit(app, 'dialogue envoyer');
    await send.getByLabel('Mot de passe de la signature').fill(`${SIGNATURE_PASSWORD}x`);
    await send.getByRole('button', { name: 'Signer et envoyer' }).click();
    await send.getByRole('alert').first().waitFor();
    await audit(app, 'dialogue envoyer, mot de passe refusé');
    await send.getByLabel('Mot de passe de la signature').fill(SIGNATURE_PASSWORD);
    await send.getByRole('button', { name: 'Signer et envoyer' }).click();
    await app.getByRole('progressbar').waitFor();
    await audit(app, 'envoi en cours');
    await app.getByRole('heading', { name: 'Envoi terminé' }).waitFor({ timeout: 60_000 });
    await app
      .getByRole('table')
      .getByText('Acceptée', { exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    await audit(app, 'envoi terminé');
    await app
      .getByRole('row')
      .filter({ hasText: 'Acceptée' })
      .first()
      .getByRole('link', { name: /^du \d/ })
      .click();
    const tracking = app.getByRole('region', { name: 'Suivi des envois' });
    await tracking.getByText('Acceptée', { exact: true }).first().waitFor();
    await audit(app, 'déclaration acceptée, suivi des envois');

    expect(found).toEqual([]);
  });

  it('the portal and the inbox: sign-in, registration, password pages, dashboard, messages', async () => {
    found.length = 0;
    const { partner } = servers;
    const portal = await browser.newPage();
    const url = partner.partnerUrl;

    await portal.goto(`${url}/portail/connexion`);
    await audit(portal, 'portail, connexion');
    await portal.getByLabel('Adresse email').fill(ADMIN.email);
    await portal.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await portal.getByRole('button', { name: 'Se connecter' }).click();
    await portal.getByRole('alert').first().waitFor();
    await audit(portal, 'portail, connexion refusée');

    await portal.goto(`${url}/portail/creer-un-compte`);
    await audit(portal, 'portail, créer un compte');
    await portal.getByRole('button', { name: 'Créer' }).click();
    await portal.getByRole('alert').first().waitFor();
    await audit(portal, 'portail, créer un compte, erreurs');

    await portal.goto(`${url}/portail/mot-de-passe-oublie`);
    await audit(portal, 'portail, mot de passe oublié');
    await portal.goto(`${url}/portail/verifier-email#jeton=inconnu`);
    await audit(portal, 'portail, vérifier l’adresse');
    await portal.goto(`${url}/portail/nulle-part`);
    await audit(portal, 'portail, page introuvable');

    await signInToPortal(portal, url, ADMIN);
    await portal.getByRole('heading', { name: 'Espace client — Cabinet Exemple' }).waitFor();
    await audit(portal, 'portail, tableau de bord avec dépôts');
    await portal.goto(`${url}/portail/mot-de-passe`);
    await audit(portal, 'portail, changer le mot de passe');

    await portal.goto(partner.inboxUrl);
    await audit(portal, 'boîte de réception');
    await portal
      .getByRole('link', { name: /code confidentiel/ })
      .first()
      .click();
    await portal.getByRole('heading', { name: 'Texte' }).waitFor();
    await audit(portal, 'boîte de réception, message');
    await portal.goto(`${partner.inboxUrl}/messages/inconnu`);
    await audit(portal, 'boîte de réception, message introuvable');

    expect(found).toEqual([]);
  });
});
