import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargetFrom, openDatabase } from '@passerelle/server-kit';
import { loadDictionary, readFixtureJson, readInfentInterchange } from '@passerelle/tdfc';
import { testDossier } from '@passerelle/declarant-server/testing/factories';
import { ApiSession } from '../support/api-session';
import { useBrowser } from '../support/browser-hooks';
import { waitForMail } from '../support/mail';
import { BRUNO, FIRM_SIRET, PORTAL, SIGNATURE_PASSWORD } from '../support/people';
import { testDialects } from '../support/postgres-database';
import { seedFirmUsers } from '../support/seed-declarant';
import { startServers, type Servers } from '../support/servers';
import { seedClientAccount } from '../support/steps/client-account';
import { connectClientSpaceThroughApi } from '../support/steps/client-space';
import { createSignature } from '../support/steps/signature';
import { signInToPasserelle } from '../support/sign-in';

// The help page's promise, in the browser: a collaborator with a connected client space and a
// signature ticks three "prête" declarations on "Déclarations", clicks "Envoyer", types the
// signature's password once (a wrong one first: refused, counted), watches the progress bar
// reach the end, then reads "Acceptée" in the timeline of one declaration, downloads its signed
// file (.p7m: a CMS holding the INFENT interchange), and reads the DGFiP's error lines of the
// one that was rejected. The client account, its code and the signature are made through the
// HTTP APIs (create-a-signature.spec.ts covers doing that in the browser).

/** The integrators' documented example (packages/tdfc/README.md): a clean 2024 liasse. */
const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };
/** "Rejet partiel" or "Rejetée". */
const REJECTED = /^(Rejet partiel|Rejetée)$/;
const period = (year: number) => `du 01/01/${year} au 31/12/${year}`;

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
    let servers: Servers;
    let declarantDatabaseUrl: string;
    let workDir: string;
    /** Declaration ids by exercise year. */
    const ids = new Map<number, string>();
    const browser = useBrowser();

    beforeAll(async () => {
      workDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-sending-'));
      servers = await startServers({
        dialect,
        // The simulated DGFiP answers a few tenths of a second after each deposit.
        partnerEnv: { DGFIP_DELAY_MS: '300', DGFIP_POLL_MS: '200' },
        declarantEnv: {
          STATUS_POLL_INTERVAL_MS: '300',
          // A known database address: the test changes one declaration behind the server's back.
          ...(dialect === 'sqlite'
            ? { DATABASE_URL: `sqlite:${join(workDir, 'declarant.sqlite')}` }
            : {}),
        },
      });
      declarantDatabaseUrl = servers.declarantDatabaseUrl ?? '';
      const { declarant, partner } = servers;
      const adminCookie = await seedFirmUsers(declarant, [BRUNO]);
      // The firm's SIRET is the sender of every interchange.
      const admin = new ApiSession(declarant.url, adminCookie);
      expect((await admin.call('PUT', '/api/firm/settings', { siret: FIRM_SIRET })).status).toBe(
        200,
      );

      // Bruno connects to the client space and creates his signature (through the API).
      const code = await seedClientAccount(partner, PORTAL);
      const api = await ApiSession.signIn(declarant.url, BRUNO);
      expect(await connectClientSpaceThroughApi(api, PORTAL)).toBe(true);
      await createSignature(api, code);

      // Three clean liasses of the example company (2022, 2023, 2024), imported as JSON.
      await api.seedDossier(
        testDossier(EXAMPLE.siren, EXAMPLE.name, { street: '1 rue de la Paix' }),
      );
      const { declarations } = await api.ok<{
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
    });
    afterAll(async () => {
      await servers?.stop();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    const signIn = (page: Page) => signInToPasserelle(page, servers.declarant.url, BRUNO);
    /** The row of the declaration of `year` in a declarations table. */
    const rowOf = (page: Page, year: number) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: period(year) }) });

    it('three "prête" declarations sent with one password: progress bar, "Acceptée", the signed file, the rejected one’s errors', async () => {
      const app = await browser.newPage();
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
      await app.goto(`${servers.declarant.url}/declarations/${ids.get(2022) ?? ''}`);
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
      const { inboxUrl } = servers.partner;
      await waitForMail(inboxUrl, { to: BRUNO.email, subject: 'Déclaration acceptée' });
      const rejection = await waitForMail(inboxUrl, {
        to: BRUNO.email,
        subject: 'Déclaration rej',
      });
      expect(rejection.text).toContain('1 rejet(s)');
    });
  },
);
