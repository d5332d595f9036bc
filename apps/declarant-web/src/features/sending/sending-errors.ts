// Where a refusal of "Signer et envoyer" is shown: beside the password, beside the signature,
// or at the top of the dialog (pure, tested).
import type { ErrorCode } from '@passerelle/contracts';
import { ApiError } from '../../api/client';
import { formErrorsFromApi, hasErrorCode } from '../../shared/errors';
import type { FieldForCode, FormErrors } from '../../shared/errors';

/** The dialog's fields, as the request names them. */
export const sendingFields = ['signatureId', 'password'] as const;

const fieldForCode: FieldForCode = {
  WRONG_SIGNATURE_PASSWORD: 'password',
  SIGNATURE_LOCKED: 'signatureId',
  SIGNATURE_REVOKED: 'signatureId',
  SIGNATURE_EXPIRED: 'signatureId',
};

/**
 * Codes whose server message says more than the generic sentence: which declarations are not
 * ready, which mode the partner expects.
 */
const detailedCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'DECLARATION_NOT_READY',
  'DECLARATION_CHANGED',
  'TEST_MODE_MISMATCH',
  'INTERCHANGE_INVALID',
]);

/** The French sentences of a refused sending, placed on its field or on the whole dialog. */
export function sendingErrorsFromApi(error: unknown): FormErrors {
  const placed = formErrorsFromApi(error, sendingFields, fieldForCode);
  if (
    error instanceof ApiError &&
    detailedCodes.has(error.code as ErrorCode) &&
    error.serverMessage !== '' &&
    placed.form !== null
  ) {
    return { fields: placed.fields, form: error.serverMessage };
  }
  return placed;
}

/** Refusals after which the signatures' statuses may have changed (a lock, a revocation). */
export function refreshesSignatures(error: unknown): boolean {
  const changed = ['SIGNATURE_LOCKED', 'SIGNATURE_REVOKED', 'SIGNATURE_EXPIRED'] as const;
  return hasErrorCode(error, 'WRONG_SIGNATURE_PASSWORD', ...changed);
}

/** Refusals after which the list's statuses should be read again. */
export function refreshesDeclarations(error: unknown): boolean {
  return hasErrorCode(error, 'DECLARATION_NOT_READY', 'DECLARATION_CHANGED', 'NOT_FOUND');
}

/** Refusals after which the client-space status should be read again. */
export function refreshesClientSpace(error: unknown): boolean {
  return hasErrorCode(error, 'CLIENT_SPACE_NOT_CONNECTED');
}
