import { describe, expect, it } from 'vitest';
import { setupRequest } from '@passerelle/contracts';
import { ApiError } from '../api/client';
import { errorText, formErrorsFromApi, formErrorsFromIssues, hasErrorCode } from './errors';
import { messages } from './messages';

const fields = ['email', 'password', 'passwordConfirmation'] as const;

describe('formErrorsFromApi', () => {
  it('puts a VALIDATION_ERROR’s French message on the field the server names', () => {
    const error = new ApiError(400, 'VALIDATION_ERROR', 'Adresse email invalide.', 'email');
    expect(formErrorsFromApi(error, fields)).toEqual({
      fields: { email: 'Adresse email invalide.' },
      form: null,
    });
  });

  it('puts WEAK_PASSWORD on the password field with the server message', () => {
    const error = new ApiError(400, 'WEAK_PASSWORD', 'Ce mot de passe est trop courant.');
    expect(formErrorsFromApi(error, fields, { WEAK_PASSWORD: 'password' })).toEqual({
      fields: { password: 'Ce mot de passe est trop courant.' },
      form: null,
    });
  });

  it('shows other codes with the French map, on the whole form', () => {
    const error = new ApiError(401, 'INVALID_CREDENTIALS', 'Invalid credentials');
    expect(formErrorsFromApi(error, fields)).toEqual({
      fields: {},
      form: messages.INVALID_CREDENTIALS,
    });
  });

  it('shows nothing for a failure the app already handled (redirect to sign-in)', () => {
    const error = new ApiError(401, 'SESSION_EXPIRED', '', undefined, undefined, true);
    expect(errorText(error)).toBeNull();
  });

  it('formats RATE_LIMITED with the Retry-After delay', () => {
    const error = new ApiError(429, 'RATE_LIMITED', 'Too many', undefined, 120);
    expect(errorText(error)).toBe('Trop de tentatives. Réessayez dans 2 minutes.');
  });
});

describe('errorText with the signature codes', () => {
  it('shows the server message for the codes whose details only the server knows', () => {
    const remaining = 'Code confidentiel EDI-TDFC incorrect : encore 4 essais avant un blocage.';
    expect(errorText(new ApiError(403, 'CONFIDENTIAL_CODE_INVALID', remaining))).toBe(remaining);
    const locked = 'Saisie du code bloquée jusqu’à 14:30.';
    expect(errorText(new ApiError(429, 'CONFIDENTIAL_CODE_LOCKED', locked))).toBe(locked);
    const tries = 'Mot de passe de la signature incorrect : encore 2 essais.';
    expect(errorText(new ApiError(403, 'WRONG_SIGNATURE_PASSWORD', tries))).toBe(tries);
    const until = 'Signature bloquée jusqu’à 14:30.';
    expect(errorText(new ApiError(423, 'SIGNATURE_LOCKED', until))).toBe(until);
  });

  it('falls back to the French map when the server message is empty', () => {
    expect(errorText(new ApiError(403, 'WRONG_SIGNATURE_PASSWORD', ''))).toBe(
      'Mot de passe de la signature incorrect.',
    );
  });

  it('keeps the French map for the other codes', () => {
    const error = new ApiError(409, 'CLIENT_SPACE_NOT_CONNECTED', 'Client space not connected');
    expect(errorText(error)).toBe('Connectez-vous d’abord à l’espace client (Compte utilisateur).');
    expect(errorText(new ApiError(409, 'SIGNATURE_IN_PROGRESS', 'busy'))).toBe(
      'Une création de signature est déjà en cours.',
    );
  });

  it('puts a wrong confidential code on its field with the remaining attempts', () => {
    const error = new ApiError(
      403,
      'CONFIDENTIAL_CODE_INVALID',
      'Code incorrect : encore 4 essais.',
    );
    const names = ['confidentialCode', 'validityMonths', 'password', 'passwordConfirmation'];
    expect(
      formErrorsFromApi(error, names, { CONFIDENTIAL_CODE_INVALID: 'confidentialCode' }),
    ).toEqual({ fields: { confidentialCode: 'Code incorrect : encore 4 essais.' }, form: null });
  });

  it('tells API refusals by code', () => {
    const error = new ApiError(409, 'ALREADY_REVOKED', '');
    expect(hasErrorCode(error, 'NOT_FOUND', 'ALREADY_REVOKED')).toBe(true);
    expect(hasErrorCode(error, 'NOT_FOUND')).toBe(false);
    expect(hasErrorCode(new Error('x'), 'NOT_FOUND')).toBe(false);
  });
});

describe('errorText with the declaration codes', () => {
  it('shows IMPORT_INVALID’s server message, which says what is wrong in the file and where', () => {
    const precise =
      'Fichier INFENT invalide : segment 42 (MOA) : montant « 12,5 » illisible. Aucune déclaration n’a été créée.';
    expect(errorText(new ApiError(422, 'IMPORT_INVALID', precise))).toBe(precise);
  });

  it('falls back to the French map for an IMPORT_INVALID without message', () => {
    expect(errorText(new ApiError(422, 'IMPORT_INVALID', ''))).toBe(messages.IMPORT_INVALID);
  });

  it('keeps the French map for DECLARATION_CHANGED', () => {
    expect(errorText(new ApiError(409, 'DECLARATION_CHANGED', 'Declaration changed'))).toBe(
      messages.DECLARATION_CHANGED,
    );
  });
});

describe('formErrorsFromIssues', () => {
  it("keeps the contracts' French messages, first issue per field", () => {
    const parsed = setupRequest.safeParse({
      token: 'abc',
      firmName: 'Cabinet',
      firstName: 'Jeanne',
      lastName: 'Martin',
      email: 'pas-une-adresse',
      password: 'court',
      passwordConfirmation: 'court',
    });
    expect(parsed.success).toBe(false);
    const errors = formErrorsFromIssues(parsed.error?.issues ?? [], fields);
    expect(errors.fields.email).toBe('Adresse email invalide.');
    expect(errors.fields.password).toBe('Le mot de passe doit contenir au moins 12 caractères.');
  });
});
