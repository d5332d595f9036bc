// Browser steps on "Compte utilisateur": the client space's side panel and its status tag; the
// same connection made through the API.
import type { Locator, Page } from 'playwright-core';
import type { ApiSession } from '../api-session';

/** The side panel "Connexion à l’espace client". */
export function clientSpacePanel(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Connexion à l’espace client' });
}

/** Opens the side panel with "Ajouter les identifiants de connexion à l’espace client". */
export async function openClientSpacePanel(page: Page): Promise<Locator> {
  await page
    .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
    .click();
  return clientSpacePanel(page);
}

/** Types the portal credentials in the open panel and presses "Se connecter". */
export async function submitClientSpaceCredentials(
  panel: Locator,
  credentials: { email: string; password: string },
): Promise<void> {
  await panel.getByLabel('Adresse email').fill(credentials.email);
  await panel.getByLabel('Mot de passe').fill(credentials.password);
  await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

/** The status tag when it reads exactly "Connecté". */
export function connectedStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^Connecté$/ });
}

/** The status tag when it reads "Non connecté". */
export function notConnectedStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'Non connecté' });
}

/** Opens the panel, connects with `credentials` and waits for "Connecté". */
export async function connectClientSpace(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await submitClientSpaceCredentials(await openClientSpacePanel(page), credentials);
  await connectedStatus(page).waitFor();
}

/** Connects the session's user through the API (`POST /api/me/client-space`); whether it is. */
export async function connectClientSpaceThroughApi(
  session: ApiSession,
  credentials: { email: string; password: string },
): Promise<boolean> {
  const { connected } = await session.ok<{ connected: boolean }>('POST', '/api/me/client-space', {
    email: credentials.email,
    password: credentials.password,
  });
  return connected;
}
