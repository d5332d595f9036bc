// Browser steps on the partner's portal and the local inbox's pages, by the labels a person reads.
import type { Locator, Page } from 'playwright-core';
import { FIRM } from '../people';

/** The portal's "Créer un compte client" form; the firm ({@link FIRM}) unless said. */
export interface PortalRegistration {
  firmName?: string;
  siret?: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

/** From a portal page showing "Créer un compte client": fills and sends the form. */
export async function registerOnPortal(page: Page, account: PortalRegistration): Promise<void> {
  await page.getByRole('link', { name: 'Créer un compte client' }).click();
  await page.getByLabel('Raison sociale').fill(account.firmName ?? FIRM.name);
  await page.getByLabel('SIRET').fill(account.siret ?? FIRM.siret);
  await page.getByLabel('Prénom de l’administrateur').fill(account.firstName);
  await page.getByLabel('Nom de l’administrateur', { exact: true }).fill(account.lastName);
  await page.getByLabel('Adresse email de l’administrateur').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByLabel('Confirmation du mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('heading', { name: 'Vérifiez votre adresse email' }).waitFor();
}

/** Opens the confirmation mail in the local inbox's page and confirms with the password. */
export async function confirmEmailFromInbox(
  page: Page,
  inboxUrl: string,
  password: string,
): Promise<void> {
  await page.goto(inboxUrl);
  await page.getByRole('link', { name: /Confirmez votre adresse email/ }).click();
  await page.getByRole('link', { name: /verifier-email/ }).click();
  // The address is confirmed with the password chosen on the form, typed again.
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Confirmer mon adresse email' }).click();
  await page.getByRole('heading', { name: 'Adresse email confirmée' }).waitFor();
}

/** Opens the newest mail whose subject matches in the local inbox's page; its text. */
export async function readMailInInbox(
  page: Page,
  inboxUrl: string,
  subject: string | RegExp,
): Promise<string> {
  await page.goto(inboxUrl);
  await page.getByRole('link', { name: subject }).first().click();
  return page.locator('pre').first().innerText();
}

/** Signs in on the portal's "Connexion" page; the caller waits for what should follow. */
export async function signInToPortal(
  page: Page,
  partnerUrl: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${partnerUrl}/portail/connexion`);
  await page.getByLabel('Adresse email').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * From Passerelle's client-space panel: "Accéder à l’espace client" opens the portal in a new
 * tab, where the client account is created and its address confirmed from the inbox; that tab.
 */
export async function createClientAccountFromPanel(
  panel: Locator,
  inboxUrl: string,
  account: PortalRegistration,
): Promise<Page> {
  const [portal] = await Promise.all([
    panel.page().context().waitForEvent('page'),
    panel.getByRole('link', { name: 'Accéder à l’espace client' }).click(),
  ]);
  await registerOnPortal(portal, account);
  await confirmEmailFromInbox(portal, inboxUrl, account.password);
  return portal;
}
