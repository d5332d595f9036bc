import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInToPasserelle } from '../support/sign-in';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from '../support/browser';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
import { seedAdministrator, seedUser } from '../support/seed-declarant';

// Section "Actions" of the signatures feature: "Changer le mot de passe", "Exporter (.p12)",
// "Révoquer" on "Compte utilisateur", then the administrator's "Signatures du cabinet".
// The creation flow is covered by create-a-signature.spec.ts: here the client account, its
// confidential code and the signature are made through the HTTP APIs, and only the actions are
// done in the browser. The tests run in order and share that one signature.

const ADMIN = {
  email: 'alice.durand@cabinet-exemple.fr',
  password: 'cheval agrafe batterie correcte',
};
const BRUNO = {
  firstName: 'Bruno',
  lastName: 'Martin',
  email: 'bruno.martin@cabinet-exemple.fr',
  password: 'girafe lumineuse sous la pluie',
};
/** The firm's client account on the partner portal: its administrator receives the code. */
const PORTAL = { email: 'alice.portail@cabinet-exemple.fr', password: 'tortue orange sur le toit' };
const SIGNATURE_PASSWORD = 'parapluie mandarine escalier volcan';
const NEW_SIGNATURE_PASSWORD = 'marmotte saphir lanterne boussole';
const FILE_PASSWORD = 'coquelicot tambour falaise nuageuse';

interface InboxMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits until the local inbox holds a mail to `to` whose subject starts with `subject`. */
async function waitForMail(inboxUrl: string, to: string, subject: string): Promise<InboxMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${inboxUrl}/api/messages`);
    const { messages } = (await response.json()) as { messages: InboxMail[] };
    const found = messages.find((m) => m.to.includes(to) && m.subject.startsWith(subject));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n');
      throw new Error(`no mail "${subject}" to ${to}; inbox:\n${seen}`);
    }
    // Polls the inbox (a mail has no element to wait for); a short pause between reads.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** POSTs JSON and returns the parsed answer, failing with the body when the status differs. */
async function postJson<T>(
  url: string,
  body: unknown,
  expectedStatus: number,
  headers: Record<string, string> = {},
): Promise<{ body: T; response: Response }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expectedStatus) {
    throw new Error(`POST ${url}: ${response.status} ${text}`);
  }
  return { body: (text === '' ? undefined : JSON.parse(text)) as T, response };
}

/** Runs the real `openssl` with `args`; stdout and stderr together, as a person reads them. */
function openssl(args: string[]): { status: number | null; output: string } {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A serial number as hexadecimal without leading zeros, lower-case (openssl pads and upper-cases). */
const normalSerial = (hex: string) => hex.toLowerCase().replace(/^0+(?=.)/, '');

describe('section "Actions" of the signatures, in the browser, with real processes', () => {
  let partner: PartnerProcesses;
  let declarant: DeclarantProcess;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let workDir: string;
  let adminCookie: string;
  let brunoCookie: string;
  /** The signature made in `beforeAll`. */
  let signature: { id: string; serial: string };

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-p12-'));
    partner = await startPartnerWithInbox();
    declarant = await startDeclarant({
      PARTNER_URL: partner.partnerUrl,
      SMTP_URL: partner.smtpUrl,
    });
    adminCookie = await seedAdministrator(declarant.url, declarant.setupLink, ADMIN);
    await seedUser(declarant.url, adminCookie, BRUNO);

    // The firm's client account on the partner, confirmed with the emailed link.
    await postJson(
      `${partner.partnerUrl}/api/v1/accounts`,
      {
        firmName: 'Cabinet Exemple',
        siret: '73282932000074',
        adminFirstName: 'Alice',
        adminLastName: 'Durand',
        adminEmail: PORTAL.email,
        password: PORTAL.password,
        passwordConfirmation: PORTAL.password,
      },
      202,
    );
    const verification = await waitForMail(
      partner.inboxUrl,
      PORTAL.email,
      'Confirmez votre adresse email',
    );
    const token = /\/portail\/verifier-email\?jeton=(\S+)/.exec(verification.text)?.[1];
    if (token === undefined) throw new Error(`no link in:\n${verification.text}`);
    await postJson(
      `${partner.partnerUrl}/api/v1/accounts/verification`,
      { token, password: PORTAL.password },
      200,
    );

    // Confirming the address subscribes the account: the confidential code is emailed.
    const codeMail = await waitForMail(
      partner.inboxUrl,
      PORTAL.email,
      'Votre code confidentiel EDI-TDFC',
    );
    const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(codeMail.text)?.[0];
    if (code === undefined) throw new Error(`no code in:\n${codeMail.text}`);

    // Bruno signs in, connects to the client space and creates his signature.
    const signIn = await postJson(
      `${declarant.url}/api/session`,
      { email: BRUNO.email, password: BRUNO.password },
      200,
      { origin: declarant.url },
    );
    brunoCookie = (signIn.response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const asBruno = { origin: declarant.url, cookie: brunoCookie };
    const connected = await postJson<{ connected: boolean }>(
      `${declarant.url}/api/me/client-space`,
      { email: PORTAL.email, password: PORTAL.password },
      200,
      asBruno,
    );
    expect(connected.body.connected).toBe(true);
    const created = await postJson<{ signature: { id: string; serial: string; status: string } }>(
      `${declarant.url}/api/me/signatures`,
      {
        confidentialCode: code,
        validityMonths: 12,
        password: SIGNATURE_PASSWORD,
        passwordConfirmation: SIGNATURE_PASSWORD,
      },
      201,
      asBruno,
    );
    expect(created.body.signature.status).toBe('valid');
    signature = created.body.signature;

    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await declarant?.stop();
    await partner?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });
  afterEach(async ({ task }) => {
    for (const [index, context] of contexts.entries()) {
      if (task.result?.state === 'fail')
        await saveFailureArtifacts(`${task.name}-${index}`, context, context.pages());
      await context.close();
    }
    contexts = [];
  });

  async function newPage(): Promise<Page> {
    const context = await newTracedContext(browser);
    contexts.push(context);
    return context.newPage();
  }

  const signIn = (page: Page, user: { email: string; password: string }) =>
    signInToPasserelle(page, declarant.url, user);

  /** Bruno's row in "Signatures" of "Compte utilisateur", found by its serial number. */
  function signatureRow(page: Page) {
    return page
      .getByRole('table')
      .filter({ hasText: 'Numéro de série' })
      .getByRole('row')
      .filter({ hasText: signature.serial });
  }

  /** The success notice of the "Signatures" section. */
  function notice(page: Page, text: string) {
    return page.getByRole('status').filter({ hasText: text });
  }

  it('"Changer le mot de passe": a wrong current password is refused on its field, then the right one changes it', async () => {
    const page = await newPage();
    await signIn(page, BRUNO);
    const row = signatureRow(page);
    await row.getByText('Valide', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Changer le mot de passe' }).click();
    const panel = page.getByRole('dialog', { name: 'Changer le mot de passe de la signature' });
    await panel.getByText(`Signature n° ${signature.serial}.`).waitFor();
    const current = panel.getByLabel('Mot de passe actuel');
    await current.fill('mauvais mot de passe de signature');
    await panel.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_SIGNATURE_PASSWORD);
    await panel
      .getByLabel('Confirmation du nouveau mot de passe', { exact: true })
      .fill(NEW_SIGNATURE_PASSWORD);
    await panel.getByRole('button', { name: 'Enregistrer' }).click();

    // The server's sentence, with the attempts left, is the field's error (aria-describedby).
    const error = panel.getByRole('alert').filter({ hasText: 'encore 9 essais' });
    await error.waitFor();
    expect(await error.innerText()).toBe(
      'Mot de passe de la signature incorrect : encore 9 essais avant un blocage de 15 minutes.',
    );
    const errorId = await error.getAttribute('id');
    expect(errorId).toBeTruthy();
    expect((await current.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => current.evaluate((input) => input === document.activeElement))
      .toBe(true);

    await current.fill(SIGNATURE_PASSWORD);
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.waitFor({ state: 'detached' });
    await notice(page, 'Mot de passe de la signature modifié.').waitFor();
    await row.getByText('Valide', { exact: true }).waitFor();
  });

  it('"Exporter (.p12)": the file opens with openssl under its own password (MAC sha256, 600000 iterations)', async () => {
    const page = await newPage();
    await signIn(page, BRUNO);
    const row = signatureRow(page);
    await row.getByRole('button', { name: 'Exporter (.p12)' }).click();
    const panel = page.getByRole('dialog', { name: 'Exporter la signature (.p12)' });
    await panel.getByText(`Signature n° ${signature.serial}.`).waitFor();
    await panel.getByText('Le fichier .p12 contient votre clé privée').waitFor();

    // The former password no longer opens the signature (and the success above reset the count).
    const current = panel.getByLabel('Mot de passe de la signature', { exact: true });
    await current.fill(SIGNATURE_PASSWORD);
    await panel.getByLabel('Mot de passe du fichier', { exact: true }).fill(FILE_PASSWORD);
    await panel
      .getByLabel('Confirmation du mot de passe du fichier', { exact: true })
      .fill(FILE_PASSWORD);
    await panel.getByRole('button', { name: 'Exporter', exact: true }).click();
    await panel.getByRole('alert').filter({ hasText: 'encore 9 essais' }).waitFor();

    await current.fill(NEW_SIGNATURE_PASSWORD);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Exporter', exact: true }).click(),
    ]);
    const filename = `signature-${signature.serial}.p12`;
    expect(download.suggestedFilename()).toBe(filename);
    const file = join(workDir, filename);
    await download.saveAs(file);
    await panel.waitFor({ state: 'detached' });
    await notice(page, `Signature exportée dans le fichier ${filename}.`).waitFor();

    const info = openssl([
      'pkcs12',
      '-info',
      '-noout',
      '-in',
      file,
      '-passin',
      `pass:${FILE_PASSWORD}`,
    ]);
    expect(info.status, info.output).toBe(0);
    expect(info.output).toContain('MAC: sha256, Iteration 600000');

    // The file holds Bruno's certificate (this serial) and a private key.
    const certificate = openssl([
      'pkcs12',
      '-in',
      file,
      '-passin',
      `pass:${FILE_PASSWORD}`,
      '-nokeys',
      '-clcerts',
    ]);
    expect(certificate.status, certificate.output).toBe(0);
    const certificateFile = join(workDir, 'certificate.pem');
    writeFileSync(certificateFile, certificate.output);
    const serial = openssl(['x509', '-in', certificateFile, '-noout', '-serial']);
    expect(serial.status, serial.output).toBe(0);
    expect(normalSerial(serial.output.trim().replace(/^serial=/, ''))).toBe(
      normalSerial(signature.serial),
    );
    const key = openssl([
      'pkcs12',
      '-in',
      file,
      '-passin',
      `pass:${FILE_PASSWORD}`,
      '-nocerts',
      '-nodes',
    ]);
    expect(key.status, key.output).toBe(0);
    expect(key.output).toContain('-----BEGIN PRIVATE KEY-----');

    // A wrong file password: openssl refuses the file.
    const wrong = openssl(['pkcs12', '-info', '-noout', '-in', file, '-passin', 'pass:pas le bon']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toMatch(/mac verify failure|invalid password/i);
  });

  it('"Révoquer": "Annuler" keeps it; "Révoquer la signature" revokes it, the banner appears and the CRL lists it', async () => {
    const crlSerials = async () => {
      const response = await fetch(`${partner.partnerUrl}/api/v1/crl`);
      expect(response.status).toBe(200);
      const file = join(workDir, `crl-${Date.now()}.der`);
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const crl = openssl(['crl', '-inform', 'DER', '-in', file, '-noout', '-text']);
      expect(crl.status, crl.output).toBe(0);
      return [...crl.output.matchAll(/Serial Number:\s*([0-9A-Fa-f]+)/g)].map((m) =>
        normalSerial(m[1] ?? ''),
      );
    };
    expect(await crlSerials()).not.toContain(normalSerial(signature.serial));

    const page = await newPage();
    await signIn(page, BRUNO);
    const row = signatureRow(page);
    const banner = page
      .getByRole('alert')
      .filter({ hasText: 'Vous n’avez plus de signature valide' });
    await row.getByText('Valide', { exact: true }).waitFor();
    expect(await banner.count()).toBe(0);

    // First "Annuler": nothing changes.
    await row.getByRole('button', { name: 'Révoquer', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Révocation de la signature' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(
      `Révoquer la signature n° ${signature.serial} ? Elle ne pourra plus servir à envoyer des déclarations. Cette action est définitive.`,
    );
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Valide', { exact: true }).waitFor();
    expect(await row.getByText('Révoquée', { exact: true }).count()).toBe(0);

    // Then "Révoquer la signature".
    await row.getByRole('button', { name: 'Révoquer', exact: true }).click();
    await confirm.getByRole('button', { name: 'Révoquer la signature' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Révoquée', { exact: true }).waitFor();
    await notice(page, `Signature n° ${signature.serial} révoquée.`).waitFor();
    await banner.waitFor();
    expect(await banner.innerText()).toBe(
      'Vous n’avez plus de signature valide : ajoutez-en une pour envoyer des déclarations.',
    );
    // A revoked signature has no action left.
    expect(await row.getByRole('button').count()).toBe(0);

    // The partner revoked the certificate: its CRL (DER) lists the serial.
    expect(await crlSerials()).toContain(normalSerial(signature.serial));
  });

  it('"Signatures du cabinet": the administrator sees the revoked signature and its holder; a collaborator is refused', async () => {
    const admin = await newPage();
    await signIn(admin, ADMIN);
    await admin
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Signatures du cabinet' })
      .click();
    await admin.getByRole('heading', { name: 'Signatures du cabinet', level: 1 }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/signatures');
    const row = admin.getByRole('row').filter({ hasText: signature.serial });
    await row.getByText('Révoquée', { exact: true }).waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(await row.getByRole('rowheader').innerText()).toBe('Bruno Martin');
    expect(cells).toContain(BRUNO.email);
    expect(cells).toContain(signature.serial);
    // The firm's view shows no action.
    expect(await row.getByRole('button').count()).toBe(0);

    // Bruno, a collaborator: no link, and the page refuses him as /utilisateurs does.
    const bruno = await newPage();
    await signIn(bruno, BRUNO);
    const nav = bruno.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Compte utilisateur' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Signatures du cabinet' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Utilisateurs', exact: true }).count()).toBe(0);
    for (const [path, title] of [
      ['/utilisateurs', 'Utilisateurs'],
      ['/signatures', 'Signatures du cabinet'],
    ] as const) {
      await bruno.goto(`${declarant.url}${path}`);
      await bruno.getByRole('heading', { name: title, level: 1 }).waitFor();
      await bruno
        .getByRole('alert')
        .filter({ hasText: /^Réservé aux administrateurs\.$/ })
        .waitFor();
      expect(await bruno.getByRole('table').count()).toBe(0);
      expect(await bruno.getByText(signature.serial).count()).toBe(0);
    }

    // The API refuses him too.
    const firm = await fetch(`${declarant.url}/api/signatures`, {
      headers: { cookie: brunoCookie },
    });
    expect(firm.status).toBe(403);
    expect(((await firm.json()) as { code: string }).code).toBe('FORBIDDEN');
  });
});
