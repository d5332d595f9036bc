// Issue #14 item 7, keyboard: the help page's flow (sign in, the side panel of the client
// space, "Se connecter", "Ajouter une signature", code, validity, password and confirmation,
// "Enregistrer", close) walked with the keyboard alone — Tab, Shift+Tab, Enter, Space, Escape,
// arrows, and typing; no click, no fill. Locators only check where the visible focus is.
// Side panels and confirmations keep the focus inside (Tab and Shift+Tab cycle), close on
// Escape and give the focus back to the control that opened them.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser-hooks';
import type { DeclarantProcess } from '../support/declarant-process';
import { seedFirmUsers } from '../support/seed-declarant';
import { ADMIN, SIGNATURE_PASSWORD } from '../support/people';
import { startServers, type Servers } from '../support/servers';
import { seedClientAccount } from '../support/steps/client-account';
import { clientSpacePanel, connectedStatus } from '../support/steps/client-space';
import { addSignaturePanel } from '../support/steps/signature';

/** Whether `target` has the focus and shows it (`:focus-visible`, the yellow outline). */
function hasVisibleFocus(target: Locator): Promise<boolean> {
  return target.evaluate(
    (element) => element === document.activeElement && element.matches(':focus-visible'),
  );
}

/** Presses `key` (Tab by default) until `target` has the visible focus; fails after `max`. */
async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await hasVisibleFocus(target)) return;
  }
  throw new Error(`${key} × ${max} never reached ${target.toString()}`);
}

/** Whether the focused element is inside `container`. */
function focusInside(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}

/**
 * Tabs forward then backward around the dialog more times than it has controls: the focus
 * never leaves it, and comes back to where it started.
 */
async function expectFocusTrapped(page: Page, dialog: Locator) {
  const controls = await dialog.evaluate(
    (element) =>
      element.querySelectorAll('a[href], button:not([disabled]), input, select, textarea').length,
  );
  for (const key of ['Tab', 'Shift+Tab']) {
    const start = await page.evaluate(() => document.activeElement?.outerHTML);
    for (let i = 0; i < controls; i++) {
      await page.keyboard.press(key);
      expect(await focusInside(dialog), `${key} n° ${i + 1} stays in the dialog`).toBe(true);
    }
    if (key === 'Tab') {
      // A full turn (as many presses as controls) comes back to the same control.
      expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(start);
    }
  }
}

describe('the help page’s flow with the keyboard only', () => {
  let servers: Servers;
  let declarant: DeclarantProcess;
  let code: string;
  const browser = useBrowser();

  beforeAll(async () => {
    servers = await startServers();
    declarant = servers.declarant;
    await seedFirmUsers(declarant);
    code = await seedClientAccount(servers.partner);
  });
  afterAll(async () => {
    await servers?.stop();
  });

  it('signs in, connects to the client space and creates a signature without a mouse', async () => {
    const page = await browser.newPage();
    const { keyboard } = page;

    // Sign-in.
    await page.goto(`${declarant.url}/connexion`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await pressUntilFocused(page, page.getByLabel('Adresse email'));
    await keyboard.type(ADMIN.email);
    await keyboard.press('Tab');
    expect(await hasVisibleFocus(page.getByLabel('Mot de passe', { exact: true }))).toBe(true);
    await keyboard.type(ADMIN.password);
    await keyboard.press('Tab');
    const signIn = page.getByRole('button', { name: 'Se connecter à Passerelle' });
    expect(await hasVisibleFocus(signIn)).toBe(true);
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Compte utilisateur' }).waitFor();

    // "Ajouter les identifiants de connexion à l’espace client" opens the side panel, which
    // takes the focus and keeps it; Escape closes it and gives the focus back.
    const openPanel = page.getByRole('button', {
      name: 'Ajouter les identifiants de connexion à l’espace client',
    });
    await pressUntilFocused(page, openPanel);
    await keyboard.press('Enter');
    const panel = clientSpacePanel(page);
    await panel.waitFor();
    expect(await focusInside(panel)).toBe(true);
    await keyboard.press('Tab');
    await expectFocusTrapped(page, panel);
    await keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await hasVisibleFocus(openPanel)).toBe(true);

    // Again, and this time "Se connecter" with the portal's email and password.
    await keyboard.press('Enter');
    await panel.waitFor();
    await pressUntilFocused(page, panel.getByLabel('Adresse email'));
    await keyboard.type(ADMIN.email);
    await keyboard.press('Tab');
    expect(await hasVisibleFocus(panel.getByLabel('Mot de passe'))).toBe(true);
    await keyboard.type(ADMIN.password);
    await keyboard.press('Tab');
    expect(
      await hasVisibleFocus(panel.getByRole('button', { name: 'Se connecter', exact: true })),
    ).toBe(true);
    await keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    await connectedStatus(page).waitFor();
    // The button that opened the panel went with the connection: the page's heading has the
    // focus, not the document's body.
    expect(
      await page.evaluate(() => document.activeElement === document.querySelector('main h1')),
    ).toBe(true);

    // "Ajouter une signature": code, validity (arrow keys), password, confirmation, "Enregistrer".
    const add = page.getByRole('button', { name: 'Ajouter une signature' });
    await pressUntilFocused(page, add);
    await keyboard.press('Enter');
    const form = addSignaturePanel(page);
    const codeField = form.getByLabel('Code confidentiel EDI-TDFC');
    await codeField.waitFor();
    expect(await focusInside(form)).toBe(true);
    await pressUntilFocused(page, codeField);
    await expectFocusTrapped(page, form);
    await keyboard.type(code);
    await keyboard.press('Tab');
    const validity = form.getByLabel('Durée de validité');
    expect(await hasVisibleFocus(validity)).toBe(true);
    expect(await validity.inputValue()).toBe('12');
    await keyboard.press('ArrowDown');
    expect(await validity.inputValue()).toBe('24');
    await keyboard.press('Tab');
    expect(await hasVisibleFocus(form.getByLabel('Mot de passe', { exact: true }))).toBe(true);
    await keyboard.type(SIGNATURE_PASSWORD);
    await keyboard.press('Tab');
    expect(await hasVisibleFocus(form.getByLabel('Confirmation du mot de passe'))).toBe(true);
    await keyboard.type(SIGNATURE_PASSWORD);
    await keyboard.press('Tab');
    expect(await hasVisibleFocus(form.getByRole('button', { name: 'Enregistrer' }))).toBe(true);
    await keyboard.press('Enter');
    await form.waitFor({ state: 'detached', timeout: 30_000 });
    const row = page.getByRole('row').filter({ hasText: 'Alice Durand' });
    await row.getByText('Valide', { exact: true }).waitFor();
    expect(await hasVisibleFocus(add)).toBe(true);
    const inTwoYears = String(new Date().getFullYear() + 2);
    expect(await row.innerText()).toContain(inTwoYears);

    // The panel opened again and closed with its "Fermer" button (Space): focus back on "Ajouter".
    await keyboard.press('Enter');
    await form.waitFor();
    await pressUntilFocused(page, form.getByRole('button', { name: 'Fermer' }));
    await keyboard.press('Space');
    await form.waitFor({ state: 'detached' });
    expect(await hasVisibleFocus(add)).toBe(true);

    // A confirmation: "Annuler" has the focus (Enter never confirms by accident), the focus is
    // held, and Escape gives it back to "Révoquer".
    const revoke = row.getByRole('button', { name: 'Révoquer', exact: true });
    await pressUntilFocused(page, revoke);
    await keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Révocation de la signature' });
    await confirm.waitFor();
    expect(await hasVisibleFocus(confirm.getByRole('button', { name: 'Annuler' }))).toBe(true);
    await expectFocusTrapped(page, confirm);
    await keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await hasVisibleFocus(revoke)).toBe(true);
    await row.getByText('Valide', { exact: true }).waitFor();
  });
});
