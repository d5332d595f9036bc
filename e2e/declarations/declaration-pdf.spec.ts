import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDossier } from '@passerelle/declarant-server/testing/factories';
import { readFixtureJson } from '@passerelle/tdfc/testing';
import { ApiSession as Api } from '../support/api-session';
import { useBrowser } from '../support/browser-hooks';
import type { DeclarantProcess } from '../support/declarant-process';
import { BRUNO, FIRM } from '../support/people';
import { testDialects } from '../support/postgres-database';
import { seedFirmUsers } from '../support/seed-declarant';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { signInToPasserelle } from '../support/sign-in';

/** A réel simplifié declaration at the IS (2065, 2033-A…G), as an integrator's JSON. */
const EXAMPLE = readFixtureJson('importExample') as { siren: string; name: string };

describe.each(await testDialects())('The declaration as on paper, and its PDF (%s)', (dialect) => {
  let declarant: DeclarantProcess;
  let servers: DeclarantAlone;
  const browser = useBrowser();
  let declarationId: string;
  const workDir = mkdtempSync(join(tmpdir(), 'passerelle-pdf-'));

  beforeAll(async () => {
    servers = await startDeclarantAlone({ dialect });
    declarant = servers.declarant;
    await seedFirmUsers(declarant, [BRUNO]);
    const admin = await Api.signIn(declarant.url);
    await admin.ok('PUT', '/api/firm/settings', { siret: FIRM.siret, testMode: true });
    await admin.seedDossier(testDossier(EXAMPLE.siren, EXAMPLE.name));
    const imported = await admin.ok<{ declarations: { id: string }[] }>(
      'POST',
      '/api/declarations/import-json',
      EXAMPLE,
    );
    declarationId = imported.declarations[0]!.id;
  });
  afterAll(async () => {
    await servers?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('shows 2033-A as printed with live totals, and downloads the PDF from its button', async () => {
    const app = await browser.newPage();
    await signInToPasserelle(app, declarant.url, BRUNO);
    await app.goto(`${declarant.url}/declarations/${declarationId}`);
    const tabs = app.getByRole('tablist', { name: 'Formulaires de la liasse' });
    await tabs.getByRole('tab', { name: /^2033-A/ }).click();

    // The printed layout: a section heading, brut / amortissements / net side by side.
    const assets = app.getByRole('region', { name: 'Actif immobilisé' });
    expect(await assets.getByRole('columnheader').allInnerTexts()).toEqual([
      'Ligne',
      'Brut',
      'Amortissements et provisions',
      'Net',
    ]);
    const line = assets.getByRole('row').filter({
      has: app.getByRole('rowheader', { name: 'Immobilisations corporelles', exact: true }),
    });
    expect(await line.getByRole('textbox').count()).toBe(3);
    await line.getByLabel('AC — Immobilisations corporelles, brut').fill('2 500');
    // The total line computes live from its lines.
    const total = assets.getByRole('row').filter({ hasText: "Total I de l'actif immobilisé" });
    await total
      .getByText(/^Total calculé\s:\s2 500 €$/)
      .first()
      .waitFor();
    await line.getByLabel('AC — Immobilisations corporelles, brut').press('Tab');
    await app.getByText('Modifications enregistrées.').waitFor();

    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Télécharger le PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`declaration-${EXAMPLE.siren}-20241231.pdf`);
    const file = join(workDir, 'declaration.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'])
      .toString('utf8')
      .replace(/[\s\u00a0]+/g, ' ');
    expect(text).toContain(`${FIRM.name} – SIRET ${FIRM.siret}`);
    expect(text).toContain(`Dossier ${EXAMPLE.name} – SIREN ${EXAMPLE.siren}`);
    expect(text).toContain('MODE TEST');
    expect(text).toContain('Formulaire 2033-A');
    expect(text).toContain('Disponibilités 15 000 15 000');
    // The amount just typed, saved, is in the PDF.
    expect(text).toContain('Immobilisations corporelles 2 500');
  });
});
