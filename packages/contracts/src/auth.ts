import { z } from 'zod';
import {
  emailField,
  lineTextField,
  newPasswordFields,
  passwordField,
  personNameField,
  withCertificateHolderName,
} from './fields';
import { currentUserSchema } from './users';

/** `POST /api/setup`: the one-time first start, creating the firm and its first administrator. */
export const setupRequest = withCertificateHolderName(
  z.object({
    token: z.string({ error: 'Lien de configuration manquant.' }).min(1).max(200),
    firmName: lineTextField('Nom du cabinet')
      .trim()
      .min(1, 'Nom du cabinet obligatoire.')
      .max(200, 'Nom du cabinet trop long (200 caractères au plus).'),
    firstName: personNameField('Prénom'),
    lastName: personNameField('Nom'),
    email: emailField,
  }),
).and(newPasswordFields);
export type SetupRequest = z.input<typeof setupRequest>;

/** `GET /api/setup`: whether the first start still waits for its administrator. */
export const setupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatus>;

/** `POST /api/session`: sign in. */
export const signInRequest = z.object({ email: emailField, password: passwordField });
export type SignInRequest = z.input<typeof signInRequest>;

/** Answer of sign-in and of `GET /api/session`. */
export const sessionResponse = z.object({ user: currentUserSchema });
export type SessionResponse = z.infer<typeof sessionResponse>;

/** `POST /api/me/password`: a signed-in user changes their own password. */
export const changePasswordRequest = z
  .object({ currentPassword: passwordField })
  .and(newPasswordFields);
export type ChangePasswordRequest = z.input<typeof changePasswordRequest>;

/** A one-time link's secret, sent in the body so it never appears in a URL or an access log. */
export const passwordTokenRequest = z.object({
  token: z.string({ error: 'Lien invalide.' }).min(1, 'Lien invalide.').max(200, 'Lien invalide.'),
});
export type PasswordTokenRequest = z.input<typeof passwordTokenRequest>;

/** `POST /api/password-tokens/lookup`: what the one-time link is for, before it is used. */
export const passwordTokenInfo = z.object({
  purpose: z.enum(['invite', 'reset']),
  email: z.string(),
  firstName: z.string(),
  expiresAt: z.string(),
});
export type PasswordTokenInfo = z.infer<typeof passwordTokenInfo>;

/** `POST /api/password-tokens/use`: choose a password through a one-time link. */
export const usePasswordTokenRequest = passwordTokenRequest.and(newPasswordFields);
export type UsePasswordTokenRequest = z.input<typeof usePasswordTokenRequest>;
