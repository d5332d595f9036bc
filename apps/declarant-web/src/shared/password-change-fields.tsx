// Changing a password one knows: the current one, then the new one and its confirmation (one's
// own password, a signature's, the password of a signature's .p12 export).
import type { z } from 'zod';
import type { ErrorCode } from '@passerelle/contracts';
import { NewPasswordFields } from './new-password-fields';
import type { NewPasswordFieldsProps } from './new-password-fields';
import { TextField } from './text-field';
import { useForm } from './use-form';
import type { FieldBinding } from './use-form';

/** The fields of every form whose request has `currentPassword`, `password` and its confirmation. */
export type PasswordChangeField = 'currentPassword' | 'password' | 'passwordConfirmation';

/**
 * The form of such a request: empty fields; `wrongPassword` (the code refusing the current
 * password) and a weak new password are said under their fields.
 */
export function usePasswordChangeForm<S extends z.ZodType>(
  id: string,
  schema: S,
  wrongPassword: ErrorCode,
) {
  return useForm({
    id,
    schema,
    initial: { currentPassword: '', password: '', passwordConfirmation: '' },
    fieldForCode: { [wrongPassword]: 'currentPassword', WEAK_PASSWORD: 'password' },
  });
}

/** The current password's field, then {@link NewPasswordFields}. */
export function PasswordChangeFields({
  field,
  currentLabel,
  currentAutoComplete = 'off',
  ...newPassword
}: Omit<NewPasswordFieldsProps, 'password' | 'confirmation'> & {
  /** The form's `field` (`useForm`). */
  field: (name: PasswordChangeField) => FieldBinding;
  /** "Mot de passe actuel", "Mot de passe de la signature"… */
  currentLabel: string;
  /** `current-password` for the user's own password; off for a signature's. */
  currentAutoComplete?: string;
}) {
  return (
    <>
      <TextField
        label={currentLabel}
        type="password"
        autoComplete={currentAutoComplete}
        {...field('currentPassword')}
      />
      <NewPasswordFields
        password={field('password')}
        confirmation={field('passwordConfirmation')}
        {...newPassword}
      />
    </>
  );
}
