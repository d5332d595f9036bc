import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { ADMIN, BRUNO as COLLAB } from '../support/people';

describe('first start and users management, in the browser', () => {
  let declarant: DeclarantProcess;
  const browser = useBrowser();

  beforeAll(async () => {
    declarant = await startDeclarant();
  });
  afterAll(async () => {
    await declarant?.stop();
  });

  const openPage = () => browser.newPage();

  async function signIn(page: Page, who: { email: string; password: string }) {
    await page.goto(`${declarant.url}/connexion`);
    await page.getByLabel('Adresse email').fill(who.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Se connecter à Passerelle' }).click();
  }

  it('setup → admin creates a collaborator → collaborator signs in → deactivated after a confirmation, told at their next action', async () => {
    // 1. First start: the one-time link printed by the server.
    const admin = await openPage();
    await admin.goto(declarant.setupLink);
    await admin.getByRole('heading', { name: 'Première configuration de Passerelle' }).waitFor();
    await admin.getByLabel('Nom du cabinet').fill('Cabinet Exemple');
    await admin.getByLabel('Prénom').fill('Alice');
    await admin.getByLabel('Nom', { exact: true }).fill('Durand');
    await admin.getByLabel('Adresse email').fill(ADMIN.email);
    await admin.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await admin.getByLabel('Confirmation du mot de passe').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Créer le cabinet' }).click();
    await admin.getByRole('heading', { name: 'Compte utilisateur' }).waitFor();

    // 2. The administrator signs out and back in through the sign-in page.
    await admin.getByRole('button', { name: 'Se déconnecter de Passerelle' }).click();
    await admin.getByRole('heading', { name: 'Connexion' }).waitFor();
    await signIn(admin, ADMIN);
    await admin.getByRole('heading', { name: 'Compte utilisateur' }).waitFor();

    // 3. The administrator creates a collaborator and gets the invitation link.
    await admin.getByRole('link', { name: 'Utilisateurs' }).click();
    await admin.getByRole('heading', { name: 'Utilisateurs' }).waitFor();
    await admin.getByLabel('Prénom').fill('Bruno');
    await admin.getByLabel('Nom', { exact: true }).fill('Martin');
    await admin.getByLabel('Adresse email').fill(COLLAB.email);
    await admin.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    const linkField = admin.getByRole('textbox', { name: 'Lien d’invitation' });
    await linkField.waitFor();
    const invitation = await linkField.inputValue();
    await admin.getByRole('cell', { name: COLLAB.email }).waitFor();

    // 4. The collaborator chooses a password through the link, signs in, sees their account.
    const collab = await openPage();
    await collab.goto(invitation);
    await collab.getByText(COLLAB.email).first().waitFor();
    await collab.getByLabel('Mot de passe', { exact: true }).fill(COLLAB.password);
    await collab.getByLabel('Confirmation du mot de passe').fill(COLLAB.password);
    await collab.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await collab
      .getByRole('link', { name: /connexion|connecter/i })
      .first()
      .waitFor();
    await signIn(collab, COLLAB);
    await collab.getByRole('heading', { name: 'Compte utilisateur' }).waitFor();
    await collab.getByRole('heading', { name: 'Espace client' }).waitFor();
    await collab.getByRole('status').filter({ hasText: 'Non connecté' }).waitFor();
    await collab.getByRole('heading', { name: 'Signatures' }).waitFor();
    await collab.getByText('Aucune signature.').waitFor();
    await collab.getByText('Collaborateur').first().waitFor();

    // 5. The administrator deactivates the collaborator: "Désactiver" asks first, like "Révoquer";
    // "Annuler" changes nothing, "Désactiver le compte" deactivates.
    await admin.getByRole('button', { name: 'Désactiver Bruno Martin' }).click();
    const confirmation = admin.getByRole('alertdialog', { name: 'Désactivation du compte' });
    await confirmation.getByText('Désactiver le compte de Bruno Martin ?').waitFor();
    await confirmation.getByRole('button', { name: 'Annuler' }).click();
    await confirmation.waitFor({ state: 'detached' });
    await admin
      .getByRole('row', { name: /Bruno Martin/ })
      .getByText('Actif', { exact: true })
      .waitFor();
    await admin.getByRole('button', { name: 'Désactiver Bruno Martin' }).click();
    await confirmation.getByRole('button', { name: 'Désactiver le compte' }).click();
    await admin.getByRole('button', { name: 'Activer Bruno Martin' }).waitFor();

    // 6. Meanwhile the collaborator's page is still open; their next action is refused with the
    // reason, the session ends (cookie gone) and the sign-in page says why.
    await collab.getByRole('link', { name: 'Dossiers' }).click();
    await collab.getByRole('heading', { name: 'Connexion' }).waitFor();
    await collab
      .getByRole('status')
      .filter({ hasText: 'Votre compte est inactif. Contactez l’administrateur du cabinet.' })
      .waitFor();
    const cookies = await collab.context().cookies();
    expect(cookies.filter((c) => c.name.endsWith('passerelle_session'))).toEqual([]);

    // 7. Signing in again says the same, in French.
    await signIn(collab, COLLAB);
    await collab
      .getByRole('alert')
      .filter({ hasText: 'Votre compte est inactif. Contactez l’administrateur du cabinet.' })
      .waitFor();
  });
});
