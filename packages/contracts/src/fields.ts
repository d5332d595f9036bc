import { z } from 'zod';

/** Longest password accepted (characters); longer input is refused, never truncated. */
export const PASSWORD_MAX_LENGTH = 128;
/** Shortest password accepted for an application account (ASVS 4.0.3 V2.1.1). */
export const PASSWORD_MIN_LENGTH = 12;

/** A person's email, trimmed and lower-cased so that uniqueness is case-insensitive. */
export const emailField = z
  .string({ error: 'Adresse email obligatoire.' })
  .trim()
  .min(1, 'Adresse email obligatoire.')
  .max(254, 'Adresse email trop longue (254 caractères au plus).')
  .pipe(z.email({ error: 'Adresse email invalide.' }))
  .transform((value) => value.toLowerCase());

/** A first or last name. */
export const personNameField = (label: string) =>
  z
    .string({ error: `${label} obligatoire.` })
    .trim()
    .min(1, `${label} obligatoire.`)
    .max(100, `${label} trop long (100 caractères au plus).`);

/**
 * A password as typed: only its length is checked here (strength needs the dictionary, which is
 * checked on the server). Code points are counted, as NIST SP 800-63B asks.
 */
export const passwordField = z
  .string({ error: 'Mot de passe obligatoire.' })
  .min(1, 'Mot de passe obligatoire.')
  .refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, {
    error: `Mot de passe trop long (${PASSWORD_MAX_LENGTH} caractères au plus).`,
  });

/** A new password: the length rules, and its confirmation must be equal. */
export const newPasswordFields = z
  .object({
    password: passwordField.refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, {
      error: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`,
    }),
    passwordConfirmation: z.string({ error: 'Confirmation du mot de passe obligatoire.' }),
  })
  .refine((value) => value.password === value.passwordConfirmation, {
    error: 'La confirmation ne correspond pas au mot de passe.',
    path: ['passwordConfirmation'],
  });
