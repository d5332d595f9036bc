import { describe, expect, it } from 'vitest';
import { setupRequest } from '@passerelle/contracts';
import { ApiError } from './api/client';
import { errorText, formErrorsFromApi, formErrorsFromIssues } from './errors';
import { messages } from './messages';

const fields = ['email', 'password', 'passwordConfirmation'] as const;

describe('formErrorsFromApi', () => {
  it("puts a VALIDATION_ERROR's French message on the field the server names", () => {
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
