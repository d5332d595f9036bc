import type { Page } from 'playwright-core';

/** Signs in on the declarant's "Connexion" page and waits for "Compte utilisateur". */
export async function signInToPasserelle(
  page: Page,
  url: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${url}/connexion`);
  await page.getByLabel('Adresse email').fill(user.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter à Passerelle' }).click();
  await page.getByRole('heading', { name: 'Compte utilisateur' }).waitFor();
}
