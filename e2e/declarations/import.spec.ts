import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importDeclaration,
  loadDictionary,
  readFixtureJson,
  readInfentInterchange,
  writeInfentInterchange,
  type Declaration,
} from '@passerelle/tdfc';
import { testDossier } from '@passerelle/declarant-server/testing/factories';
import { signInToPasserelle } from '../support/sign-in';
import { useBrowser } from '../support/browser-hooks';
import { BRUNO, FIRM_SIRET } from '../support/people';
import type { DeclarantProcess } from '../support/declarant-process';
import { testDialects } from '../support/postgres-database';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { seedFirmUsers } from '../support/seed-declarant';
import { ApiSession } from '../support/api-session';

/** The integrators' documented example (packages/tdfc/README.md): a clean 2024 liasse. */
const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };
const dictionary = loadDictionary('2025');

/** The example for another exercise, as another software would hold it. */
function exampleFor(year: number): Declaration {
  const exercise = { start: `${year}-01-01`, end: `${year}-12-31` };
  const millesime = String(year + 1 - 2000);
  const result = importDeclaration(dictionary, { ...EXAMPLE, exercise, millesime });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.declaration;
}

/** An EDI-TDFC INFENT file of two declarations, written by "another software". */
const infentFile = () => ({
  name: 'liasses.edi',
  mimeType: 'application/edifact',
  buffer: Buffer.from(
    writeInfentInterchange(dictionary, [exampleFor(2023), exampleFor(2022)], {
      firm: { siret: FIRM_SIRET, name: 'Autre logiciel' },
      partner: { number: '1234567' },
      controlReference: 'AUTRE0001',
      preparedAt: new Date(),
      test: false,
      software: { editor: 'AUTRE', name: 'AUTRE', version: '1' },
      attestation: '2025.01.0001',
    }),
  ),
});

describe.each(await testDialects())(
  '"Importer des déclarations", in the browser (%s)',
  (dialect) => {
    let declarant: DeclarantProcess;
    let servers: DeclarantAlone;
    const browser = useBrowser();
    let api: ApiSession;
    let admin: ApiSession;

    beforeAll(async () => {
      servers = await startDeclarantAlone({ dialect });
      declarant = servers.declarant;
      admin = new ApiSession(declarant.url, await seedFirmUsers(declarant, [BRUNO]));
      api = await ApiSession.signIn(declarant.url, BRUNO);
    });
    afterAll(async () => {
      await servers?.stop();
    });

    const signIn = (page: Page, user: { email: string; password: string }) =>
      signInToPasserelle(page, declarant.url, user);

    const jsonFile = (content: string) => ({
      name: 'declarations.json',
      mimeType: 'application/json',
      buffer: Buffer.from(content, 'utf8'),
    });

    it('a JSON file is refused in French until its dossier exists, then imported and opened', async () => {
      const app = await browser.newPage();
      await signIn(app, BRUNO);
      await app.goto(`${declarant.url}/dossiers`);
      await app.getByRole('link', { name: 'Importer des déclarations' }).click();
      await app.getByRole('heading', { name: 'Importer des déclarations', level: 1 }).waitFor();
      await app.getByLabel('Fichier EDI-TDFC (INFENT)', { exact: true }).waitFor();

      // No file chosen: said on the field, which takes the focus.
      await app.getByRole('button', { name: 'Importer', exact: true }).click();
      await app.getByRole('alert').filter({ hasText: 'Choisissez un fichier.' }).waitFor();
      expect(await app.evaluate(() => document.activeElement?.id)).toBe('import-infent-fichier');

      const section = app.getByRole('region', { name: 'Depuis un fichier JSON' });
      const file = section.getByLabel('Fichier JSON', { exact: true });
      const importJson = section.getByRole('button', { name: 'Importer le fichier JSON' });

      // A file that is not JSON is refused before anything is sent.
      await file.setInputFiles(jsonFile('{ pas du JSON'));
      await importJson.click();
      await section
        .getByRole('alert')
        .filter({ hasText: 'n’est pas un fichier JSON lisible' })
        .waitFor();

      // The server's precise reason is shown: no dossier has this SIREN yet.
      await file.setInputFiles(jsonFile(JSON.stringify(EXAMPLE)));
      await importJson.click();
      await section
        .getByRole('alert')
        .filter({ hasText: 'Import refusé, aucune déclaration créée' })
        .filter({ hasText: `aucun dossier pour le SIREN ${EXAMPLE.siren}` })
        .waitFor();
      expect(await file.getAttribute('aria-invalid')).toBe('true');

      // Once the dossier exists, the import creates the declaration (and its exercise).
      await api.seedDossier(testDossier(EXAMPLE.siren, EXAMPLE.name));
      await file.setInputFiles(jsonFile(JSON.stringify(EXAMPLE)));
      await importJson.click();
      const result = app.getByRole('status').filter({ hasText: '1 déclaration importée.' });
      await result.waitFor();
      expect(await section.getByRole('alert').count()).toBe(0);
      const title = `${EXAMPLE.name} — exercice du 01/01/2024 au 31/12/2024`;
      await result.getByRole('link', { name: title }).click();
      await app.getByRole('heading', { name: `Déclaration ${title}`, level: 1 }).waitFor();
      await app.locator('.declaration-status').getByText('Prête', { exact: true }).waitFor();
      await app.getByText('La déclaration est prête à être envoyée.').waitFor();
    });

    it('an INFENT file with two declarations becomes two declarations (a broken one creates nothing), and one downloads back as INFENT', async () => {
      const app = await browser.newPage();
      await signIn(app, BRUNO);
      await app.goto(`${declarant.url}/declarations/import`);
      const file = app.getByLabel('Fichier EDI-TDFC (INFENT)', { exact: true });
      const truncated = infentFile();
      truncated.buffer = truncated.buffer.subarray(0, 300);
      await file.setInputFiles(truncated);
      await app.getByRole('button', { name: 'Importer', exact: true }).click();
      await app
        .getByRole('alert')
        .filter({ hasText: 'Import refusé, aucune déclaration créée' })
        .waitFor();
      await file.setInputFiles(infentFile());
      await app.getByRole('button', { name: 'Importer', exact: true }).click();
      const result = app.getByRole('status').filter({ hasText: '2 déclarations importées.' });
      await result.waitFor();
      await result
        .getByRole('link', { name: /exercice du 01\/01\/2023 au 31\/12\/2023/ })
        .waitFor();
      await result
        .getByRole('link', { name: /exercice du 01\/01\/2022 au 31\/12\/2022/ })
        .waitFor();

      // The firm's SIRET set, the declaration downloads as its INFENT-DF interchange.
      const saved = await admin.call('PUT', '/api/firm/settings', { siret: FIRM_SIRET });
      expect(saved.status).toBe(200);
      await result.getByRole('link', { name: /exercice du 01\/01\/2023 au 31\/12\/2023/ }).click();
      const [download] = await Promise.all([
        app.waitForEvent('download'),
        app.getByRole('button', { name: 'Télécharger le fichier EDI' }).first().click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^infent-\d{9}-20231231\.edi$/);
      const bytes = readFileSync(await download.path());
      expect(bytes.toString('latin1')).toMatch(/^UNA:\+,\? 'UNB\+UNOL:3\+73282932000074:5:I\+/);
      expect(readInfentInterchange(dictionary, bytes).declarations[0]?.exercise).toEqual({
        start: '2023-01-01',
        end: '2023-12-31',
      });
    });
  },
);
