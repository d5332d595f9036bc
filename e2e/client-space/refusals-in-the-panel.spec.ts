import { createServer, type Server } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from '../support/browser';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { seedAdministrator } from '../support/seed-declarant';

const ADMIN = {
  email: 'alice.durand@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};

describe('the client-space panel when the partner does not answer', () => {
  let silent: Server;
  let declarant: DeclarantProcess;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    // A partner that accepts connections and never answers: only the timeout can end the call.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    declarant = await startDeclarant({
      PARTNER_URL: `http://127.0.0.1:${port}`,
      PARTNER_TIMEOUT_MS: '1000',
    });
    await seedAdministrator(declarant.url, declarant.setupLink, ADMIN);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await declarant?.stop();
    silent?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await saveFailureArtifacts(task.name, context, context.pages());
    await context.close();
  });

  it('says so in French after the bounded timeout, refuses empty fields, and the page stays usable', async () => {
    context = await newTracedContext(browser);
    const page = await context.newPage();
    await page.goto(`${declarant.url}/connexion`);
    await page.getByLabel('Adresse email').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter à Passerelle' }).click();
    await page.getByRole('heading', { name: 'Compte utilisateur' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Non connecté' }).waitFor();
    await page
      .getByRole('button', { name: 'Ajouter les identifiants de connexion à l’espace client' })
      .click();
    const panel = page.getByRole('dialog', { name: 'Connexion à l’espace client' });
    await panel.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await panel.getByText('Adresse email obligatoire.').waitFor();
    await panel.getByLabel('Adresse email').fill('bruno@cabinet-exemple.fr');
    await panel.getByLabel('Mot de passe').fill('un mot de passe');
    await panel.getByRole('button', { name: 'Se connecter', exact: true }).dblclick();
    await panel.getByRole('alert').filter({ hasText: 'Le partenaire EDI ne répond pas' }).waitFor();
    // Still usable: the panel closes and the rest of the page works.
    await panel.getByRole('button', { name: 'Fermer' }).click();
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { name: 'Utilisateurs' }).waitFor();
  });
});
