import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { ADMIN } from '../support/people';
import { seedFirmUsers } from '../support/seed-declarant';
import { notConnectedStatus, openClientSpacePanel } from '../support/steps/client-space';
import { signInToPasserelle } from '../support/sign-in';

describe('the client-space panel when the partner does not answer', () => {
  let silent: Server;
  let declarant: DeclarantProcess;
  const browser = useBrowser();

  beforeAll(async () => {
    // A partner that accepts connections and never answers: only the timeout can end the call.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    declarant = await startDeclarant({
      PARTNER_URL: `http://127.0.0.1:${port}`,
      PARTNER_TIMEOUT_MS: '1000',
    });
    await seedFirmUsers(declarant);
  });
  afterAll(async () => {
    await declarant?.stop();
    silent?.close();
  });

  it('says so in French after the bounded timeout, refuses empty fields, and the page stays usable', async () => {
    const page = await browser.newPage();
    await signInToPasserelle(page, declarant.url, ADMIN);
    await notConnectedStatus(page).waitFor();
    const panel = await openClientSpacePanel(page);
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
