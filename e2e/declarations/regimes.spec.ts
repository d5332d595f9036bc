// A BNC declaration in the browser: the 2035 forms labelled, a total filled in one click
// (« Reporter »), and a credit form added (« Ajouter un formulaire »).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToPasserelle } from '../support/sign-in';
import { useBrowser } from '../support/browser-hooks';
import { BRUNO } from '../support/people';
import type { DeclarantProcess } from '../support/declarant-process';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { seedFirmUsers } from '../support/seed-declarant';
import { testDossier } from '@passerelle/declarant-server/testing/factories';
import { ApiSession as Api } from '../support/api-session';

/** A doctor at the BNC (déclaration contrôlée): the 2035, 2035-A and 2035-B. */
const CABINET = testDossier('732829320', 'Cabinet du Docteur Roux', {
  taxation: 'IR',
  category: 'BC',
  regime: 'DC',
  rof: 'BNC1',
});

describe('A BNC declaration in the editor (sqlite)', () => {
  let declarant: DeclarantProcess;
  let servers: DeclarantAlone;
  const browser = useBrowser();
  let declarationId: string;

  beforeAll(async () => {
    servers = await startDeclarantAlone({ dialect: 'sqlite' });
    declarant = servers.declarant;
    await seedFirmUsers(declarant, [BRUNO]);
    const api = await Api.signIn(declarant.url, BRUNO);
    const dossierId = await api.seedDossier(CABINET, [{ start: '2024-01-01', end: '2024-12-31' }]);
    const { declaration } = await api.ok<{ declaration: { id: string } }>(
      'POST',
      `/api/dossiers/${dossierId}/declarations`,
      { exerciseId: await firstExercise(api, dossierId) },
    );
    declarationId = declaration.id;
  });
  afterAll(async () => {
    await servers?.stop();
  });

  async function firstExercise(api: Api, dossierId: string): Promise<string> {
    const { dossier } = await api.ok<{ dossier: { exercises: { id: string }[] } }>(
      'GET',
      `/api/dossiers/${dossierId}`,
    );
    return dossier.exercises[0]!.id;
  }

  const anomalies = (page: Page) => page.getByRole('region', { name: 'Anomalies' });

  it('shows the 2035 labels, fills a total in one click and adds the 2069-RCI', async () => {
    const app = await browser.newPage();
    await signInToPasserelle(app, declarant.url, BRUNO);
    await app.goto(`${declarant.url}/declarations/${declarationId}`);

    const tabs = app.getByRole('tablist', { name: 'Formulaires de la liasse' });
    await tabs.getByRole('tab', { name: /^2035-B/ }).waitFor();
    expect(await tabs.locator('.tab-label').allInnerTexts()).toEqual([
      'Identification',
      '2035',
      '2035-A',
      '2035-B',
    ]);
    await tabs.getByRole('tab', { name: /^2035-A/ }).click();
    const receipts = app.getByLabel(
      'AA — Recettes encaissées y compris les remboursements de frais',
    );
    await app.getByText('Montant net des recettes', { exact: true }).waitFor();
    await receipts.fill('50 000');
    await receipts.press('Tab');

    // The net receipts (AD = AA − AB − AC − GL) now disagree: « Reporter 50 000 » fills AD.
    const warning = anomalies(app).getByRole('listitem').filter({ hasText: '2035-A, case AD' });
    await warning.getByText(/0 déclaré, 50000 attendu/).waitFor();
    await warning.getByRole('button', { name: 'Reporter 50 000 dans la case AD' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await app.getByLabel('AD — Montant net des recettes').inputValue()).toBe('50 000');

    // The next total (AG = AD + AE + AF) is offered the same way.
    const total = anomalies(app).getByRole('listitem').filter({ hasText: '2035-A, case AG' });
    await total.getByRole('button', { name: 'Reporter 50 000 dans la case AG' }).click();
    await total.waitFor({ state: 'detached' });
    expect(await app.getByLabel('AG — Total des recettes').inputValue()).toBe('50 000');

    // A credit form the régime allows: added empty, its tab shown.
    const add = app.getByRole('form', { name: 'Ajouter un formulaire' });
    await add.getByLabel('Formulaire prévu pour ce régime').selectOption('2069RCI');
    await add.getByRole('button', { name: 'Ajouter un formulaire' }).click();
    await app.getByText('Formulaire 2069-RCI ajouté.').waitFor();
    await tabs.getByRole('tab', { name: /^2069-RCI/ }).waitFor();
  });
});
