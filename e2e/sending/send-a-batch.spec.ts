import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargetFrom, openDatabase } from '@passerelle/server-kit';
import { loadDictionary, readFixtureJson, readInfentInterchange } from '@passerelle/tdfc';
import { CollaboratorApi } from '../declarations/collaborator-api';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from '../support/browser';
import { startDeclarant, type DeclarantProcess } from '../support/declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from '../support/partner-processes';
import { createE2eDatabase, testDialects, type E2eDatabase } from '../support/postgres-database';
import { seedAdministrator, seedUser } from '../support/seed-declarant';
import { signInToPasserelle } from '../support/sign-in';

// The help page's promise, in the browser: a collaborator with a connected client space and a
// signature ticks three "prête" declarations on "Déclarations", clicks "Envoyer", types the
// signature's password once (a wrong one first: refused, counted), watches the progress bar
// reach the end, then reads "Acceptée" in the timeline of one declaration, downloads its signed
// file (.p7m: a CMS holding the INFENT interchange), and reads the DGFiP's error lines of the
// one that was rejected. The client account, its code and the signature are made through the
// HTTP APIs (create-a-signature.spec.ts covers doing that in the browser).

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
const FIRM_SIRET = '73282932000074';
/** The integrators' documented example (packages/tdfc/README.md): a clean 2024 liasse. */
const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };
/** "Rejet partiel" or "Rejetée". */
const REJECTED = /^(Rejet partiel|Rejetée)$/;
const period = (year: number) => `du 01/01/${year} au 31/12/${year}`;

interface InboxMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits until the local inbox holds a mail to `to` whose subject starts with `subject`. */
async function waitForMail(inboxUrl: string, to: string, subject: string): Promise<InboxMail> {
  const deadline = Date.now() + 30_000;
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
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expectedStatus)
    throw new Error(`POST ${url}: ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** The firm's client account on the partner, confirmed; its confidential code from the inbox. */
async function seedClientAccount(partner: PartnerProcesses): Promise<string> {
  await postJson(
    `${partner.partnerUrl}/api/v1/accounts`,
    {
      firmName: 'Cabinet Exemple',
      siret: FIRM_SIRET,
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
  const codeMail = await waitForMail(
    partner.inboxUrl,
    PORTAL.email,
    'Votre code confidentiel EDI-TDFC',
  );
  const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/.exec(codeMail.text)?.[0];
  if (code === undefined) throw new Error(`no code in:\n${codeMail.text}`);
  return code;
}

/**
 * Changes a declaration's stored content behind the declarant's back, its status left "prête".
 * The simulated DGFiP runs the same validator as the declarant, so nothing the declarant lets
 * through is ever rejected; this stands for a DGFiP whose controls are stricter than ours,
 * which is what the page must then explain.
 */
async function tamperStoredDeclaration(
  databaseUrl: string,
  id: string,
  change: (content: { forms: Record<string, Record<string, unknown>[]> }) => void,
): Promise<void> {
  const database = openDatabase<{ declarations: { id: string; content: string } }>(
    databaseTargetFrom(databaseUrl, tmpdir(), 'unused.sqlite'),
  );
  try {
    const row = await database.db
      .selectFrom('declarations')
      .select('content')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(row.content) as Parameters<typeof change>[0];
    change(content);
    await database.db
      .updateTable('declarations')
      .set({ content: JSON.stringify(content) })
      .where('id', '=', id)
      .execute();
  } finally {
    await database.close();
  }
}

/** Runs the real `openssl` with `args`; stdout and stderr together, as a person reads them. */
function openssl(args: string[]): { status: number | null; output: string } {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.each(await testDialects())(
  '"Envoyer" a batch of declarations, in the browser, with real processes (%s)',
  (dialect) => {
    let partner: PartnerProcesses;
    let declarant: DeclarantProcess;
    let partnerDatabase: E2eDatabase | undefined;
    let declarantDatabase: E2eDatabase | undefined;
    let declarantDatabaseUrl: string;
    let browser: Browser;
    let context: BrowserContext;
    let workDir: string;
    /** Declaration ids by exercise year. */
    const ids = new Map<number, string>();

    beforeAll(async () => {
      workDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-sending-'));
      if (dialect === 'postgres') {
        partnerDatabase = await createE2eDatabase('partner');
        declarantDatabase = await createE2eDatabase('declarant');
      }
      // A known database address: the test changes one declaration behind the server's back.
      declarantDatabaseUrl =
        declarantDatabase?.url ?? `sqlite:${join(workDir, 'declarant.sqlite')}`;
      // The simulated DGFiP answers a few tenths of a second after each deposit.
      partner = await startPartnerWithInbox({
        DGFIP_DELAY_MS: '300',
        DGFIP_POLL_MS: '200',
        ...(partnerDatabase === undefined ? {} : { DATABASE_URL: partnerDatabase.url }),
      });
      declarant = await startDeclarant({
        PARTNER_URL: partner.partnerUrl,
        SMTP_URL: partner.smtpUrl,
        DATABASE_URL: declarantDatabaseUrl,
        STATUS_POLL_INTERVAL_MS: '300',
      });
      const adminCookie = await seedAdministrator(declarant.url, declarant.setupLink, ADMIN);
      await seedUser(declarant.url, adminCookie, BRUNO);
      // The firm's SIRET is the sender of every interchange.
      const saved = await fetch(`${declarant.url}/api/firm/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', origin: declarant.url, cookie: adminCookie },
        body: JSON.stringify({ siret: FIRM_SIRET }),
      });
      expect(saved.status).toBe(200);

      // Bruno connects to the client space and creates his signature (through the API).
      const code = await seedClientAccount(partner);
      const api = await CollaboratorApi.signIn(declarant.url, BRUNO);
      const connected = await api.call<{ connected: boolean }>('POST', '/api/me/client-space', {
        email: PORTAL.email,
        password: PORTAL.password,
      });
      expect(connected.connected).toBe(true);
      await api.call('POST', '/api/me/signatures', {
        confidentialCode: code,
        validityMonths: 12,
        password: SIGNATURE_PASSWORD,
        passwordConfirmation: SIGNATURE_PASSWORD,
      });

      // Three clean liasses of the example company (2022, 2023, 2024), imported as JSON.
      await api.seedDossier(
        {
          siren: EXAMPLE.siren,
          name: EXAMPLE.name,
          street: '1 rue de la Paix',
          complement: '',
          postcode: '75002',
          city: 'Paris',
          category: 'BI',
          regime: 'RS',
          taxation: 'IS',
          rof: 'IS1',
        },
        [],
      );
      const { declarations } = await api.call<{
        declarations: { id: string; status: string; exercise: { end: string } }[];
      }>(
        'POST',
        '/api/declarations/import-json',
        [2024, 2023, 2022].map((year) => ({ ...EXAMPLE, exercise: String(year) })),
      );
      expect(declarations.map((d) => d.status)).toEqual(['ready', 'ready', 'ready']);
      for (const declaration of declarations)
        ids.set(Number(declaration.exercise.end.slice(0, 4)), declaration.id);

      // The 2022 one carries a negative "production vendue" the DGFiP refuses.
      await tamperStoredDeclaration(declarantDatabaseUrl, ids.get(2022) ?? '', (content) => {
        const form = content.forms['2033B']?.[0];
        if (form === undefined) throw new Error('no 2033-B in the example');
        form.BC = -5;
      });

      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await declarant?.stop();
      await partner?.stop();
      await declarantDatabase?.drop();
      await partnerDatabase?.drop();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });
    afterEach(async ({ task }) => {
      if (task.result?.state === 'fail')
        await saveFailureArtifacts(task.name, context, context.pages());
      await context.close();
    });

    const signIn = (page: Page) => signInToPasserelle(page, declarant.url, BRUNO);
    /** The row of the declaration of `year` in a declarations table. */
    const rowOf = (page: Page, year: number) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: period(year) }) });

    it('three "prête" declarations sent with one password: progress bar, "Acceptée", the signed file, the rejected one’s errors', async () => {
      context = await newTracedContext(browser);
      const app = await context.newPage();
      await signIn(app);

      // "Compte utilisateur": the results are emailed unless Bruno unticks the box.
      const notify = app.getByLabel(
        'M’envoyer un email quand une déclaration que j’ai envoyée est acceptée ou rejetée',
      );
      expect(await notify.isChecked()).toBe(true);

      await app
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Déclarations' })
        .click();
      await app.getByRole('heading', { name: 'Déclarations', level: 1 }).waitFor();
      for (const year of [2022, 2023, 2024])
        await rowOf(app, year).getByText('Prête', { exact: true }).waitFor();

      // 1. "Tout sélectionner les prêtes", then "Envoyer".
      const send = app.getByRole('button', { name: 'Envoyer', exact: true });
      expect(await send.isDisabled()).toBe(true);
      await app.getByLabel('Tout sélectionner les prêtes').check();
      await app.getByText('3 déclarations sélectionnées').waitFor();
      await send.click();

      // 2. The dialog: the signature preselected, the password asked once for the batch.
      const dialog = app.getByRole('dialog', { name: 'Envoyer 3 déclarations' });
      await dialog.waitFor();
      const signature = dialog.getByLabel('Signature', { exact: true });
      expect(await signature.locator('option:checked').innerText()).toMatch(
        /^n° [0-9a-f]{8}…[0-9a-f]{4} — Valide, expire le /,
      );
      const password = dialog.getByLabel('Mot de passe de la signature');
      expect(await password.getAttribute('type')).toBe('password');
      expect(await password.getAttribute('autocomplete')).toBe('off');

      // A wrong password: refused beside the field, counted, and not kept.
      await password.fill(`${SIGNATURE_PASSWORD}x`);
      await dialog.getByRole('button', { name: 'Signer et envoyer' }).click();
      await dialog
        .getByRole('alert')
        .filter({ hasText: 'Mot de passe de la signature incorrect : encore 9 essais' })
        .waitFor();
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      expect(await password.inputValue()).toBe('');

      await password.fill(SIGNATURE_PASSWORD);
      await dialog.getByRole('button', { name: 'Signer et envoyer' }).click();
      await dialog.waitFor({ state: 'detached' });

      // 3. The progress bar, a real <progress> fed by the server, reaches the end.
      const progress = app.getByRole('progressbar');
      expect(await progress.evaluate((element) => element.tagName)).toBe('PROGRESS');
      expect(await progress.getAttribute('max')).toBe('3');
      await app.getByRole('heading', { name: 'Envoi terminé' }).waitFor({ timeout: 60_000 });
      expect(await progress.evaluate((element) => (element as HTMLProgressElement).value)).toBe(3);
      await app.getByText('3 / 3 transmises — 2 acceptées — 1 rejetée').waitFor();
      await app
        .getByRole('status')
        .filter({ hasText: 'Envoi terminé : 2 acceptées, 1 rejetée.' })
        .waitFor();

      // 5. The list shows the new statuses with their French labels; nothing is "prête" now.
      await rowOf(app, 2024).getByText('Acceptée', { exact: true }).waitFor();
      await rowOf(app, 2023).getByText('Acceptée', { exact: true }).waitFor();
      // Partial or whole: the simulated DGFiP's rule (edi-tdfc.md §5) decides, not the page.
      await rowOf(app, 2022).getByText(REJECTED).waitFor();
      expect(await app.getByLabel('Tout sélectionner les prêtes').isDisabled()).toBe(true);

      // 4. The accepted declaration: its timeline, receipt and signed file; no more editing.
      await rowOf(app, 2024)
        .getByRole('link', { name: period(2024) })
        .click();
      const tracking = app.getByRole('region', { name: 'Suivi des envois' });
      await tracking.waitFor();
      const history = tracking.getByRole('list', { name: 'Historique' });
      await history.getByText('Acceptée', { exact: true }).waitFor();
      const steps = await history.getByRole('listitem').allInnerTexts();
      expect(steps[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\s+En file d’envoi/);
      expect(steps.at(-1)).toContain('Acceptée');
      expect(steps.some((step) => step.includes('Transmise'))).toBe(true);
      await tracking.getByText('Numéro de dépôt').waitFor();
      await app
        .getByText(
          'Cette déclaration a été déposée et traitée par la DGFiP : elle n’est plus modifiable.',
        )
        .waitFor();
      // Every cell is shown read-only: no input, list or text area is left to edit.
      const cellsTable = app.locator('.cells-table');
      await cellsTable.getByRole('textbox').first().waitFor();
      expect(await cellsTable.locator('input, select, textarea').count()).toBe(0);

      const [download] = await Promise.all([
        app.waitForEvent('download'),
        tracking.getByRole('button', { name: 'Fichier signé (.p7m)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.p7m$/);
      const signedFile = join(workDir, 'signed.p7m');
      const contentFile = join(workDir, 'content.edi');
      await download.saveAs(signedFile);
      const verified = openssl([
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-noverify',
        '-in',
        signedFile,
        '-out',
        contentFile,
      ]);
      expect(verified.output).toContain('Verification successful');
      expect(verified.status).toBe(0);
      const interchange = readFileSync(contentFile);
      expect(interchange.toString('latin1')).toMatch(
        new RegExp(`^UNA:\\+,\\? 'UNB\\+UNOL:3\\+${FIRM_SIRET}:5:I\\+`),
      );
      const read = readInfentInterchange(loadDictionary('2025'), interchange);
      expect(read.declarations.map((d) => [d.siren, d.exercise.end])).toEqual([
        [EXAMPLE.siren, '2024-12-31'],
      ]);

      // The rejected one: the DGFiP's error lines, readable.
      await app.goto(`${declarant.url}/declarations/${ids.get(2022) ?? ''}`);
      await tracking.getByText(REJECTED).first().waitFor();
      const errors = tracking.getByRole('table', { name: 'Erreurs du compte rendu de la DGFiP' });
      const header = await errors.getByRole('columnheader').allInnerTexts();
      expect(header).toEqual(['Formulaire', 'Case', 'Libellé', 'Message', 'Gravité']);
      const line = errors.getByRole('row').filter({ hasText: 'BC' });
      const cells = await line.getByRole('cell').allInnerTexts();
      expect(cells[0]).toBe('2033-B');
      expect(cells[1]).toBe('BC');
      expect(cells[2]).toBe('Production vendue de services');
      expect(cells[3]).toContain("n'admet pas de montant négatif");
      expect(cells[4]).toBe('Rejet');
      await tracking.getByRole('button', { name: 'Compte rendu' }).waitFor();
      expect(await tracking.getByRole('button', { name: 'CONTRL' }).count()).toBe(0);

      // The dossier's page lists the same statuses; nothing is left to tick there either.
      await app.getByRole('link', { name: `Dossier ${EXAMPLE.name}` }).click();
      await app.getByRole('heading', { name: EXAMPLE.name, level: 1 }).waitFor();
      await rowOf(app, 2023).getByText('Acceptée', { exact: true }).waitFor();
      await rowOf(app, 2022).getByText(REJECTED).waitFor();
      expect(await app.getByLabel('Tout sélectionner les prêtes').isDisabled()).toBe(true);

      // The sender was emailed each result (the box of "Compte utilisateur").
      await waitForMail(partner.inboxUrl, BRUNO.email, 'Déclaration acceptée');
      const rejection = await waitForMail(partner.inboxUrl, BRUNO.email, 'Déclaration rej');
      expect(rejection.text).toContain('1 rejet(s)');
    });
  },
);
