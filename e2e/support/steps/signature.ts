// Browser steps on the signatures of "Compte utilisateur", and the API call that makes one.
import type { Locator, Page } from 'playwright-core';
import type { ApiSession } from '../api-session';
import { SIGNATURE_PASSWORD } from '../people';

/** The side panel "Ajouter une signature". */
export function addSignaturePanel(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Ajouter une signature' });
}

/** What the panel asks: `validity` ("24 mois") is left at its default unless given. */
export interface SignatureForm {
  code: string;
  password: string;
  /** The password typed again; the password itself unless given. */
  confirmation?: string;
  validity?: string;
}

/** Fills the open "Ajouter une signature" panel (without pressing "Enregistrer"). */
export async function fillSignatureForm(panel: Locator, form: SignatureForm): Promise<void> {
  await panel.getByLabel('Code confidentiel EDI-TDFC').fill(form.code);
  if (form.validity !== undefined)
    await panel.getByLabel('Durée de validité').selectOption({ label: form.validity });
  await panel.getByLabel('Mot de passe', { exact: true }).fill(form.password);
  await panel.getByLabel('Confirmation du mot de passe').fill(form.confirmation ?? form.password);
}

/** "Ajouter une signature", the form filled, "Enregistrer": waits for the panel to close. */
export async function addSignature(page: Page, form: SignatureForm): Promise<void> {
  await page.getByRole('button', { name: 'Ajouter une signature' }).click();
  const panel = addSignaturePanel(page);
  await fillSignatureForm(panel, form);
  await panel.getByRole('button', { name: 'Enregistrer' }).click();
  await panel.waitFor({ state: 'detached' });
}

/** The row of the "Signatures" table (of "Compte utilisateur") holding `text`: a holder, a serial. */
export function signatureRow(page: Page, text: string): Locator {
  return page
    .getByRole('table')
    .filter({ hasText: 'Numéro de série' })
    .getByRole('row')
    .filter({ hasText: text });
}

/** A signature made through the API (`POST /api/me/signatures`: 201), valid 12 months. */
export async function createSignature(
  session: ApiSession,
  code: string,
  password = SIGNATURE_PASSWORD,
): Promise<{ id: string; serial: string; status: string }> {
  const created = await session.call<{
    signature: { id: string; serial: string; status: string };
  }>('POST', '/api/me/signatures', {
    confidentialCode: code,
    validityMonths: 12,
    password,
    passwordConfirmation: password,
  });
  if (created.status !== 201)
    throw new Error(`signature: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.signature;
}
