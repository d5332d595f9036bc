// Leaving the liasse editor inside Passerelle (React Router's blocker): a link clicked while a
// change is being saved waits for the save; a change the server could not get asks first.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToPasserelle } from '../support/sign-in';
import { useBrowser } from '../support/browser-hooks';
import { BRUNO } from '../support/people';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { seedFirmUsers } from '../support/seed-declarant';
import { testDossier } from '@passerelle/declarant-server/testing/factories';
import { ApiSession as Api } from '../support/api-session';

const LILAS = testDossier('732829320', 'Boulangerie des Lilas', {
  street: '12 rue des Lilas',
  postcode: '75011',
});
const QUESTION = 'Vos dernières saisies ne sont pas enregistrées. Quitter la page quand même ?';

describe('Unsaved changes in the liasse editor, in the browser', () => {
  let servers: DeclarantAlone;
  const browser = useBrowser();
  let lilasId: string;

  beforeAll(async () => {
    // SQLite only: what is tested is the page's, not the database's.
    servers = await startDeclarantAlone();
    await seedFirmUsers(servers.declarant, [BRUNO]);
    const api = await Api.signIn(servers.declarant.url, BRUNO);
    lilasId = await api.seedDossier(LILAS, [{ start: '2024-01-01', end: '2024-12-31' }]);
  });
  afterAll(async () => {
    await servers?.stop();
  });

  /** Opens a new declaration of the dossier in the editor, on its 2033-A tab. */
  async function openEditor(app: Page) {
    await signInToPasserelle(app, servers.declarant.url, BRUNO);
    await app.goto(`${servers.declarant.url}/dossiers/${lilasId}`);
    await app
      .getByRole('region', { name: 'Déclarations' })
      .getByRole('button', { name: 'Nouvelle déclaration' })
      .click();
    await app.getByText('Déclaration créée.').waitFor();
    await openTab2033A(app);
  }

  const openTab2033A = (app: Page) =>
    app
      .getByRole('tablist', { name: 'Formulaires de la liasse' })
      .getByRole('tab', { name: /^2033-A/ })
      .click();

  it('a link clicked while the change is sent waits for the save, then leaves; a refused save asks first', async () => {
    const app = await browser.newPage();
    await openEditor(app);
    const editorPath = new URL(app.url()).pathname;
    const brut = app.getByLabel('AA — Immobilisations incorporelles, fonds commercial, brut');
    const dossierLink = app.getByRole('link', { name: `Dossier ${LILAS.name}` });
    const dossierHeading = app.getByRole('heading', { name: LILAS.name, exact: true, level: 1 });
    const dialogs: string[] = [];
    app.on('dialog', (dialog) => dialogs.push(dialog.message()));

    // Typed, then the link at once (the blur sends the change): no question, the value is kept.
    await brut.fill('1 200');
    await dossierLink.click();
    await dossierHeading.waitFor();
    await app.goBack();
    await openTab2033A(app);
    await expect.poll(() => brut.inputValue()).toMatch(/^1\s?200$/);
    expect(dialogs).toEqual([]);

    // The server cannot be reached: the change is not saved, and leaving asks first.
    await app.route('**/api/declarations/*/cells', (route) => route.abort());
    await brut.fill('1 300');
    await brut.press('Tab');
    await app.getByText(/Vos dernières saisies ne sont pas enregistrées\./).waitFor();

    app.once('dialog', (dialog) => void dialog.dismiss());
    await dossierLink.click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toBe(QUESTION);
    // "Annuler": still in the editor, the unsaved value still there.
    expect(new URL(app.url()).pathname).toBe(editorPath);
    expect(await brut.inputValue()).toMatch(/^1\s?300$/);

    app.once('dialog', (dialog) => void dialog.accept());
    await dossierLink.click();
    await dossierHeading.waitFor();
    expect(dialogs).toEqual([QUESTION, QUESTION]);
    expect(new URL(app.url()).pathname).toBe(`/dossiers/${lilasId}`);
  });
});
