import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToPasserelle } from '../support/sign-in';
import { useBrowser } from '../support/browser-hooks';
import { ADMIN, BRUNO } from '../support/people';
import type { DeclarantProcess } from '../support/declarant-process';
import { testDialects } from '../support/postgres-database';
import { startDeclarantAlone, type DeclarantAlone } from '../support/servers';
import { seedFirmUsers } from '../support/seed-declarant';

const DOSSIER = {
  name: 'Boulangerie des Lilas',
  street: '12 rue des Lilas',
  postcode: '75011',
  city: 'Paris',
  rof: 'IS1',
};

describe.each(await testDialects())(
  '"Dossiers" and the firm’s test mode, in the browser (%s)',
  (dialect) => {
    let declarant: DeclarantProcess;
    let servers: DeclarantAlone;
    const browser = useBrowser();

    beforeAll(async () => {
      // No partner: dossiers and settings never call it (the client-space status says so).
      servers = await startDeclarantAlone({ dialect });
      declarant = servers.declarant;
      await seedFirmUsers(declarant, [BRUNO]);
    });
    afterAll(async () => {
      await servers?.stop();
    });

    const signIn = (page: Page, user: { email: string; password: string }) =>
      signInToPasserelle(page, declarant.url, user);

    const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

    it('a collaborator creates a dossier (wrong SIREN first), adds an exercise, is refused an overlapping one', async () => {
      const app = await browser.newPage();
      await signIn(app, BRUNO);
      expect(await nav(app).getByRole('link').first().innerText()).toBe('Dossiers');
      expect(await nav(app).getByRole('link', { name: 'Paramètres du cabinet' }).count()).toBe(0);
      await nav(app).getByRole('link', { name: 'Dossiers' }).click();
      await app.getByRole('heading', { name: 'Dossiers', level: 1 }).waitFor();
      await app.getByText('Aucun dossier.').waitFor();

      // "Créer un dossier": a SIREN whose check digit is wrong is refused on its field.
      await app.getByRole('button', { name: 'Créer un dossier' }).click();
      const panel = app.getByRole('dialog', { name: 'Créer un dossier' });
      expect(await panel.getByLabel('Catégorie fiscale').inputValue()).toBe('BI');
      expect(await panel.getByLabel('Régime').inputValue()).toBe('RS');
      await panel.getByLabel('SIREN').fill('732829321');
      await panel.getByLabel('Raison sociale').fill(DOSSIER.name);
      await panel.getByLabel('Adresse', { exact: true }).fill(DOSSIER.street);
      await panel.getByLabel('Code postal').fill(DOSSIER.postcode);
      await panel.getByLabel('Ville').fill(DOSSIER.city);
      await panel.getByLabel('Régime').selectOption({ label: 'Réel normal' });
      await panel.getByLabel('Imposition').selectOption({ label: 'Impôt sur les sociétés (IS)' });
      await panel.getByLabel('Référence d’obligation fiscale (ROF)').fill(DOSSIER.rof);
      await panel.getByRole('button', { name: 'Créer', exact: true }).click();
      await panel
        .getByText('SIREN invalide : 9 chiffres avec une clé de contrôle correcte.')
        .waitFor();
      expect(await panel.getByLabel('SIREN').getAttribute('aria-invalid')).toBe('true');

      await panel.getByLabel('SIREN').fill('732 829 320');
      await panel.getByRole('button', { name: 'Créer', exact: true }).click();
      await app.getByRole('heading', { name: DOSSIER.name, level: 1 }).waitFor();
      expect(new URL(app.url()).pathname).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
      await app.getByText(`Dossier ${DOSSIER.name} créé.`).waitFor();
      const identity = app.getByRole('region', { name: 'Identité' });
      const identityText = await identity.innerText();
      for (const text of ['732 829 320', DOSSIER.street, '75011 Paris', 'Réel normal', 'IS1'])
        expect(identityText).toContain(text);
      await app
        .getByRole('region', { name: 'Déclarations' })
        .getByText('Aucune déclaration.')
        .waitFor();

      // "Ajouter un exercice": 2025, then an exercise overlapping it.
      const exercises = app.getByRole('region', { name: 'Exercices' });
      await exercises.getByText('Aucun exercice.').waitFor();
      await exercises.getByRole('button', { name: 'Ajouter un exercice' }).click();
      const exercise = app.getByRole('dialog', { name: 'Ajouter un exercice' });
      await exercise.getByLabel('Date de début').fill('2025-01-01');
      await exercise.getByLabel('Date de fin').fill('2025-12-31');
      await exercise.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await exercise.waitFor({ state: 'detached' });
      await exercises.getByText('du 01/01/2025 au 31/12/2025').waitFor();

      await exercises.getByRole('button', { name: 'Ajouter un exercice' }).click();
      await exercise.getByLabel('Date de début').fill('2025-07-01');
      await exercise.getByLabel('Date de fin').fill('2026-06-30');
      await exercise.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await exercise.getByText('Cet exercice chevauche un exercice existant du dossier.').waitFor();
      expect(await exercise.getByLabel('Date de début').getAttribute('aria-invalid')).toBe('true');
      await exercise.getByRole('button', { name: 'Fermer' }).click();
      expect(await exercises.getByRole('listitem').allInnerTexts()).toEqual([
        'Exercice du 01/01/2025 au 31/12/2025',
      ]);

      // "Modifier" opens the same form, prefilled, and saves the change.
      await identity.getByRole('button', { name: 'Modifier' }).click();
      const edit = app.getByRole('dialog', { name: 'Modifier le dossier' });
      expect(await edit.getByLabel('SIREN').inputValue()).toBe('732 829 320');
      expect(await edit.getByLabel('Régime').inputValue()).toBe('RN');
      await edit.getByLabel('Ville').fill('Lyon');
      await edit.getByLabel('Code postal').fill('69002');
      await edit.getByRole('button', { name: 'Enregistrer' }).click();
      await edit.waitFor({ state: 'detached' });
      await app.getByText('Dossier modifié.').waitFor();
      await identity.getByText('69002 Lyon').waitFor();

      // The list: a link per dossier, the SIREN grouped; a second dossier for the SIREN is refused.
      await app.getByRole('link', { name: 'Tous les dossiers' }).click();
      const row = app.getByRole('row').filter({ hasText: DOSSIER.name });
      await row.waitFor();
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        '732 829 320',
        'Réel normal',
        'IS',
        'Lyon',
      ]);
      await app.getByRole('button', { name: 'Créer un dossier' }).click();
      await panel.getByLabel('SIREN').fill('732829320');
      await panel.getByLabel('Raison sociale').fill('Autre nom');
      await panel.getByLabel('Code postal').fill('75001');
      await panel.getByLabel('Ville').fill('Paris');
      await panel.getByLabel('Référence d’obligation fiscale (ROF)').fill('IS1');
      await panel.getByRole('button', { name: 'Créer', exact: true }).click();
      await panel.getByText('Un dossier existe déjà pour ce SIREN.').waitFor();
      await panel.getByRole('button', { name: 'Fermer' }).click();
      await row.getByRole('link', { name: DOSSIER.name }).click();
      await app.getByRole('heading', { name: DOSSIER.name, level: 1 }).waitFor();

      // "Paramètres du cabinet" is for administrators only.
      await app.goto(`${declarant.url}/cabinet`);
      await app.getByText('Réservé aux administrateurs.').waitFor();
    });

    it('an administrator turns "Mode test" on and sets the firm’s SIRET, and both are kept', async () => {
      const admin = await browser.newPage();
      await signIn(admin, ADMIN);
      await nav(admin).getByRole('link', { name: 'Paramètres du cabinet' }).click();
      await admin.getByRole('heading', { name: 'Paramètres du cabinet', level: 1 }).waitFor();
      const testMode = admin.getByRole('checkbox', { name: 'Mode test' });
      await admin
        .getByText(
          'Les envois portent l’indicateur de test : le partenaire EDI et la DGFiP les traitent comme des essais.',
        )
        .waitFor();
      expect(await testMode.isChecked()).toBe(false);
      await testMode.check();
      await admin.getByRole('status').filter({ hasText: 'Mode test activé' }).waitFor();

      await admin.reload();
      await admin.getByRole('heading', { name: 'Paramètres du cabinet', level: 1 }).waitFor();
      await testMode.waitFor();
      expect(await testMode.isChecked()).toBe(true);

      // The firm's SIRET, written in every interchange: checked, then kept.
      const siret = admin.getByLabel('SIRET du cabinet');
      await siret.fill('732 829 320 00075');
      await admin.getByRole('button', { name: 'Enregistrer le SIRET' }).click();
      await admin
        .getByText('SIRET invalide : 14 chiffres avec une clé de contrôle correcte.')
        .waitFor();
      await siret.fill('732 829 320 00074');
      await admin.getByRole('button', { name: 'Enregistrer le SIRET' }).click();
      await admin.getByRole('status').filter({ hasText: 'SIRET du cabinet enregistré.' }).waitFor();
      await admin.reload();
      await admin.getByLabel('SIRET du cabinet').waitFor();
      expect(await admin.getByLabel('SIRET du cabinet').inputValue()).toBe('73282932000074');
    });
  },
);
