import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';

const ADMIN = {
  email: 'claire.petit@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};

describe('refusals are shown in French, next to the field, without losing input', () => {
  let declarant: DeclarantProcess;
  let page: Page;
  const browser = useBrowser();

  beforeAll(async () => {
    declarant = await startDeclarant();
  });
  afterAll(async () => {
    await declarant?.stop();
  });

  it('setup refuses a weak password and a mismatched confirmation, then succeeds', async () => {
    page = await browser.newPage();
    await page.goto(declarant.setupLink);
    await page.getByLabel('Nom du cabinet').fill('Cabinet Petit');
    await page.getByLabel('Prénom').fill('Claire');
    await page.getByLabel('Nom', { exact: true }).fill('Petit');
    await page.getByLabel('Adresse email').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('Azerty123456!');
    await page.getByLabel('Confirmation du mot de passe').fill('Azerty123456!');
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    await page.getByText('Mot de passe trop facile à deviner.').waitFor();

    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirmation du mot de passe').fill(`${ADMIN.password}!`);
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    await page.getByText('La confirmation ne correspond pas au mot de passe.').waitFor();

    // The other fields kept what was typed.
    await page.getByLabel('Confirmation du mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    await page.getByRole('heading', { name: 'Compte utilisateur' }).waitFor();
  });

  it('sign-in says "Adresse email ou mot de passe incorrect." for a wrong password or an unknown email', async () => {
    page = await browser.newPage();
    for (const email of [ADMIN.email, 'inconnu@cabinet-exemple.fr']) {
      await page.goto(`${declarant.url}/connexion`);
      await page.getByLabel('Adresse email').fill(email);
      await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
      await page.getByRole('button', { name: 'Se connecter à Passerelle' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Adresse email ou mot de passe incorrect.' })
        .waitFor();
    }
    await page.getByLabel('Adresse email').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Se connecter à Passerelle' }).click();
    await page.getByText('Adresse email invalide.').waitFor();
  });
});
