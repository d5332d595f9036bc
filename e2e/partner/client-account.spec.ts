import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { useBrowser } from '../support/browser-hooks';
import { confidentialCodeIn } from '../support/mail';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
import { ADMIN, BRUNO } from '../support/people';
import {
  confirmEmailFromInbox,
  readMailInInbox,
  registerOnPortal,
  signInToPortal,
} from '../support/steps/portal';

describe('partner client space, in the browser, with the local inbox', () => {
  let servers: PartnerProcesses;
  const browser = useBrowser();

  beforeAll(async () => {
    servers = await startPartnerWithInbox();
  });
  afterAll(async () => {
    await servers?.stop();
  });

  /** The code in the newest inbox message whose subject matches, read in a page of its own. */
  async function readCode(context: BrowserContext, subject: string | RegExp) {
    const inbox = await context.newPage();
    const text = await readMailInInbox(inbox, servers.inboxUrl, subject);
    await inbox.close();
    return confidentialCodeIn(text);
  }

  it('creates an account, confirms it from the inbox, reads the code, signs in, re-issues the code; a script gets a certificate', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${servers.partnerUrl}/portail`);
    await page.getByRole('heading', { name: 'Connexion à l’espace client' }).waitFor();
    // The SIRET typed with spaces, as on a Kbis.
    await registerOnPortal(page, {
      siret: '732 829 320 00074',
      firstName: 'Alice',
      lastName: 'Durand',
      ...ADMIN,
    });

    // The confirmation link, opened from the local inbox's page.
    const inbox = await context.newPage();
    await confirmEmailFromInbox(inbox, servers.inboxUrl, ADMIN.password);
    await inbox.close();

    const firstCode = await readCode(context, 'Votre code confidentiel EDI-TDFC');
    expect(firstCode).toBeDefined();

    await signInToPortal(page, servers.partnerUrl, ADMIN);
    await page.getByRole('heading', { name: 'Espace client — Cabinet Exemple' }).waitFor();
    await page.getByText(`à ${ADMIN.email}`).waitFor();
    await page.getByRole('button', { name: 'Envoyer un nouveau code' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'L’ancien code ne fonctionne plus.' })
      .waitFor();
    const newCode = await readCode(context, /code confidentiel/);
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
    const holder = { firstName: BRUNO.firstName, lastName: BRUNO.lastName, email: BRUNO.email };
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
