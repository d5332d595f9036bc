import { z } from 'zod';
import { emailField, newPasswordFields, passwordField } from './fields';

// The client account's password on the reference EDI partner: change (signed in) and reset
// through an emailed one-time link (portal pages, and the same operations in API v1).

/** `POST /api/v1/accounts/current/password`: the signed-in account changes its password. */
export const changeAccountPasswordRequest = z
  .object({ currentPassword: passwordField })
  .and(newPasswordFields);
export type ChangeAccountPasswordRequest = z.input<typeof changeAccountPasswordRequest>;

/** `POST /api/v1/password-resets`: asks for a reset link to be emailed to the address. */
export const passwordResetRequest = z.object({ email: emailField });
export type PasswordResetRequest = z.input<typeof passwordResetRequest>;

/**
 * Answer of `POST /api/v1/password-resets` (202), the same whether the address has an account or
 * not: only its owner learns it, from their mailbox.
 */
export const passwordResetRequestedSchema = z.object({ sentTo: z.string() });
export type PasswordResetRequested = z.infer<typeof passwordResetRequestedSchema>;

/** `POST /api/v1/password-resets/use`: the emailed link's token and the new password. */
export const resetPasswordRequest = z
  .object({
    token: z
      .string({ error: 'Lien invalide.' })
      .min(1, 'Lien invalide.')
      .max(200, 'Lien invalide.'),
  })
  .and(newPasswordFields);
export type ResetPasswordRequest = z.input<typeof resetPasswordRequest>;
