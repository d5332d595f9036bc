import { z } from 'zod';
import { holderNameTooLongMessage } from './certificate-names';
import { findForbiddenCharacter, forbiddenCharacterMessage } from './text-characters';

/** Longest password accepted (characters); longer input is refused, never truncated. */
export const PASSWORD_MAX_LENGTH = 128;
/** Shortest password accepted for an application account (ASVS 4.0.3 V2.1.1). */
export const PASSWORD_MIN_LENGTH = 12;

/**
 * A one-line text as typed: refuses the characters of `text-characters.ts` (CR, LF, TAB, other
 * controls, bidi overrides…) with a French message naming the field and the character. Checked
 * before any trimming, so a pasted trailing CR/LF or TAB is refused rather than silently cut.
 * Every name, email address and free text of a request starts from it.
 */
export const lineTextField = (label: string, requiredMessage = `${label} obligatoire.`) =>
  z
    .string({ error: requiredMessage })
    .refine((value) => findForbiddenCharacter(value) === undefined, {
      error: (issue) => forbiddenCharacterMessage(label, String(issue.input)),
    });

/** A person's email, trimmed and lower-cased so that uniqueness is case-insensitive. */
export const emailField = lineTextField('Adresse email')
  .trim()
  .min(1, 'Adresse email obligatoire.')
  .max(254, 'Adresse email trop longue (254 caractères au plus).')
  .pipe(z.email({ error: 'Adresse email invalide.' }))
  .transform((value) => value.toLowerCase());

/** A first or last name. */
export const personNameField = (label: string) =>
  lineTextField(label)
    .trim()
    .min(1, `${label} obligatoire.`)
    .max(100, `${label} trop long (100 caractères au plus).`);

/**
 * The certificate bound on a person's names (object with `firstName` and `lastName`): "Prénom
 * Nom" is the commonName of their signature certificates, at most 64 characters. Checked where
 * a future holder's names are typed (declarant users, its first administrator, the partner's
 * holder), since nobody can rename them later. The refusal is placed on `lastName`.
 */
export function withCertificateHolderName<
  T extends z.ZodType<{ firstName: string; lastName: string }>,
>(schema: T): T {
  return schema.refine(
    (value) => holderNameTooLongMessage(value.firstName, value.lastName) === undefined,
    {
      path: ['lastName'],
      error: (issue) => {
        const value = issue.input as { firstName: string; lastName: string };
        return holderNameTooLongMessage(value.firstName, value.lastName);
      },
    },
  );
}

/**
 * A person who will hold a signature certificate: first and last names (named `names` in the
 * messages), email, then the `more` fields; CN "Prénom Nom" must fit its 64 characters.
 */
export function certificateHolderSchema<M extends z.ZodRawShape = Record<never, never>>(
  names: { firstName: string; lastName: string },
  more?: M,
) {
  const schema = z.object({
    firstName: personNameField(names.firstName),
    lastName: personNameField(names.lastName),
    email: emailField,
    ...(more ?? ({} as M)),
  });
  // The names are strings whatever `more` holds: TypeScript cannot see it through M.
  return withCertificateHolderName(
    schema as unknown as z.ZodType<{ firstName: string; lastName: string }>,
  ) as unknown as typeof schema;
}

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
