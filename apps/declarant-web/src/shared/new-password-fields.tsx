// "Mot de passe" + "Confirmation du mot de passe" for every form choosing a new password.
import { PASSWORD_MIN_LENGTH } from '@passerelle/contracts';
import type { FieldBinding } from './use-form';
import { TextField } from './text-field';

/** The new password and its confirmation, with the length rule as a hint. */
export function NewPasswordFields({
  password,
  confirmation,
  label = 'Mot de passe',
  username,
}: {
  password: FieldBinding;
  confirmation: FieldBinding;
  label?: string;
  /** The account's email, for password managers (hidden, not in the accessibility tree). */
  username?: string;
}) {
  return (
    <>
      {username !== undefined && (
        <input type="text" hidden readOnly autoComplete="username" value={username} />
      )}
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est un bon choix.`}
        {...password}
      />
      <TextField
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        {...confirmation}
      />
    </>
  );
}
