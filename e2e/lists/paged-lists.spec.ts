// Lists longer than a page in the browser (issue #12): "Dossiers" and "Déclarations" show the
// list's count, 50 rows, and "Charger plus" for the next 50; the search and the status filter
// are the server's; ticks stay while more rows load, and "Sélectionner toutes les prêtes, même
// non affichées" ticks those not loaded yet.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtureJson } from '@passerelle/tdfc';
import { testDossier, testSiren } from '@passerelle/declarant-server/testing/factories';
import { ApiSession } from '../support/api-session';
import { useBrowser } from '../support/browser-hooks';
import { ADMIN } from '../support/people';
import type { DeclarantProcess } from '../support/declarant-process';
import { testDialects } from '../support/postgres-database';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { seedFirmUsers } from '../support/seed-declarant';
import { signInToPasserelle } from '../support/sign-in';

/** More than two pages of 50. */
const COUNT = 120;
const EXAMPLE = readFixtureJson('importExample') as Record<string, unknown>;

describe.each(await testDialects())('lists a page at a time, in the browser (%s)', (dialect) => {
  let declarant: DeclarantProcess;
  let servers: DeclarantAlone;
  const browser = useBrowser();
  let firstDossierId = '';

  beforeAll(async () => {
    servers = await startDeclarantAlone({ dialect });
    declarant = servers.declarant;
    await seedFirmUsers(declarant);
    const api = await ApiSession.signIn(declarant.url, ADMIN);
    // 120 dossiers ("SOCIETE 000" … "SOCIETE 119"), one "prête" declaration each, imported at
    // once, and one "brouillon" made in the editor.
    for (let i = 0; i < COUNT; i += 1) {
      const id = await api.seedDossier(
        testDossier(testSiren(i), `SOCIETE ${String(i).padStart(3, '0')}`),
        i === 0 ? [{ start: '2023-01-01', end: '2023-12-31' }] : [],
      );
      if (i === 0) firstDossierId = id;
    }
    await api.ok(
      'POST',
      '/api/declarations/import-json',
      Array.from({ length: COUNT }, (_, i) => ({ ...EXAMPLE, siren: testSiren(i) })),
    );
    const { dossier } = await api.ok<{ dossier: { exercises: { id: string; start: string }[] } }>(
      'GET',
      `/api/dossiers/${firstDossierId}`,
    );
    const exercise = dossier.exercises.find((e) => e.start === '2023-01-01');
    await api.ok('POST', `/api/dossiers/${firstDossierId}/declarations`, {
      exerciseId: exercise?.id,
    });
  });
  afterAll(async () => {
    await servers?.stop();
  });

  /** The rows of the page's table (the header row apart). */
  const bodyRows = (page: Page) => page.getByRole('table').locator('tbody').getByRole('row');
  /** French numbers group with a narrow no-break space: `\s` matches it. */
  const text = (page: Page, pattern: RegExp) => page.getByText(pattern);

  it('"Dossiers": the count, 50 rows, "Charger plus" twice, and the search', async () => {
    const app = await browser.newPage();
    await signInToPasserelle(app, declarant.url, ADMIN);
    await app
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Dossiers' })
      .click();
    await text(app, /^120 dossiers$/).waitFor();
    expect(await bodyRows(app).count()).toBe(50);
    await text(app, /^50 sur 120 dossiers$/).waitFor();
    expect(await bodyRows(app).first().getByRole('link').innerText()).toBe('SOCIETE 000');

    const more = app.getByRole('button', { name: 'Charger plus' });
    await more.click();
    await text(app, /^100 sur 120 dossiers$/).waitFor();
    expect(await bodyRows(app).count()).toBe(100);
    // The next page follows the first: no row twice, none missing.
    expect(await bodyRows(app).nth(50).getByRole('link').innerText()).toBe('SOCIETE 050');
    await more.click();
    await app.getByRole('link', { name: 'SOCIETE 119' }).waitFor();
    expect(await bodyRows(app).count()).toBe(120);
    expect(await app.getByRole('button', { name: 'Charger plus' }).count()).toBe(0);

    // The search is the server's: one dossier of the 120, by name or by SIREN.
    const search = app.getByRole('searchbox', { name: 'Rechercher un dossier' });
    await search.fill('societe 117');
    await text(app, /^1 dossier$/).waitFor();
    expect(await bodyRows(app).count()).toBe(1);
    await search.fill(testSiren(42));
    await app.getByRole('link', { name: 'SOCIETE 042' }).waitFor();
    await search.fill('introuvable');
    await app.getByText('Aucun dossier ne correspond à la recherche.').waitFor();
  });

  it('"Déclarations": ticks kept while loading more, every "prête" ticked, the status filter', async () => {
    const app = await browser.newPage();
    await signInToPasserelle(app, declarant.url, ADMIN);
    await app
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Déclarations' })
      .click();
    await text(app, /^121 déclarations$/).waitFor();
    expect(await bodyRows(app).count()).toBe(50);

    await app.getByLabel('Tout sélectionner les prêtes').check();
    const selection = app.getByText(
      /déclarations? sélectionnées?$|Aucune déclaration sélectionnée/,
    );
    // The newest is the "brouillon" (made last): 49 "prête" among the 50 shown.
    await app.getByText('49 déclarations sélectionnées').waitFor();
    await app.getByRole('button', { name: 'Charger plus' }).click();
    await text(app, /^100 sur 121 déclarations$/).waitFor();
    // The ticks stay; the newly shown ones are not ticked, so "all" became "some".
    expect(await selection.innerText()).toBe('49 déclarations sélectionnées');
    expect(
      await app
        .getByLabel('Tout sélectionner les prêtes')
        .evaluate((input) => (input as HTMLInputElement).indeterminate),
    ).toBe(true);
    await app
      .getByRole('button', { name: 'Sélectionner toutes les prêtes, même non affichées' })
      .click();
    await app.getByText('120 déclarations sélectionnées').waitFor();
    expect(await app.getByRole('button', { name: 'Envoyer', exact: true }).isEnabled()).toBe(true);

    // The status filter asks the server: one "Brouillon" of the 121.
    await app.getByLabel('Statut').selectOption({ label: 'Brouillon' });
    await text(app, /^1 déclaration$/).waitFor();
    expect(await bodyRows(app).count()).toBe(1);
    expect(await app.getByRole('button', { name: 'Charger plus' }).count()).toBe(0);
    await app.getByLabel('Statut').selectOption({ label: 'Prête' });
    await text(app, /^120 déclarations$/).waitFor();
    expect(await bodyRows(app).count()).toBe(50);
  });
});
