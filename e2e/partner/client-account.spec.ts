import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from '../support/browser';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';

const ADMIN = {
  email: 'alice.durand@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};
const CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/;

describe('partner client space, in the browser, with the local inbox', () => {
  let servers: PartnerProcesses;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    servers = await startPartnerWithInbox();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.stop();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await saveFailureArtifacts(task.name, context, context.pages());
    await context.close();
  });

  /** Opens the newest inbox message whose subject contains `subject` and returns its text. */
  async function readMail(subject: string): Promise<string> {
    const inbox = await context.newPage();
    await inbox.goto(servers.inboxUrl);
    await inbox.getByRole('link', { name: subject }).first().click();
    const text = (await inbox.locator('pre').textContent()) ?? '';
    await inbox.close();
    return text;
  }

  it('creates an account, confirms it from the inbox, reads the code, signs in, re-issues the code; a script gets a certificate', async () => {
    context = await newTracedContext(browser);
    page = await context.newPage();
    await page.goto(`${servers.partnerUrl}/portail`);
    await page.getByRole('heading', { name: 'Connexion à l’espace client' }).waitFor();
    await page.getByRole('link', { name: 'Créer un compte client' }).click();
    await page.getByLabel('Raison sociale').fill('Cabinet Exemple');
    await page.getByLabel('SIRET').fill('732 829 320 00074');
    await page.getByLabel('Prénom de l’administrateur').fill('Alice');
    await page.getByLabel('Nom de l’administrateur', { exact: true }).fill('Durand');
    await page.getByLabel('Adresse email de l’administrateur').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirmation du mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre adresse email' }).waitFor();

    // The confirmation link, opened from the local inbox's page.
    const inbox = await context.newPage();
    await inbox.goto(servers.inboxUrl);
    await inbox.getByRole('link', { name: /Confirmez votre adresse email/ }).click();
    await inbox.getByRole('link', { name: /verifier-email/ }).click();
    // The address is confirmed with the password chosen on the form, typed again.
    await inbox.getByLabel('Mot de passe').fill(ADMIN.password);
    await inbox.getByRole('button', { name: 'Confirmer mon adresse email' }).click();
    await inbox.getByRole('heading', { name: 'Adresse email confirmée' }).waitFor();
    await inbox.close();

    const firstCode = CODE.exec(await readMail('Votre code confidentiel EDI-TDFC'))?.[0];
    expect(firstCode).toBeDefined();

    await page.goto(`${servers.partnerUrl}/portail/connexion`);
    await page.getByLabel('Adresse email').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Espace client — Cabinet Exemple' }).waitFor();
    await page.getByText(`à ${ADMIN.email}`).waitFor();
    await page.getByRole('button', { name: 'Envoyer un nouveau code' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'L’ancien code ne fonctionne plus.' })
      .waitFor();
    const newCode = await (async () => {
      const inboxPage = await context.newPage();
      await inboxPage.goto(servers.inboxUrl);
      await inboxPage
        .getByRole('link', { name: /code confidentiel/ })
        .first()
        .click();
      const text = (await inboxPage.locator('pre').textContent()) ?? '';
      await inboxPage.close();
      return CODE.exec(text)?.[0];
    })();
    expect(newCode).toBeDefined();
    expect(newCode).not.toBe(firstCode);

    // A script obtains a certificate through the API with the code read in the inbox.
    const api = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${servers.partnerUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const session = await api('/api/v1/sessions', ADMIN);
    expect(session.status).toBe(201);
    // The key pair and CSR come from the openssl command line, as an integrator's script would.
    const csrPem = execFileSync(
      'sh',
      [
        '-c',
        'openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null -subj "/CN=Bruno Martin" 2>/dev/null',
      ],
      { encoding: 'utf8' },
    );
    const holder = {
      firstName: 'Bruno',
      lastName: 'Martin',
      email: 'bruno.martin@cabinet-exemple.fr',
    };
    const old = await api(
      '/api/v1/signatures',
      { csrPem, confidentialCode: firstCode, validityMonths: 12, holder },
      String(session.body.accessToken),
    );
    expect(old.body.code).toBe('CONFIDENTIAL_CODE_INVALID');
    const issued = await api(
      '/api/v1/signatures',
      { csrPem, confidentialCode: newCode, validityMonths: 12, holder },
      String(session.body.accessToken),
    );
    expect(issued.status).toBe(201);
    expect(String(issued.body.certificatePem)).toContain('BEGIN CERTIFICATE');

    await page.reload();
    await page.getByRole('cell', { name: /^Bruno Martin/ }).waitFor();
    await page.getByRole('button', { name: 'Révoquer la signature de Bruno Martin' }).waitFor();
  });
});
