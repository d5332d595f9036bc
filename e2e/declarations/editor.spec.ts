import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToPasserelle } from '../support/sign-in';
import { useBrowser } from '../support/browser-hooks';
import { BRUNO } from '../support/people';
import type { DeclarantProcess } from '../support/declarant-process';
import { testDialects } from '../support/postgres-database';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { seedFirmUsers } from '../support/seed-declarant';
import { testDossier } from '@passerelle/declarant-server/testing/factories';
import { ApiSession as Api } from '../support/api-session';

/** A "réel simplifié" company at the IS: its liasse is the 2065 and the 2033-A…G. */
const LILAS = testDossier('732829320', 'Boulangerie des Lilas', {
  street: '12 rue des Lilas',
  postcode: '75011',
});
const FOURNIL = { ...LILAS, siren: '542051180', name: 'Fournil du Marché', rof: 'IS2' };

describe.each(await testDialects())('The liasse editor, in the browser (%s)', (dialect) => {
  let declarant: DeclarantProcess;
  let servers: DeclarantAlone;
  const browser = useBrowser();
  let api: Api;
  let lilasId: string;
  let fournilId: string;

  beforeAll(async () => {
    // No partner: editing declarations never calls it.
    servers = await startDeclarantAlone({ dialect });
    declarant = servers.declarant;
    await seedFirmUsers(declarant, [BRUNO]);
    api = await Api.signIn(declarant.url, BRUNO);
    // Closed on 31/12/2024: the 2025 forms (millésime 25).
    lilasId = await api.seedDossier(LILAS, [{ start: '2024-01-01', end: '2024-12-31' }]);
    fournilId = await api.seedDossier(FOURNIL, [
      { start: '2023-01-01', end: '2023-12-31' },
      { start: '2024-01-01', end: '2024-12-31' },
    ]);
  });
  afterAll(async () => {
    await servers?.stop();
  });

  const signIn = (page: Page, user: { email: string; password: string }) =>
    signInToPasserelle(page, declarant.url, user);

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const anomalies = (page: Page) => page.getByRole('region', { name: 'Anomalies' });
  /** The anomaly links whose French message starts with `place` ("2033-B, case JB"). */
  const anomalyLink = (page: Page, place: string) =>
    anomalies(page).getByRole('link').filter({ hasText: place });
  const status = (page: Page) => page.locator('.declaration-status');

  async function waitGone(locator: Locator) {
    await locator.first().waitFor({ state: 'detached' });
  }

  it('a collaborator creates a declaration, follows the anomalies until it is "Prête", sees its table', async () => {
    const app = await browser.newPage();
    await signIn(app, BRUNO);

    // The dossier page: no declaration yet; one exercise, so no choice to make.
    await app.goto(`${declarant.url}/dossiers/${lilasId}`);
    const card = app.getByRole('region', { name: 'Déclarations' });
    await card.getByText('Aucune déclaration.').waitFor();
    await card.getByText('Pour l’exercice du 01/01/2024 au 31/12/2024.').waitFor();
    expect(await card.getByLabel('Exercice').count()).toBe(0);
    await card.getByRole('button', { name: 'Nouvelle déclaration' }).click();

    // The editor: a draft whose empty annexes each miss their néant box.
    const title = `Déclaration ${LILAS.name} — exercice du 01/01/2024 au 31/12/2024`;
    await app.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(new URL(app.url()).pathname).toMatch(/^\/declarations\/[0-9a-f-]{36}$/);
    await app.getByText('Déclaration créée.').waitFor();
    await status(app).getByText('Brouillon', { exact: true }).waitFor();
    await status(app).getByText('7 erreurs, 1 avertissement').waitFor();
    // Exercise closed in 2024: millésime 25, served by the built-in tables of the 2025 campaign.
    await status(app)
      .getByText('Millésime 25 — tables de la campagne 2025, édition 1', { exact: true })
      .waitFor();
    const tabs = app.getByRole('tablist', { name: 'Formulaires de la liasse' });
    expect(await tabs.locator('.tab-label').allInnerTexts()).toEqual([
      'Identification',
      '2065',
      '2033-A',
      '2033-B',
      '2033-C',
      '2033-D',
      '2033-E',
      '2033-F',
      '2033-G',
    ]);
    await anomalies(app).getByRole('heading', { name: 'Erreurs (7)' }).waitFor();
    await anomalies(app).getByRole('heading', { name: 'Avertissements (1)' }).waitFor();
    await anomalies(app).getByText('2065 : formulaire vide : le retirer ou le remplir.').waitFor();
    expect(await app.getByRole('status').filter({ hasText: 'prête à être envoyée' }).count()).toBe(
      0,
    );

    // Identification is read-only, taken from the dossier.
    await tabs.getByRole('tab', { name: 'Identification' }).click();
    const siren = app.getByRole('textbox', { name: /^AA — / });
    expect(await siren.innerText()).toContain('732829320, Boulangerie des Lilas');
    expect(await siren.getAttribute('aria-readonly')).toBe('true');

    // 2033-A is filled rather than sent néant: a decimal amount is refused in French first.
    const place2033A = '2033-A, case JD';
    await anomalyLink(app, place2033A).click();
    await expect.poll(() => focusedId(app)).toBe('cell-2033A-JD');
    expect(await tabs.getByRole('tab', { name: /^2033-A/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const brut = app.getByLabel('AA — Immobilisations incorporelles, fonds commercial, brut');
    await brut.fill('12,5');
    await brut.press('Tab');
    await app.getByText('Montant en euros entiers.').waitFor();
    expect(await brut.getAttribute('aria-invalid')).toBe('true');
    await brut.fill('1 200');
    await brut.press('Tab');
    await waitGone(anomalyLink(app, place2033A));
    await status(app).getByText('6 erreurs, 3 avertissements').waitFor();
    expect(await app.getByText('Montant en euros entiers.').count()).toBe(0);

    // The totals now disagree (warnings naming the cell): the link leads to it, the fix clears it.
    const totalWarning = anomalyLink(app, '2033-A, case AE (Total I de l');
    await totalWarning.getByText(/0 déclaré, 1200 attendu/).waitFor();
    await totalWarning.click();
    await expect.poll(() => focusedId(app)).toBe('cell-2033A-AE');
    await app.keyboard.type('1200');
    await app.keyboard.press('Tab');
    await waitGone(totalWarning);
    await status(app)
      .getByText(/^6 erreurs, \d+ avertissements$/)
      .waitFor();

    // The other annexes are sent néant: each error's link focuses its box, Space ticks it.
    for (const [form, code] of [
      ['2033-B', 'JB'],
      ['2033-C', 'RQ'],
      ['2033-D', 'PF'],
      ['2033-E', 'DB'],
      ['2033-F', 'GS'],
      ['2033-G', 'GS'],
    ] as const) {
      const link = anomalyLink(app, `${form}, case ${code}`);
      expect(await link.innerText()).toContain(`cocher sa case néant (${code} = X)`);
      await link.click();
      await expect.poll(() => focusedId(app)).toBe(`cell-${form.replace('-', '')}-${code}`);
      await app.keyboard.press('Space');
      await waitGone(link);
    }
    await status(app).getByText('Prête', { exact: true }).waitFor();
    await app.getByText('La déclaration est prête à être envoyée.').waitFor();
    await status(app)
      .getByText(/^\d+ avertissements$/)
      .waitFor();
    expect(
      await anomalies(app)
        .getByRole('heading', { name: /^Erreurs/ })
        .count(),
    ).toBe(0);
    await anomalies(app)
      .getByRole('heading', { name: /^Avertissements \(\d+\)$/ })
      .waitFor();

    // Everything was saved: a reload shows the same values and status.
    await app.reload();
    await app.getByRole('heading', { name: title, level: 1 }).waitFor();
    await status(app).getByText('Prête', { exact: true }).waitFor();
    await tabs.getByRole('tab', { name: /^2033-A/ }).click();
    expect(await brut.inputValue()).toBe('1 200');
    await tabs.getByRole('tab', { name: /^2033-B/ }).click();
    expect(await app.getByRole('checkbox', { name: /^JB — / }).isChecked()).toBe(true);

    // "Voir le tableau": the filled cells, readable.
    await app.getByRole('link', { name: 'Voir le tableau' }).click();
    await app.getByRole('heading', { name: `${title} : tableau`, level: 1 }).waitFor();
    const row = app.getByRole('row').filter({ hasText: 'fonds commercial, brut' });
    const texts = await row.getByRole('cell').allInnerTexts();
    // The server groups digits with (narrow) no-break spaces.
    expect(texts.map((text) => text.replace(/\s/g, ' '))).toEqual(['2033-A', 'AA', '1 200 €']);
    expect(await app.getByRole('columnheader').allInnerTexts()).toEqual([
      'Formulaire',
      'Case',
      'Libellé',
      'Valeur',
    ]);
    await app.getByRole('button', { name: 'Télécharger le fichier EDI' }).waitFor();

    // The dossier's list: the declaration is "Prête", with its warnings.
    await app.goto(`${declarant.url}/dossiers/${lilasId}`);
    const line = card.getByRole('row').filter({ hasText: 'du 01/01/2024 au 31/12/2024' });
    await line.waitFor();
    const cells = await line.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['25', 'Prête']);
    expect(cells[2]).toMatch(/^\d+ avertissements$/);
    await line.getByRole('link', { name: 'du 01/01/2024 au 31/12/2024' }).click();
    await app.getByRole('heading', { name: title, level: 1 }).waitFor();
  });

  it('the exercise is chosen among several, and a change made elsewhere meanwhile reloads the editor', async () => {
    const app = await browser.newPage();
    await signIn(app, BRUNO);

    await app.goto(`${declarant.url}/dossiers/${fournilId}`);
    const card = app.getByRole('region', { name: 'Déclarations' });
    const exercise = card.getByLabel('Exercice');
    await exercise.waitFor();
    expect(await exercise.locator('option').allInnerTexts()).toEqual([
      'du 01/01/2023 au 31/12/2023',
      'du 01/01/2024 au 31/12/2024',
    ]);
    // The latest exercise is proposed; the 2023 one is chosen.
    expect(await exercise.locator('option:checked').innerText()).toBe(
      'du 01/01/2024 au 31/12/2024',
    );
    await exercise.selectOption({ label: 'du 01/01/2023 au 31/12/2023' });
    await card.getByRole('button', { name: 'Nouvelle déclaration' }).click();
    const title = `Déclaration ${FOURNIL.name} — exercice du 01/01/2023 au 31/12/2023`;
    await app.getByRole('heading', { name: title, level: 1 }).waitFor();
    await status(app).getByText('Brouillon', { exact: true }).waitFor();
    const id = new URL(app.url()).pathname.split('/').pop() ?? '';

    // Someone else ticks the 2033-B néant box meanwhile (version 1 → 2).
    await api.ok('PATCH', `/api/declarations/${id}/cells`, {
      version: 1,
      changes: [{ form: '2033B', code: 'JB', value: 'X' }],
    });
    // This page still shows version 1: its change is refused, the declaration reloaded.
    const tabs = app.getByRole('tablist', { name: 'Formulaires de la liasse' });
    await tabs.getByRole('tab', { name: /^2033-C/ }).click();
    // click(), not check(): the box may already be unticked again by the reload when checked.
    await app.getByRole('checkbox', { name: /^RQ — / }).click();
    await app
      .getByText(
        'La déclaration a été modifiée entre-temps (dans un autre onglet ou par un collègue) : elle vient d’être rechargée.',
        { exact: false },
      )
      .waitFor();
    expect(await app.getByRole('checkbox', { name: /^RQ — / }).isChecked()).toBe(false);
    await tabs.getByRole('tab', { name: /^2033-B/ }).click();
    expect(await app.getByRole('checkbox', { name: /^JB — / }).isChecked()).toBe(true);
    await status(app).getByText('6 erreurs, 1 avertissement').waitFor();

    // Working on the reloaded version is saved again.
    await tabs.getByRole('tab', { name: /^2033-C/ }).click();
    await app.getByRole('checkbox', { name: /^RQ — / }).check();
    await status(app).getByText('5 erreurs, 1 avertissement').waitFor();
    await waitGone(anomalyLink(app, '2033-C, case RQ'));

    // An amount is saved after a short pause in typing, without leaving the field.
    await tabs.getByRole('tab', { name: /^2033-A/ }).click();
    const amount = app.getByRole('tabpanel').getByRole('textbox', { name: /^AA — / });
    await amount.pressSequentially('800');
    await waitGone(anomalyLink(app, '2033-A, case JD'));
    await app.getByText('Modifications enregistrées.').waitFor();
    expect(await focusedId(app)).toBe('cell-2033A-AA');
    await status(app)
      .getByText(/^4 erreurs, \d+ avertissements$/)
      .waitFor();
  });
});
