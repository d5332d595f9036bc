import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from '../support/api-session';
import { useBrowser } from '../support/browser-hooks';
import { ADMIN, BRUNO, PORTAL, SIGNATURE_PASSWORD } from '../support/people';
import { seedFirmUsers } from '../support/seed-declarant';
import { startServers, type Servers } from '../support/servers';
import { seedClientAccount } from '../support/steps/client-account';
import { connectClientSpaceThroughApi } from '../support/steps/client-space';
import { createSignature, signatureRow as rowOfSignature } from '../support/steps/signature';
import { signInToPasserelle } from '../support/sign-in';

// Section "Actions" of the signatures feature: "Changer le mot de passe", "Exporter (.p12)",
// "Révoquer" on "Compte utilisateur", then the administrator's "Signatures du cabinet".
// The creation flow is covered by create-a-signature.spec.ts: here the client account, its
// confidential code and the signature are made through the HTTP APIs, and only the actions are
// done in the browser. The tests run in order and share that one signature.

const NEW_SIGNATURE_PASSWORD = 'marmotte saphir lanterne boussole';
const FILE_PASSWORD = 'coquelicot tambour falaise nuageuse';

/** Runs the real `openssl` with `args`; stdout and stderr together, as a person reads them. */
function openssl(args: string[]): { status: number | null; output: string } {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A serial number as hexadecimal without leading zeros, lower-case (openssl pads and upper-cases). */
const normalSerial = (hex: string) => hex.toLowerCase().replace(/^0+(?=.)/, '');

describe('section "Actions" of the signatures, in the browser, with real processes', () => {
  let servers: Servers;
  let workDir: string;
  let bruno: ApiSession;
  /** The signature made in `beforeAll`. */
  let signature: { id: string; serial: string };
  const browser = useBrowser();

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-p12-'));
    servers = await startServers();
    await seedFirmUsers(servers.declarant, [BRUNO]);

    // The firm's client account on the partner, confirmed with the emailed link; confirming
    // the address subscribes the account: the confidential code is emailed.
    const code = await seedClientAccount(servers.partner, PORTAL);

    // Bruno signs in, connects to the client space and creates his signature.
    bruno = await ApiSession.signIn(servers.declarant.url, BRUNO);
    expect(await connectClientSpaceThroughApi(bruno, PORTAL)).toBe(true);
    const created = await createSignature(bruno, code);
    expect(created.status).toBe('valid');
    signature = created;
  });
  afterAll(async () => {
    await servers?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const newPage = () => browser.newPage();

  const signIn = (page: Page, user: { email: string; password: string }) =>
    signInToPasserelle(page, servers.declarant.url, user);

  /** Bruno's row in "Signatures" of "Compte utilisateur", found by its serial number. */
  const signatureRow = (page: Page) => rowOfSignature(page, signature.serial);

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
      const response = await fetch(`${servers.partner.partnerUrl}/api/v1/crl`);
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
    const brunoPage = await newPage();
    await signIn(brunoPage, BRUNO);
    const nav = brunoPage.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Compte utilisateur' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Signatures du cabinet' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Utilisateurs', exact: true }).count()).toBe(0);
    for (const [path, title] of [
      ['/utilisateurs', 'Utilisateurs'],
      ['/signatures', 'Signatures du cabinet'],
    ] as const) {
      await brunoPage.goto(`${servers.declarant.url}${path}`);
      await brunoPage.getByRole('heading', { name: title, level: 1 }).waitFor();
      await brunoPage
        .getByRole('alert')
        .filter({ hasText: /^Réservé aux administrateurs\.$/ })
        .waitFor();
      expect(await brunoPage.getByRole('table').count()).toBe(0);
      expect(await brunoPage.getByText(signature.serial).count()).toBe(0);
    }

    // The API refuses him too.
    const firm = await bruno.call<{ code: string }>('GET', '/api/signatures');
    expect(firm.status).toBe(403);
    expect(firm.body.code).toBe('FORBIDDEN');
  });
});
