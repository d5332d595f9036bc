import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './password-strength';

describe('checkPasswordStrength', () => {
  it.each(['motdepasse123', 'Azerty123456!', 'Bonjour2024!!', 'soleilsoleil', 'P@sserelle2025!'])(
    'refuses the guessable "%s" with a French explanation',
    (password) => {
      const verdict = checkPasswordStrength(password);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.message).toMatch(/^Mot de passe trop facile à deviner\./);
    },
  );

  it.each(['cheval agrafe batterie correcte', 'girafe lumineuse sous la pluie', 'Kx9#mPq2vL7w'])(
    'accepts "%s" without any composition rule',
    (password) => {
      expect(checkPasswordStrength(password)).toEqual({ ok: true });
    },
  );

  it('counts the person’s own names and email for nothing', () => {
    expect(checkPasswordStrength('jeanne.martin1990')).toEqual({ ok: true });
    expect(
      checkPasswordStrength('jeanne.martin1990', ['jeanne.martin@cabinet.fr', 'Jeanne', 'Martin'])
        .ok,
    ).toBe(false);
  });

  it('knows French dictionary words', () => {
    expect(checkPasswordStrength('chocolatbonjour').ok).toBe(false);
  });
});
