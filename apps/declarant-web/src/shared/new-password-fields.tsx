// "Mot de passe" + "Confirmation du mot de passe" for every form choosing a new password.
import { PASSWORD_MIN_LENGTH } from '@passerelle/contracts';
import type { FieldBinding } from './use-form';
import { TextField } from './text-field';

/** What {@link NewPasswordFields} takes. */
export interface NewPasswordFieldsProps {
  password: FieldBinding;
  confirmation: FieldBinding;
  label?: string;
  confirmationLabel?: string;
  /** The length rule, and what the password is for. */
  hint?: string;
  /** The id of a note that also describes the password field. */
  describedBy?: string;
  /** The account's email, for password managers (hidden, not in the accessibility tree). */
  username?: string;
}

/** The new password and its confirmation, with the length rule as a hint. */
export function NewPasswordFields({
  password,
  confirmation,
  label = 'Mot de passe',
  confirmationLabel = 'Confirmation du mot de passe',
  hint = `Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est un bon choix.`,
  describedBy,
  username,
}: NewPasswordFieldsProps) {
  return (
    <>
      {username !== undefined && (
        <input type="text" hidden readOnly autoComplete="username" value={username} />
      )}
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        describedBy={describedBy}
        hint={hint}
        {...password}
      />
      <TextField
        label={confirmationLabel}
        type="password"
        autoComplete="new-password"
        {...confirmation}
      />
    </>
  );
}
