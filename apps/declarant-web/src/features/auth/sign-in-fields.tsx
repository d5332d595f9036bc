// "Adresse email" and "Mot de passe" of a sign-in: Passerelle's own, and the client space's at
// the partner EDI.
import type { FieldBinding } from '../../shared/use-form';
import { TextField } from '../../shared/text-field';

/** The two fields, bound to a form whose fields are `email` and `password`. */
export function SignInFields({ field }: { field: (name: 'email' | 'password') => FieldBinding }) {
  return (
    <>
      <TextField label="Adresse email" type="email" autoComplete="username" {...field('email')} />
      <TextField
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        {...field('password')}
      />
    </>
  );
}
