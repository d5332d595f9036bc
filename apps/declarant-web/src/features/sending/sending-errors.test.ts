import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { messages } from '../../shared/messages';
import {
  refreshesClientSpace,
  refreshesDeclarations,
  refreshesSignatures,
  sendingErrorsFromApi,
} from './sending-errors';

describe('sendingErrorsFromApi', () => {
  it('shows a wrong password beside the password, with the server’s remaining tries', () => {
    const message = 'Mot de passe de la signature incorrect : encore 9 essais avant un blocage.';
    const error = new ApiError(403, 'WRONG_SIGNATURE_PASSWORD', message, 'password');
    expect(sendingErrorsFromApi(error)).toEqual({ fields: { password: message }, form: null });
    expect(refreshesSignatures(error)).toBe(true);
  });

  it('shows a locked, revoked or expired signature beside the signature', () => {
    const locked = new ApiError(423, 'SIGNATURE_LOCKED', 'Bloquée jusqu’à 14:30.');
    expect(sendingErrorsFromApi(locked)).toEqual({
      fields: { signatureId: 'Bloquée jusqu’à 14:30.' },
      form: null,
    });
    const revoked = new ApiError(409, 'SIGNATURE_REVOKED', 'revoked');
    expect(sendingErrorsFromApi(revoked).fields.signatureId).toBe(messages.SIGNATURE_REVOKED);
    expect(refreshesSignatures(revoked)).toBe(true);
  });

  it('names the declarations that are not ready, from the server, at the top', () => {
    const message = 'Ces déclarations ne sont pas prêtes à l’envoi : Boulangerie des Lilas (2024).';
    const error = new ApiError(409, 'DECLARATION_NOT_READY', message);
    expect(sendingErrorsFromApi(error)).toEqual({ fields: {}, form: message });
    expect(refreshesDeclarations(error)).toBe(true);
    expect(refreshesSignatures(error)).toBe(false);
    // Without a message, the French map.
    expect(sendingErrorsFromApi(new ApiError(409, 'DECLARATION_NOT_READY', '')).form).toBe(
      messages.DECLARATION_NOT_READY,
    );
  });

  it('shows other refusals at the top in French', () => {
    const error = new ApiError(409, 'CLIENT_SPACE_NOT_CONNECTED', 'not connected');
    expect(sendingErrorsFromApi(error)).toEqual({
      fields: {},
      form: messages.CLIENT_SPACE_NOT_CONNECTED,
    });
    expect(refreshesClientSpace(error)).toBe(true);
    expect(sendingErrorsFromApi(new ApiError(409, 'FIRM_SIRET_MISSING', 'x')).form).toBe(
      messages.FIRM_SIRET_MISSING,
    );
  });

  it('puts a validation refusal on the field the server names', () => {
    const error = new ApiError(400, 'VALIDATION_ERROR', 'Mot de passe obligatoire.', 'password');
    expect(sendingErrorsFromApi(error).fields.password).toBe('Mot de passe obligatoire.');
  });
});
